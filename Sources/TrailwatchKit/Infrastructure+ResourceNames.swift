import InfraModel

extension Infrastructure {
  /// The logical ids or Terraform addresses of its trails, log groups and roles.
  var resourceNames: Set<String> {
    var names = Set<String>(minimumCapacity: trails.count + logGroups.count + roles.count)
    for trail in trails { names.insert(trail.identity.name) }
    for group in logGroups { names.insert(group.identity.name) }
    for role in roles { names.insert(role.identity.name) }
    return names
  }
}
