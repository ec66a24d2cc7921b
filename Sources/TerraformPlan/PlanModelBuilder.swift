import InfraModel
import SourceMap

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
    let groups = Linkable(resources.filter { $0.address.type == TerraformType.logGroup }, nameInARN: Self.logGroupName)
    let roles = Linkable(resources.filter { $0.address.type == TerraformType.role }, nameInARN: Self.roleName)
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
          : nil))
    }
    for role in roles.resources {
      infrastructure.roles.append(Role(identity: identity(of: role)))
    }
    for trail in resources where trail.address.type == TerraformType.trail && trail.address.mode == .managed {
      infrastructure.trails.append(Trail(
        identity: identity(of: trail),
        logGroup: reference("cloud_watch_logs_group_arn", of: trail, to: groups),
        role: reference("cloud_watch_logs_role_arn", of: trail, to: roles)))
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

  private func name(of group: PlanResource) -> Outcome<String> {
    if let deferral = group.deferral { return Outcome(.unknown(reason: Self.deferred(deferral)), at: group.range) }
    if group.isUnknown("name") { return Outcome(.unknown(reason: Self.afterApply), at: group.range) }
    guard let node = group.value("name"), let text = group.string("name") else { return Outcome(.absent, at: group.range) }
    return text.isEmpty ? Outcome(.absent, at: node.range) : Outcome(.explicit(text), at: node.range)
  }

  /// An incomplete plan, as a note that what it leaves out is not checked.
  private func omissions() -> [Omission] {
    func span(_ entry: MappingEntry) -> SourceRange {
      SourceRange(start: entry.key.range.start, end: entry.value.range.end)
    }
    func isTrue(_ entry: MappingEntry?) -> Bool { entry?.value.scalar.map { $0.style == .plain && $0.text == "true" } ?? false }
    func isFalse(_ entry: MappingEntry?) -> Bool { entry?.value.scalar.map { $0.style == .plain && $0.text == "false" } ?? false }
    let deferred = root["deferred_changes"]?.items?.count ?? 0
    let deferredText = deferred == 1 ? "Terraform deferred 1 resource change" : "Terraform deferred \(deferred) resource changes"
    if let errored = root.entry("errored"), isTrue(errored) {
      return [Omission("the plan stopped on an error (errored: true)", at: span(errored))]
    }
    if let complete = root.entry("complete"), isFalse(complete) {
      let why = deferred > 0 ? deferredText : "Terraform left resources out, for example with -target"
      return [Omission("the plan is incomplete (complete: false): \(why)", at: span(complete))]
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

  /// `NAME` in `arn:aws:logs:REGION:ACCOUNT:log-group:NAME`, with or without CloudTrail's `:*`.
  static func logGroupName(inARN arn: String) -> String? {
    guard let marker = arn.firstRange(of: ":log-group:") else { return nil }
    var name = arn[marker.upperBound...]
    if name.hasSuffix(":*") { name = name.dropLast(2) }
    return name.isEmpty ? nil : String(name)
  }

  /// `NAME` in `arn:aws:iam::ACCOUNT:role/PATH/NAME`.
  static func roleName(inARN arn: String) -> String? {
    guard let marker = arn.firstRange(of: ":role/") else { return nil }
    return arn[marker.upperBound...].split(separator: "/").last.map(String.init)
  }
}
