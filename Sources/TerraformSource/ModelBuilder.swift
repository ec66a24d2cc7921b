import InfraModel
import SourceMap

/// Turns every module instance's trails, log groups, retention settings and roles into the
/// provider-neutral model.
///
/// A resource is named by its Terraform address (`module.audit.aws_cloudtrail.main[0]`) and declared
/// at its block's header (`resource "aws_cloudtrail" "main"`, from the type keyword to the end of the
/// last label); a missing argument is reported there, a bad value at the value.
struct ModelBuilder {
  var evaluator: Evaluator

  static let trailType = "aws_cloudtrail"
  static let logGroupType = "aws_cloudwatch_log_group"
  static let retentionType = "aws_cloudwatch_log_group_retention"
  static let roleType = "aws_iam_role"
  static let rolePolicyType = "aws_iam_role_policy"
  static let policyType = "aws_iam_policy"
  static let attachmentType = "aws_iam_role_policy_attachment"
  /// Attaches one policy to any number of roles, users and groups.
  static let sharedAttachmentType = "aws_iam_policy_attachment"
  static let policyDocumentType = "aws_iam_policy_document"

  /// One instance of a block the model cares about.
  struct Found {
    var reference: InstanceReference
    var resource: ResourceConfig
    var address: String
    var condition: String?
  }

  var links = ReferenceLinker()
  /// The resource blocks that were read, by where their header is, with their instances' addresses.
  private(set) var blocks: [SuppressionComments.BlockKey: SuppressionComments.Block] = [:]

  init(evaluator: Evaluator) {
    self.evaluator = evaluator
  }

  mutating func build() -> Infrastructure {
    var next = 0
    while next < evaluator.instances.count {
      for name in evaluator.config(of: next).moduleCallOrder {
        _ = evaluator.childCall(name, of: next)
      }
      next += 1
    }
    var trails: [Found] = []
    var groups: [Found] = []
    var dataGroups: [Found] = []
    var retentions: [Found] = []
    var roles: [Found] = []
    var iam: [Found] = []
    for module in evaluator.instances.indices {
      let config = evaluator.config(of: module)
      for (index, resource) in config.resources.enumerated() {
        switch (resource.isData, resource.type) {
        case (false, Self.trailType), (false, Self.logGroupType), (true, Self.logGroupType), (false, Self.retentionType),
          (false, Self.roleType):
          break
        case (false, Self.rolePolicyType), (false, Self.policyType), (false, Self.attachmentType),
          (false, Self.sharedAttachmentType), (true, Self.policyDocumentType):
          // Read only for the roles they describe; never reported themselves.
          let expansion = evaluator.expansion(ofResource: index, in: module)
          for (key, _) in expansion.keys {
            let reference = InstanceReference(module: module, resource: index, key: key)
            iam.append(Found(reference: reference, resource: resource, address: evaluator.address(of: reference)))
          }
          continue
        default:
          continue
        }
        let expansion = evaluator.expansion(ofResource: index, in: module)
        let condition = [evaluator.instances[module].condition, expansion.condition].compactMap { $0 }
          .joined(separator: " and ")
        let blockKey = SuppressionComments.BlockKey(file: resource.file, line: resource.block.headerRange.start.line)
        for (key, _) in expansion.keys {
          let reference = InstanceReference(module: module, resource: index, key: key)
          let found = Found(
            reference: reference, resource: resource, address: evaluator.address(of: reference),
            condition: condition.isEmpty ? nil : condition)
          blocks[
            blockKey,
            default: SuppressionComments.Block(name: resource.address, addresses: [], headerRange: resource.block.headerRange)
          ].addresses.append(found.address)
          switch (resource.isData, resource.type) {
          case (false, Self.trailType): trails.append(found)
          case (false, Self.logGroupType): groups.append(found)
          case (true, _): dataGroups.append(found)
          case (false, Self.retentionType): retentions.append(found)
          default: roles.append(found)
          }
        }
      }
    }
    var infrastructure = Infrastructure()
    for found in groups + dataGroups {
      links.kinds[found.address] = .logGroup
      if let name = evaluator.resourceAttribute("name", of: found.reference).knownText, found.resource.block.body.attribute("name") != nil {
        links.logGroupsByName[name] = links.logGroupsByName[name] ?? found.address
      }
    }
    for found in roles {
      links.kinds[found.address] = .role
      if let name = evaluator.resourceAttribute("name", of: found.reference).knownText, found.resource.block.body.attribute("name") != nil {
        links.rolesByName[name] = links.rolesByName[name] ?? found.address
      }
    }
    infrastructure.roles = describeRoles(roles, iam: iam)
    var retentionByGroup: [String: Attribute<Int>] = [:]
    for found in retentions {
      guard let target = retentionTarget(found) else { continue }
      var setting = attribute("retention_in_days", of: found, convert: Self.days)
      for index in setting.outcomes.indices {
        setting.outcomes[index].origin = "set by \(found.address)"
        setting.outcomes[index].file = found.resource.file
      }
      retentionByGroup[target] = retentionByGroup[target] ?? setting
    }
    for found in groups {
      var retention = attribute("retention_in_days", of: found, convert: Self.days)
      var exemption: String?
      if let setting = retentionByGroup[found.address] {
        retention = setting
        retention.name = "retention_in_days"
      } else if evaluator.resourceAttribute("log_group_class", of: found.reference).knownText == "DELIVERY" {
        exemption = "its log_group_class is DELIVERY, to which retention_in_days does not apply"
      }
      let groupName = name(of: found)
      infrastructure.logGroups.append(LogGroup(
        identity: identity(found), logGroupName: groupName, retentionInDays: retention,
        retentionExemption: exemption, arn: LogGroupARN.pattern(address: found.address, name: Self.knownName(groupName))))
    }
    for found in dataGroups {
      let setting = retentionByGroup[found.address]
      infrastructure.logGroups.append(LogGroup(
        identity: identity(found), logGroupName: name(of: found),
        retentionInDays: setting ?? Attribute(
          name: "retention_in_days",
          .unknown(reason: "\(found.address) reads an existing log group, whose retention is known only when Terraform plans"),
          at: found.resource.block.headerRange),
        managedElsewhere: setting == nil
          ? "it is an existing log group that this configuration only reads (data source): change its retention where it is managed"
          : nil))
    }
    let links = self.links
    for found in trails {
      infrastructure.trails.append(Trail(
        identity: identity(found),
        logGroup: attribute("cloud_watch_logs_group_arn", of: found) { links.reference($0, linkingTo: .logGroup) },
        role: attribute("cloud_watch_logs_role_arn", of: found) { links.reference($0, linkingTo: .role) },
        isLogging: loggingAttribute(of: found)))
    }
    return infrastructure
  }

  func identity(_ found: Found) -> ResourceIdentity {
    ResourceIdentity(
      name: found.address, type: found.resource.type, range: found.resource.block.headerRange,
      condition: found.condition, file: found.resource.file)
  }

  /// An argument's outcome: absent at the block's header when not written, else its value.
  private mutating func attribute<Value>(
    _ name: String, of found: Found, convert: (TerraformValue) -> OutcomeState<Value>
  ) -> Attribute<Value> {
    guard let argument = found.resource.block.body.attribute(name) else {
      return Attribute(name: name, .absent, at: found.resource.block.headerRange)
    }
    let value = evaluator.resourceAttribute(name, of: found.reference)
    let scope = evaluator.scope(of: found.reference)
    let origin = evaluator.origin(of: argument.value, in: scope)
    return Attribute(name: name, outcomes: [Outcome(convert(value), at: argument.value.range, origin: origin)])
  }

  /// `enable_logging`: the provider's default is true, so only a written value is judged.
  private mutating func loggingAttribute(of found: Found) -> Attribute<Bool> {
    guard found.resource.block.body.attribute("enable_logging") != nil else {
      return Attribute(name: "enable_logging", outcomes: [])
    }
    return attribute("enable_logging", of: found) { value in
      switch value {
      case .null: return .absent
      case .unknown(let reason): return .unknown(reason: reason)
      default:
        if let bool = Evaluator.bool(value) { return .explicit(bool) }
        if case .string = value, value.knownText == nil, case .unknown(let reason) = Evaluator.unknown(value, "") {
          return .unknown(reason: reason)
        }
        return .malformed(value.shortDescription)
      }
    }
  }

  private mutating func name(of found: Found) -> Attribute<String> {
    if found.resource.block.body.attribute("name") == nil, let prefix = found.resource.block.body.attribute("name_prefix") {
      return Attribute(name: "name", .unknown(reason: "name_prefix gives it a generated name"), at: prefix.value.range)
    }
    return attribute("name", of: found) { value in
      switch value {
      case .null: return .absent
      case .unknown(let reason): return .unknown(reason: reason)
      default:
        guard let text = value.knownText else {
          guard case .string = value else { return .malformed(value.shortDescription) }
          if case .unknown(let reason) = Evaluator.unknown(value, "it is known only after apply") {
            return .unknown(reason: reason)
          }
          return .unknown(reason: "it is known only after apply")
        }
        return text.isEmpty ? .absent : .explicit(text)
      }
    }
  }

  /// The name when it has one known value.
  static func knownName(_ name: Attribute<String>) -> String? {
    guard name.outcomes.count == 1, case .explicit(let text) = name.outcomes[0].state else { return nil }
    return text
  }

  /// The log group an `aws_cloudwatch_log_group_retention` applies to: by reference or by name.
  private mutating func retentionTarget(_ found: Found) -> String? {
    guard found.resource.block.body.attribute("log_group_name") != nil else { return nil }
    let value = evaluator.resourceAttribute("log_group_name", of: found.reference)
    if case .string(let pieces) = value {
      for case .attribute(let address, _) in pieces where links.kinds[address] == .logGroup { return address }
    }
    return value.knownText.flatMap { links.logGroupsByName[$0] }
  }

  /// `retention_in_days`: unset, null or 0 keeps events forever (absent); a whole number of days;
  /// anything else as written.
  static func days(_ value: TerraformValue) -> OutcomeState<Int> {
    switch value {
    case .null:
      return .absent
    case .unknown(let reason):
      return .unknown(reason: reason)
    case .number, .string:
      guard let text = value.knownText else {
        if case .unknown(let reason) = Evaluator.unknown(value, "it is known only after apply") { return .unknown(reason: reason) }
        return .unknown(reason: "it is known only after apply")
      }
      if text.isEmpty { return .absent }
      guard let number = Double(text), number == number.rounded(), Swift.abs(number) < 1e9 else { return .malformed(text) }
      return number == 0 ? .absent : .explicit(Int(number))
    case .bool, .tuple, .object, .instance, .moduleOutputs:
      return .malformed(value.shortDescription)
    }
  }
}
