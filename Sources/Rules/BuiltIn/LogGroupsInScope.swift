import InfraModel

/// The log groups a retention minimum applies to, each with the trails that deliver to it.
enum LogGroupsInScope {
  /// Every log group in scope with the names of the trails delivering to it, in model order. Groups
  /// to which retention does not apply are never in scope.
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
      if group.retentionExemption != nil { return nil }
      // A group managed elsewhere matters only through a trail of this file that delivers to it.
      if (scope == .trailLogGroups || group.managedElsewhere != nil) && trails.isEmpty { return nil }
      return (group, trails)
    }
  }
}
