import InfraModel
import SourceMap
import TerraformSource

/// Builds the provider-neutral model from a plan: trails, log groups and roles as they will be after
/// apply, linked through the configuration's references or through the names in known ARNs.
struct PlanModelBuilder {
  /// What the model says when Terraform prints `(known after apply)`.
  static let afterApply = "the plan shows it as (known after apply)"

  let root: Node
  let resolver: ReferenceResolver

  init(root: Node) {
    self.root = root
    self.resolver = ReferenceResolver(configuration: PlanConfiguration(root["configuration"]))
  }

  func build() -> Infrastructure {
    let resources = PlanResourceCollector.collect(from: root)
    let groups = Linkable(resources.filter { $0.address.type == TerraformType.logGroup }, nameInARN: ARNName.logGroup(in:))
    let roles = Linkable(resources.filter { $0.address.type == TerraformType.role }, nameInARN: ARNName.role(in:))
    var infrastructure = Infrastructure()

    var retentionOverrides: [Int: Outcome<Int>] = [:]
    for setter in resources where setter.address.type == TerraformType.logGroupRetention && setter.address.mode == .managed {
      let linked = resolver.target(ofAttribute: "log_group_name", of: setter.address, type: TerraformType.logGroup)
        .flatMap { groups.instance($0, near: setter.address) }
        ?? setter.string("log_group_name").flatMap { groups.byName[$0] }
      guard let index = linked else { continue }
      var outcome = retention(of: setter)
      outcome.origin = "set by \(setter.addressText)"
      retentionOverrides[index] = outcome
    }

    for (index, group) in groups.resources.enumerated() {
      let override = retentionOverrides[index]
      let exempt = group.string("log_group_class") == "DELIVERY"
      infrastructure.logGroups.append(LogGroup(
        identity: identity(of: group),
        logGroupName: Attribute(name: "name", outcomes: [name(of: group)]),
        retentionInDays: Attribute(name: "retention_in_days", outcomes: [override ?? retention(of: group)]),
        retentionExemption: exempt ? "its log_group_class is DELIVERY, to which retention_in_days does not apply" : nil,
        managedElsewhere: group.address.mode == .data && override == nil
          ? "it is an existing log group that this plan only reads (data source): change its retention where it is managed"
          : nil,
        arn: group.string("arn").map { TextPattern(literal: $0) }
          ?? LogGroupARN.pattern(address: group.addressText, name: group.string("name"))))
    }
    infrastructure.roles = PlanRoleReader(resources: resources, roles: roles, groups: groups, resolver: resolver).described()
    for trail in resources where trail.address.type == TerraformType.trail && trail.address.mode == .managed {
      infrastructure.trails.append(Trail(
        identity: identity(of: trail),
        logGroup: reference("cloud_watch_logs_group_arn", of: trail, to: groups),
        role: reference("cloud_watch_logs_role_arn", of: trail, to: roles),
        isLogging: Attribute(name: "enable_logging", outcomes: [logging(of: trail)])))
    }
    infrastructure.omissions = omissions()
    return infrastructure
  }

  private func identity(of resource: PlanResource) -> ResourceIdentity {
    ResourceIdentity(name: resource.addressText, type: resource.address.type, range: resource.range)
  }

  /// An ARN attribute of a trail: linked through the configuration when it names the resource, else
  /// through the name in a known ARN.
  private func reference(_ attribute: String, of trail: PlanResource, to targets: Linkable) -> Attribute<Reference> {
    if let deferral = trail.deferral {
      return Attribute(name: attribute, .unknown(reason: Self.deferred(deferral)), at: trail.range)
    }
    let type = attribute == "cloud_watch_logs_group_arn" ? TerraformType.logGroup : TerraformType.role
    let linked = resolver.target(ofAttribute: attribute, of: trail.address, type: type)
      .flatMap { targets.instance($0, near: trail.address) }
      .map { targets.resources[$0].addressText }
    if trail.isUnknown(attribute) {
      guard let linked else { return Attribute(name: attribute, .unknown(reason: Self.afterApply), at: trail.range) }
      return Attribute(name: attribute, .explicit(Reference(text: nil, target: linked)), at: trail.range)
    }
    guard let node = trail.value(attribute), !(node.scalar?.isNull ?? false) else {
      return Attribute(name: attribute, .absent, at: trail.range)
    }
    guard let scalar = node.scalar, scalar.style == .quoted else {
      return Attribute(name: attribute, .malformed(Self.describe(node)), at: node.range)
    }
    if scalar.text.isEmpty { return Attribute(name: attribute, .absent, at: node.range) }
    let target = linked ?? targets.named(inARN: scalar.text)
    return Attribute(name: attribute, .explicit(Reference(text: scalar.text, target: target)), at: node.range)
  }

  /// `retention_in_days` after apply. The provider's default is 0, which CloudWatch Logs reads as
  /// "never expire": the plan shows an unset retention as 0, so 0 is absent, not a period.
  private func retention(of resource: PlanResource) -> Outcome<Int> {
    let attribute = "retention_in_days"
    if let deferral = resource.deferral { return Outcome(.unknown(reason: Self.deferred(deferral)), at: resource.range) }
    if resource.isUnknown(attribute) { return Outcome(.unknown(reason: Self.afterApply), at: resource.range) }
    guard let node = resource.value(attribute), !(node.scalar?.isNull ?? false) else {
      return Outcome(.absent, at: resource.range)
    }
    guard let days = node.scalar?.intValue else { return Outcome(.malformed(Self.describe(node)), at: node.range) }
    return days == 0 ? Outcome(.absent, at: resource.range) : Outcome(.explicit(days), at: node.range)
  }

  /// `enable_logging` after apply; unset is the provider's default, true.
  private func logging(of trail: PlanResource) -> Outcome<Bool> {
    let attribute = "enable_logging"
    if let deferral = trail.deferral { return Outcome(.unknown(reason: Self.deferred(deferral)), at: trail.range) }
    if trail.isUnknown(attribute) { return Outcome(.unknown(reason: Self.afterApply), at: trail.range) }
    guard let node = trail.value(attribute), !(node.scalar?.isNull ?? false) else { return Outcome(.absent, at: trail.range) }
    guard let flag = node.scalar.flatMap({ $0.style == .plain ? $0.boolValue : nil }) else {
      return Outcome(.malformed(Self.describe(node)), at: node.range)
    }
    return Outcome(.explicit(flag), at: node.range)
  }

  private func name(of group: PlanResource) -> Outcome<String> {
    if let deferral = group.deferral { return Outcome(.unknown(reason: Self.deferred(deferral)), at: group.range) }
    if group.isUnknown("name") { return Outcome(.unknown(reason: Self.afterApply), at: group.range) }
    guard let node = group.value("name"), let text = group.string("name") else { return Outcome(.absent, at: group.range) }
    return text.isEmpty ? Outcome(.absent, at: node.range) : Outcome(.explicit(text), at: node.range)
  }

  /// An incomplete plan: what it leaves out is not checked (TW006).
  private func omissions() -> [Omission] {
    func span(_ entry: MappingEntry) -> SourceRange {
      SourceRange(start: entry.key.range.start, end: entry.value.range.end)
    }
    func isTrue(_ entry: MappingEntry?) -> Bool { entry?.value.scalar.map { $0.style == .plain && $0.text == "true" } ?? false }
    func isFalse(_ entry: MappingEntry?) -> Bool { entry?.value.scalar.map { $0.style == .plain && $0.text == "false" } ?? false }
    let deferred = root["deferred_changes"]?.items?.count ?? 0
    let deferredText = deferred == 1
      ? "1 resource was not planned (Terraform deferred it) and is not checked"
      : "\(deferred) resources were not planned (Terraform deferred them) and are not checked"
    if let errored = root.entry("errored"), isTrue(errored) {
      let what = deferred > 0 ? deferredText : "the resources after the error were not planned and are not checked"
      return [Omission("the plan stopped on an error (errored: true), so it is incomplete: \(what)", at: span(errored))]
    }
    if let complete = root.entry("complete"), isFalse(complete) {
      let what = deferred > 0 ? deferredText : "the resources Terraform left out (with -target, for example) were not planned and are not checked"
      return [Omission("the plan is incomplete (complete: false): \(what)", at: span(complete))]
    }
    if deferred > 0, let entry = root.entry("deferred_changes") {
      return [Omission("the plan is incomplete: \(deferredText)", at: span(entry))]
    }
    return []
  }

  static func deferred(_ reason: String) -> String {
    "Terraform deferred planning the resource (\(reason))"
  }

  /// A value of the wrong kind, for a message.
  static func describe(_ node: Node) -> String {
    switch node.content {
    case .scalar(let scalar): scalar.text
    case .mapping: "a mapping"
    case .sequence: "a list"
    }
  }
}
