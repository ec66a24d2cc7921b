import InfraModel

/// The log groups a retention minimum applies to, each with the trails that deliver to it.
enum LogGroupsInScope {
  /// Log group name → names of trails delivering to it, for every log group in scope, in model order.
  static func find(in infrastructure: Infrastructure, scope: RuleSettings.RetentionScope) -> [(LogGroup, [String])] {
    var trailsByGroup: [String: [String]] = [:]
    for trail in infrastructure.trails {
      for outcome in trail.logGroup.outcomes {
        guard case .explicit(let reference) = outcome.state, let target = reference.target else { continue }
        if trailsByGroup[target]?.contains(trail.identity.name) != true {
          trailsByGroup[target, default: []].append(trail.identity.name)
        }
      }
    }
    return infrastructure.logGroups.compactMap { group in
      let trails = trailsByGroup[group.identity.name] ?? []
      if scope == .trailLogGroups && trails.isEmpty { return nil }
      return (group, trails)
    }
  }
}
