import InfraModel

extension Infrastructure {
  /// The logical ids or Terraform addresses of its trails, log groups and roles.
  var resourceNames: Set<String> {
    Set(identities.map(\.name))
  }

  /// The same names by the file that declares each (`defaultFile` for a model of one file).
  func resourcesByFile(defaultFile: String) -> [String: Set<String>] {
    var names: [String: Set<String>] = [:]
    for identity in identities { names[identity.file ?? defaultFile, default: []].insert(identity.name) }
    return names
  }

  private var identities: [ResourceIdentity] {
    trails.map(\.identity) + logGroups.map(\.identity) + roles.map(\.identity)
  }
}
