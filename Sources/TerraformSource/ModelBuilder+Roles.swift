import InfraModel
import SourceMap

/// The roles of a configuration with their policies, for TW103: the trust policy in
/// `assume_role_policy`, `inline_policy` blocks, `aws_iam_role_policy` resources,
/// `aws_iam_role_policy_attachment`s and `aws_iam_policy_attachment`s that name the role, and
/// `managed_policy_arns`; a policy is JSON
/// (a heredoc, `jsonencode(…)`) or a `data "aws_iam_policy_document"`.
extension ModelBuilder {
  mutating func describeRoles(_ roles: [Found], iam: [Found]) -> [Role] {
    var dataDocuments: [String: OutcomeState<PolicyDocument>] = [:]
    for found in iam where found.resource.isData {
      dataDocuments[found.address] = dataDocument(found)
    }
    let reader = PolicyDocumentReader(links: links, dataDocuments: dataDocuments)
    var described: [Role] = []
    var indexByAddress: [String: Int] = [:]
    for found in roles {
      indexByAddress[found.address] = described.count
      let scope = evaluator.scope(of: found.reference)
      let body = found.resource.block.body
      var trust = Attribute<PolicyDocument>(name: "assume_role_policy", .absent, at: found.resource.block.headerRange)
      if let argument = body.attribute("assume_role_policy") {
        let value = evaluator.evaluate(argument.value, in: scope)
        trust = Attribute(name: "assume_role_policy", reader.document(value), at: argument.value.range)
      }
      var policies: [Attribute<PolicyDocument>] = []
      for (index, block) in body.blocks(ofType: "inline_policy").enumerated() {
        guard let policy = block.body.attribute("policy") else { continue }
        let name = block.body.attribute("name").flatMap { evaluator.evaluate($0.value, in: scope).knownText }
        policies.append(Attribute(
          name: name.map { "inline policy '\($0)'" } ?? "inline policy \(index + 1)",
          reader.document(evaluator.evaluate(policy.value, in: scope)), at: policy.value.range))
      }
      if let listed = body.attribute("managed_policy_arns") {
        let value = evaluator.evaluate(listed.value, in: scope)
        let arns: [TerraformValue]
        if case .tuple(let items) = value { arns = items } else { arns = [value] }
        for arn in arns {
          policies.append(managedPolicy(arn, at: listed.value.range, iam: iam, reader: reader))
        }
      }
      described.append(Role(identity: identity(found), trustPolicy: trust, policies: policies, isDescribed: true))
    }
    for found in iam where found.resource.type == Self.sharedAttachmentType {
      guard let arn = found.resource.block.body.attribute("policy_arn") else { continue }
      let named = evaluator.resourceAttribute("roles", of: found.reference)
      let listed: [TerraformValue]
      if case .tuple(let items) = named { listed = items } else { listed = [named] }
      let indexes = listed.compactMap { roleAddress(named: $0).flatMap { indexByAddress[$0] } }
      guard !indexes.isEmpty else { continue }
      let policy = managedPolicy(
        evaluator.resourceAttribute("policy_arn", of: found.reference), at: arn.value.range, iam: iam, reader: reader)
      for index in indexes { described[index].policies.append(policy) }
    }
    for found in iam
    where !found.resource.isData && found.resource.type != Self.policyType && found.resource.type != Self.sharedAttachmentType {
      guard let role = roleAddress(named: evaluator.resourceAttribute("role", of: found.reference)),
        let index = indexByAddress[role]
      else { continue }
      let body = found.resource.block.body
      if found.resource.type == Self.rolePolicyType, let policy = body.attribute("policy") {
        let value = evaluator.resourceAttribute("policy", of: found.reference)
        described[index].policies.append(Attribute(name: found.address, reader.document(value), at: policy.value.range))
      } else if found.resource.type == Self.attachmentType, let arn = body.attribute("policy_arn") {
        let value = evaluator.resourceAttribute("policy_arn", of: found.reference)
        described[index].policies.append(managedPolicy(value, at: arn.value.range, iam: iam, reader: reader))
      }
    }
    return described
  }

  /// The role a `role` argument names: by reference (`aws_iam_role.delivery.name`, `.id`) or by name.
  private func roleAddress(named value: TerraformValue) -> String? {
    if case .string(let pieces) = value {
      for case .attribute(let address, _) in pieces where links.kinds[address] == .role { return address }
    }
    return value.knownText.flatMap { links.rolesByName[$0] }
  }

  /// A policy attached by ARN: an `aws_iam_policy` of the configuration, or one from elsewhere, which
  /// cannot be read.
  private mutating func managedPolicy(
    _ arn: TerraformValue, at range: SourceRange, iam: [Found], reader: PolicyDocumentReader
  ) -> Attribute<PolicyDocument> {
    if case .string(let pieces) = arn {
      for case .attribute(let address, "arn") in pieces {
        guard let policy = iam.first(where: { $0.address == address && $0.resource.type == Self.policyType }) else { continue }
        guard let argument = policy.resource.block.body.attribute("policy") else {
          return Attribute(name: policy.address, .absent, at: policy.resource.block.headerRange)
        }
        let value = evaluator.resourceAttribute("policy", of: policy.reference)
        return Attribute(name: policy.address, reader.document(value), at: argument.value.range)
      }
    }
    let shown = arn.knownText ?? arn.shortDescription
    return Attribute(
      name: "managed policy \(shown)", .unknown(reason: "managed policy \(shown) is not in this configuration"), at: range)
  }

  /// A `data "aws_iam_policy_document"` read from its `statement` blocks.
  private mutating func dataDocument(_ found: Found) -> OutcomeState<PolicyDocument> {
    let body = found.resource.block.body
    let scope = evaluator.scope(of: found.reference)
    var statements: [PolicyStatement] = []
    var unreadable: [String] = []
    for merged in ["source_policy_documents", "override_policy_documents", "source_json", "override_json"]
    where body.attribute(merged) != nil {
      unreadable.append("\(found.address) merges other documents (\(merged))")
    }
    if body.blocks(ofType: "dynamic").contains(where: { $0.labels.first?.value == "statement" }) {
      unreadable.append("\(found.address) has statements made by a dynamic block")
    }
    func list(_ name: String, in block: HCLBody) -> [TerraformValue] {
      guard let argument = block.attribute(name) else { return [] }
      let value = evaluator.evaluate(argument.value, in: scope)
      switch value {
      case .tuple(let items): return items
      case .null: return []
      default: return [value]
      }
    }
    for statement in body.blocks(ofType: "statement").prefix(PolicyDocumentReader.maxStatements) {
      let effectText = statement.body.attribute("effect").map { evaluator.evaluate($0.value, in: scope).knownText }
      let effect: PolicyStatement.Effect
      switch effectText {
      case nil, "Allow"?: effect = .allow
      case "Deny"?: effect = .deny
      default:
        unreadable.append("a statement's effect is not Allow or Deny before apply")
        continue
      }
      let negatesActions = statement.body.attribute("not_actions") != nil
      let negatesResources = statement.body.attribute("not_resources") != nil
      let actions = list(negatesActions ? "not_actions" : "actions", in: statement.body).map {
        PolicyDocumentReader.pattern(of: $0, key: "actions", unreadable: &unreadable)
      }
      let resources = list(negatesResources ? "not_resources" : "resources", in: statement.body).map {
        PolicyDocumentReader.resource($0, key: "resources", links: links, unreadable: &unreadable)
      }
      let negatesPrincipals = statement.body.blocks(ofType: "principals").isEmpty
        && !statement.body.blocks(ofType: "not_principals").isEmpty
      var principals: [TextPattern] = []
      for principal in statement.body.blocks(ofType: negatesPrincipals ? "not_principals" : "principals") {
        principals += list("identifiers", in: principal.body).map {
          PolicyDocumentReader.pattern(of: $0, key: "principals", unreadable: &unreadable)
        }
      }
      statements.append(PolicyStatement(
        effect: effect, actions: actions, negatesActions: negatesActions, resources: resources,
        negatesResources: negatesResources, principals: principals, negatesPrincipals: negatesPrincipals,
        isConditional: !statement.body.blocks(ofType: "condition").isEmpty))
    }
    return .explicit(PolicyDocument(statements: statements, unreadable: unreadable))
  }
}
