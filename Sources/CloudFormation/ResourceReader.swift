import InfraModel
import SourceMap

/// Reads the properties trailwatch checks from template resources, one outcome per branch.
struct ResourceReader {
  let template: Template
  let evaluator: ValueEvaluator
  /// Every condition that can be decided with the parameter defaults (or the given values).
  let truths: [String: ConditionEvaluator.Truth]
  let renderer: ArnRenderer
  let policies: PolicyReader
  /// Literal log group name → logical id (of an `AWS::Logs::LogGroup`, else of the `Custom::LogRetention`
  /// that stands for an implicit group), to link a trail whose ARN is written out in full.
  let logGroupsByName: [String: String]
  /// Literal `RoleName` → logical id, likewise for roles.
  let rolesByName: [String: String]

  init(template: Template, evaluator: ValueEvaluator, truths: [String: ConditionEvaluator.Truth]) {
    self.template = template
    self.evaluator = evaluator
    self.truths = truths
    let renderer = ArnRenderer(template: template, evaluator: evaluator)
    self.renderer = renderer
    self.policies = PolicyReader(evaluator: evaluator, renderer: renderer)
    var logGroups: [String: String] = [:]
    var retentions: [String: String] = [:]
    var roles: [String: String] = [:]
    for resource in template.resources where resource.unevaluated == nil {
      let nameProperty: String
      switch resource.type {
      case ResourceType.logGroup, ResourceType.logRetention: nameProperty = "LogGroupName"
      case ResourceType.role: nameProperty = "RoleName"
      default: continue
      }
      guard let node = resource.properties?[nameProperty] else { continue }
      // Every name the resource can have: a name built from a parameter differs with each of its
      // allowed values, and an ARN built from the same value must still find it.
      for name in evaluator.evaluate(node).compactMap(\.value.literalText) {
        switch resource.type {
        case ResourceType.logGroup: logGroups[name] = logGroups[name] ?? resource.logicalID
        case ResourceType.logRetention: retentions[name] = retentions[name] ?? resource.logicalID
        default: roles[name] = roles[name] ?? resource.logicalID
        }
      }
    }
    self.logGroupsByName = logGroups.merging(retentions) { group, _ in group }
    self.rolesByName = roles
  }

  func identity(of resource: TemplateResource) -> ResourceIdentity {
    let condition = resource.condition.map { describe(assumptions: [$0: true], choices: [:]) }
    return ResourceIdentity(
      name: resource.logicalID,
      type: resource.type,
      range: resource.keyRange,
      condition: condition?.phrase,
      conditionDefaults: condition?.defaults ?? [],
      sourcePath: resource.metadata?["aws:cdk:path"]?.scalar?.text
    )
  }

  func trail(_ resource: TemplateResource) -> Trail {
    Trail(
      identity: identity(of: resource),
      logGroup: attribute("CloudWatchLogsLogGroupArn", of: resource) { reference($0, linkingTo: ResourceType.logGroup) },
      role: attribute("CloudWatchLogsRoleArn", of: resource) { reference($0, linkingTo: ResourceType.role) },
      isLogging: attribute("IsLogging", of: resource, convert: Self.bool)
    )
  }

  func logGroup(_ resource: TemplateResource) -> LogGroup {
    LogGroup(
      identity: identity(of: resource),
      logGroupName: attribute("LogGroupName", of: resource, convert: Self.string),
      retentionInDays: attribute("RetentionInDays", of: resource, convert: Self.days),
      arn: renderer.logGroupArn(resource.logicalID)
    )
  }

  /// The log group of a `Custom::LogRetention` that names no log group of the template: the implicit
  /// group Lambda creates (`/aws/lambda/<function>`), whose retention the custom resource sets.
  func implicitLogGroup(_ retention: TemplateResource) -> LogGroup {
    let name = attribute("LogGroupName", of: retention, convert: Self.string)
    let namePattern = retention.properties?["LogGroupName"].flatMap { node -> TextPattern? in
      let branches = evaluator.evaluate(node)
      return branches.count == 1 ? renderer.pattern(of: branches[0].value) : nil
    }
    return LogGroup(
      identity: identity(of: retention),
      logGroupName: name,
      retentionInDays: attribute("RetentionInDays", of: retention, convert: Self.days),
      arn: namePattern.map { renderer.logGroupArn(named: $0) }
    )
  }

  /// The retention a `Custom::LogRetention` sets, with each outcome saying where it comes from.
  func retention(setBy retention: TemplateResource) -> Attribute<Int> {
    var value = attribute("RetentionInDays", of: retention, convert: Self.days)
    let setter = "set by \(retention.type) '\(retention.logicalID)'"
    for index in value.outcomes.indices {
      value.outcomes[index].origin = value.outcomes[index].origin.map { "\(setter), \($0)" } ?? setter
    }
    return value
  }

  /// The log group a `Custom::LogRetention` names: through `Ref`, or a name written the same way as the
  /// group's `LogGroupName` (the same literal, or the same `!Sub`/`Fn::Join` of the same parts).
  func logGroup(namedBy retention: TemplateResource, groups: [TemplateResource]) -> String? {
    guard let node = retention.properties?["LogGroupName"],
      let branch = evaluator.evaluate(node).first(where: \.isUnconditional), case .text(let parts) = branch.value
    else { return nil }
    let wanted = Self.normalized(parts)
    if wanted.count == 1, case .resource(let id, nil) = wanted[0], template.resource(id)?.type == ResourceType.logGroup {
      return id
    }
    for group in groups {
      guard let nameNode = group.properties?["LogGroupName"],
        let named = evaluator.evaluate(nameNode).first(where: \.isUnconditional), case .text(let groupParts) = named.value
      else { continue }
      if Self.normalized(groupParts) == wanted { return group.logicalID }
    }
    return nil
  }

  /// Parts with neighbouring literals joined and empty ones dropped, so equal strings compare equal.
  private static func normalized(_ parts: [TextPart]) -> [TextPart] {
    var result: [TextPart] = []
    for part in parts {
      if case .literal(let text) = part {
        if text.isEmpty { continue }
        if case .literal(let previous)? = result.last {
          result[result.count - 1] = .literal(previous + text)
          continue
        }
      }
      result.append(part)
    }
    return result
  }

  /// A role with its trust policy and every policy of the template attached to it.
  func role(_ resource: TemplateResource, attached: [TemplateResource]) -> Role {
    let identity = identity(of: resource)
    if let reason = resource.unevaluated {
      return Role(
        identity: identity, trustPolicy: Attribute(name: "AssumeRolePolicyDocument", .unknown(reason: reason), at: resource.keyRange),
        isDescribed: true)
    }
    let properties = resource.properties
    var documents: [Attribute<PolicyDocument>] = []
    for (index, policy) in (properties?["Policies"]?.items ?? []).enumerated() {
      let name = policy["PolicyName"]?.scalar.map { "inline policy '\($0.text)'" } ?? "inline policy \(index + 1)"
      documents.append(policies.document(policy["PolicyDocument"], name: name, absentAt: policy.range))
    }
    var listed: Set<String> = []
    for entry in properties?["ManagedPolicyArns"].map({ evaluator.evaluate($0) }) ?? [] {
      for value in Self.flatten(entry.value) {
        switch value {
        case .text(let parts):
          if parts.count == 1, case .resource(let id, nil) = parts[0], let policy = template.resource(id),
            policy.type == ResourceType.managedPolicy
          {
            if listed.insert(id).inserted {
              documents.append(policies.document(
                policy.properties?["PolicyDocument"], name: "\(policy.type) '\(id)'", absentAt: policy.keyRange))
            }
          } else {
            let arn = renderer.pattern(of: parts).description
            documents.append(Attribute(
              name: "managed policy \(arn)", .unknown(reason: "managed policy \(arn) is not in this template"),
              at: entry.range))
          }
        case .unknown(let reason):
          documents.append(Attribute(name: "a managed policy", .unknown(reason: "a managed policy is known only at deploy time: \(reason)"), at: entry.range))
        case .absent, .list, .object:
          continue
        }
      }
    }
    for policy in attached where !listed.contains(policy.logicalID) {
      documents.append(policies.document(
        policy.properties?["PolicyDocument"], name: "\(policy.type) '\(policy.logicalID)'", absentAt: policy.keyRange))
    }
    return Role(
      identity: identity,
      trustPolicy: policies.document(properties?["AssumeRolePolicyDocument"], name: "AssumeRolePolicyDocument", absentAt: resource.keyRange),
      policies: documents,
      isDescribed: true)
  }

  /// The roles a policy resource attaches itself to: `Roles` of `AWS::IAM::Policy` and
  /// `AWS::IAM::ManagedPolicy`, `RoleName` of `AWS::IAM::RolePolicy`, each a `Ref` to a role of the
  /// template or its literal `RoleName`.
  func roles(attachedBy policy: TemplateResource) -> [String] {
    let nodes: [Node]
    switch policy.type {
    case ResourceType.policy, ResourceType.managedPolicy: nodes = policy.properties?["Roles"].map { [$0] } ?? []
    case ResourceType.rolePolicy: nodes = policy.properties?["RoleName"].map { [$0] } ?? []
    default: return []
    }
    var result: [String] = []
    for node in nodes {
      for branch in evaluator.evaluate(node) {
        for value in Self.flatten(branch.value) {
          guard case .text(let parts) = value else { continue }
          if parts.count == 1, case .resource(let id, nil) = parts[0], template.resource(id)?.type == ResourceType.role {
            result.append(id)
          } else if let name = value.literalText, let id = rolesByName[name] {
            result.append(id)
          }
        }
      }
    }
    return result
  }

  private static func flatten(_ value: EvaluatedValue) -> [EvaluatedValue] {
    if case .list(let items) = value { return items.flatMap(flatten) }
    return [value]
  }

  /// A property's outcomes: absent at the logical id when it is not written, else one per branch.
  private func attribute<Value>(
    _ name: String, of resource: TemplateResource, convert: (EvaluatedValue) -> OutcomeState<Value>
  ) -> Attribute<Value> {
    if let reason = resource.unevaluated {
      return Attribute(name: name, .unknown(reason: reason), at: resource.keyRange)
    }
    guard let properties = resource.properties, !(properties.scalar?.isNull ?? false) else {
      return Attribute(name: name, .absent, at: resource.keyRange)
    }
    guard properties.entries != nil, Intrinsic.match(properties) == nil else {
      let branches = evaluator.evaluate(properties)
      if branches.allSatisfy({ if case .absent = $0.value { true } else { false } }) {
        return Attribute(name: name, .absent, at: resource.keyRange)
      }
      let reason = branches.lazy.compactMap(\.value.unknownReason).first
      let why: String
      if let reason, reason.hasPrefix("it is ") {
        why = "its Properties are " + reason.dropFirst("it is ".count)
      } else {
        why = "its Properties are computed at deploy time" + (reason.map { ": \($0)" } ?? "")
      }
      return Attribute(name: name, .unknown(reason: why), at: properties.range)
    }
    guard let node = properties[name] else {
      if let include = properties["Fn::Transform"] {
        // An `AWS::Include` snippet may add the property at deploy time.
        let transform = include["Name"]?.scalar?.text ?? "a macro"
        return Attribute(name: name, .unknown(reason: "the \(transform) transform may set it at deploy time"), at: include.range)
      }
      return Attribute(name: name, .absent, at: resource.keyRange)
    }
    var branches = evaluator.evaluate(node)
    if let deployed = resource.condition {
      // The resource exists only when its own Condition is true: a branch that needs it false never
      // deploys, and "when it is true" goes without saying.
      branches = branches.compactMap { branch in
        guard branch.assumptions[deployed] != false else { return nil }
        var branch = branch
        branch.assumptions[deployed] = nil
        return branch
      }
    }
    branches = branches.filter(isFeasible)
    let outcomes = branches.map { branch in
      let condition = branch.isUnconditional
        ? nil : describe(assumptions: branch.assumptions, choices: branch.nonDefaultChoices)
      return Outcome(
        convert(branch.value), at: branch.range, condition: condition?.phrase, conditionDefaults: condition?.defaults ?? [],
        origin: branch.origin, input: Self.input(of: branch))
    }
    return Attribute(name: name, outcomes: outcomes)
  }

  /// The one parameter a branch rests on, when it rests on exactly one and on no condition.
  private static func input(of branch: Branch) -> InputChoice? {
    guard branch.assumptions.isEmpty, branch.choices.count == 1, let (name, choice) = branch.choices.first else {
      return nil
    }
    return InputChoice(kind: "parameter", name: name, value: choice.value, isDefault: choice.isDefault)
  }

  /// Whether a branch can deploy. One that assumes a condition while taking parameter values under
  /// which that condition is decided the other way never does: in
  /// `!If [HasArn, !Ref Arn, !Ref AWS::NoValue]` with `HasArn: !Not [!Equals [!Ref Arn, ""]]` and
  /// `Arn` defaulting to "", the first branch with the default "" cannot happen.
  private func isFeasible(_ branch: Branch) -> Bool {
    guard !evaluator.isConcrete, !branch.assumptions.isEmpty, !branch.choices.isEmpty else { return true }
    var values: [String: String] = [:]
    for (name, choice) in branch.choices { values[name] = choice.value }
    let scoped = ValueEvaluator(template: template, overrides: values)
    let truths = ConditionEvaluator(values: scoped, fixedParameters: Set(values.keys)).decideAll()
    for (name, assumed) in branch.assumptions {
      if let truth = truths[name], truth.isConstant, truth.value != assumed { return false }
    }
    return true
  }

  /// "condition C is false" and how C turns out with the parameter defaults ("C is false").
  func describe(assumptions: [String: Bool], choices: [String: String]) -> (phrase: String, defaults: [String]) {
    var clauses: [String] = []
    var defaults: [String] = []
    for (name, value) in assumptions.sorted(by: { $0.key < $1.key }) {
      clauses.append("condition \(name) is \(value)")
      if let truth = truths[name], !evaluator.isConcrete {
        defaults.append("\(name) is \(truth.value)")
      }
    }
    for (name, value) in choices.sorted(by: { $0.key < $1.key }) {
      clauses.append("parameter \(name) is \(value)")
    }
    return (clauses.joined(separator: " and "), defaults)
  }

  private func reference(_ value: EvaluatedValue, linkingTo type: String) -> OutcomeState<Reference> {
    switch value {
    case .absent:
      return .absent
    case .unknown(let reason):
      return .unknown(reason: reason)
    case .list:
      return .malformed("a list")
    case .object:
      return .malformed("a mapping")
    case .text(let parts):
      let literal = value.literalText
      if literal?.isEmpty == true { return .absent }
      let pattern = renderer.pattern(of: parts)
      if let target = linkedResource(parts, type: type) {
        return .explicit(Reference(text: literal, target: target, pattern: pattern))
      }
      // Wholly unknown (a parameter without a default spliced alone): nothing is known of it.
      if pattern.pieces.allSatisfy({ if case .unknown = $0 { true } else { false } }), let reason = pattern.unknownReason {
        return .unknown(reason: reason)
      }
      return .explicit(Reference(text: literal, target: nil, pattern: pattern))
    }
  }

  /// The resource of `type` that an ARN's parts point at: through `Ref`/`Fn::GetAtt`, or through the
  /// name written in the ARN (`…:log-group:NAME:*`, `…:role/NAME`).
  private func linkedResource(_ parts: [TextPart], type: String) -> String? {
    for case .resource(let logicalID, _) in parts where template.resource(logicalID)?.type == type {
      return logicalID
    }
    var rendered = ""
    for part in parts {
      switch part {
      case .literal(let text): rendered += text
      case .pseudo: rendered += "\u{0}"
      case .resource, .unknown: return nil
      }
    }
    switch type {
    case ResourceType.logGroup: return ARNName.logGroup(in: rendered).flatMap { logGroupsByName[$0] }
    case ResourceType.role: return ARNName.role(in: rendered).flatMap { rolesByName[$0] }
    default: return nil
    }
  }

  private static func string(_ value: EvaluatedValue) -> OutcomeState<String> {
    switch value {
    case .absent: return .absent
    case .unknown(let reason): return .unknown(reason: reason)
    case .list: return .malformed("a list")
    case .object: return .malformed("a mapping")
    case .text:
      if let text = value.literalText { return text.isEmpty ? .absent : .explicit(text) }
      return .unknown(reason: value.unknownReason ?? "it is known only at deploy time")
    }
  }

  private static func days(_ value: EvaluatedValue) -> OutcomeState<Int> {
    switch value {
    case .absent: return .absent
    case .unknown(let reason): return .unknown(reason: reason)
    case .list: return .malformed("a list")
    case .object: return .malformed("a mapping")
    case .text:
      guard let text = value.literalText else {
        return .unknown(reason: value.unknownReason ?? "it is known only at deploy time")
      }
      if text.isEmpty { return .absent }
      return Scalar(text, style: .plain).intValue.map { .explicit($0) } ?? .malformed(text)
    }
  }

  private static func bool(_ value: EvaluatedValue) -> OutcomeState<Bool> {
    switch value {
    case .absent: return .absent
    case .unknown(let reason): return .unknown(reason: reason)
    case .list: return .malformed("a list")
    case .object: return .malformed("a mapping")
    case .text:
      guard let text = value.literalText else {
        return .unknown(reason: value.unknownReason ?? "it is known only at deploy time")
      }
      if text.isEmpty { return .absent }
      return Scalar(text, style: .plain).boolValue.map { .explicit($0) } ?? .malformed(text)
    }
  }
}
