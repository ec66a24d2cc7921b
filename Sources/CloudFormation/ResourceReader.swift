import InfraModel
import SourceMap

/// Reads the properties trailwatch checks from template resources, one outcome per branch.
struct ResourceReader {
  let template: Template
  let evaluator: ValueEvaluator
  /// Literal `LogGroupName` → logical id, to link a trail whose ARN is written out in full.
  let logGroupsByName: [String: String]
  /// Literal `RoleName` → logical id, likewise for roles.
  let rolesByName: [String: String]

  init(template: Template, evaluator: ValueEvaluator) {
    self.template = template
    self.evaluator = evaluator
    var logGroups: [String: String] = [:]
    var roles: [String: String] = [:]
    for resource in template.resources {
      let nameProperty: String
      switch resource.type {
      case ResourceType.logGroup: nameProperty = "LogGroupName"
      case ResourceType.role: nameProperty = "RoleName"
      default: continue
      }
      guard let node = resource.properties?[nameProperty],
        let name = evaluator.evaluate(node).first(where: \.isUnconditional)?.value.literalText
      else { continue }
      if resource.type == ResourceType.logGroup {
        logGroups[name] = logGroups[name] ?? resource.logicalID
      } else {
        roles[name] = roles[name] ?? resource.logicalID
      }
    }
    self.logGroupsByName = logGroups
    self.rolesByName = roles
  }

  func identity(of resource: TemplateResource) -> ResourceIdentity {
    ResourceIdentity(
      name: resource.logicalID,
      type: resource.type,
      range: resource.keyRange,
      condition: resource.condition.map { describe(assumptions: [$0: true], choices: [:]) },
      sourcePath: resource.metadata?["aws:cdk:path"]?.scalar?.text
    )
  }

  func trail(_ resource: TemplateResource) -> Trail {
    Trail(
      identity: identity(of: resource),
      logGroup: attribute("CloudWatchLogsLogGroupArn", of: resource) { reference($0, linkingTo: ResourceType.logGroup) },
      role: attribute("CloudWatchLogsRoleArn", of: resource) { reference($0, linkingTo: ResourceType.role) }
    )
  }

  func logGroup(_ resource: TemplateResource) -> LogGroup {
    LogGroup(
      identity: identity(of: resource),
      logGroupName: attribute("LogGroupName", of: resource, convert: Self.string),
      retentionInDays: attribute("RetentionInDays", of: resource, convert: Self.days)
    )
  }

  /// A property's outcomes: absent at the logical id when it is not written, else one per branch.
  private func attribute<Value>(
    _ name: String, of resource: TemplateResource, convert: (EvaluatedValue) -> OutcomeState<Value>
  ) -> Attribute<Value> {
    guard let properties = resource.properties, !(properties.scalar?.isNull ?? false) else {
      return Attribute(name: name, .absent, at: resource.keyRange)
    }
    guard properties.entries != nil, Intrinsic.match(properties) == nil else {
      return Attribute(name: name, .unknown(reason: "the resource's Properties are computed at deploy time"), at: properties.range)
    }
    guard let node = properties[name] else {
      return Attribute(name: name, .absent, at: resource.keyRange)
    }
    let outcomes = evaluator.evaluate(node).map { branch in
      Outcome(
        convert(branch.value), at: branch.range,
        condition: branch.isUnconditional ? nil : describe(assumptions: branch.assumptions, choices: branch.parameterChoices),
        origin: branch.origin)
    }
    return Attribute(name: name, outcomes: outcomes)
  }

  /// "when condition C is false (with the parameter defaults it is false)".
  func describe(assumptions: [String: Bool], choices: [String: String]) -> String {
    let conditions = ConditionEvaluator(values: evaluator)
    var clauses: [String] = []
    var defaults: [String] = []
    for (name, value) in assumptions.sorted(by: { $0.key < $1.key }) {
      clauses.append("condition \(name) is \(value)")
      if let truth = conditions.truth(of: name) {
        defaults.append(assumptions.count == 1 ? "it is \(truth)" : "\(name) is \(truth)")
      }
    }
    for (name, value) in choices.sorted(by: { $0.key < $1.key }) {
      clauses.append("parameter \(name) is \(value)")
    }
    var text = "when " + clauses.joined(separator: " and ")
    if !defaults.isEmpty && !evaluator.isConcrete {
      text += " (with the parameter defaults \(defaults.joined(separator: ", ")))"
    }
    return text
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
      if let target = linkedResource(parts, type: type) {
        return .explicit(Reference(text: literal, target: target))
      }
      if let reason = value.unknownReason { return .unknown(reason: reason) }
      return .explicit(Reference(text: literal, target: nil))
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
    if type == ResourceType.logGroup, let range = rendered.firstRange(of: ":log-group:") {
      var name = rendered[range.upperBound...]
      if name.hasSuffix(":*") { name = name.dropLast(2) }
      return logGroupsByName[String(name)]
    }
    if type == ResourceType.role, let range = rendered.firstRange(of: ":role/") {
      let path = rendered[range.upperBound...]
      let name = path.split(separator: "/").last.map(String.init) ?? ""
      return rolesByName[name]
    }
    return nil
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
}
