/// The resources of one kind (log groups, roles) that a trail can point at, indexed for linking.
struct Linkable: Sendable {
  let resources: [PlanResource]
  /// Index in `resources` by the exact address.
  let byAddress: [String: Int]
  /// Index in `resources` of each instance of a resource in one module instance, by the address
  /// without the resource's own key.
  let byResource: [String: [Int]]
  /// Index in `resources` of each instance, by the address without any instance keys.
  let byBase: [String: [Int]]
  /// Index in `resources` by the name the resource has after apply; resources managed here win over
  /// data sources of the same name.
  let byName: [String: Int]
  let nameInARN: @Sendable (String) -> String?

  init(_ resources: [PlanResource], nameInARN: @escaping @Sendable (String) -> String?) {
    self.resources = resources
    self.nameInARN = nameInARN
    var byAddress: [String: Int] = [:]
    var byResource: [String: [Int]] = [:]
    var byBase: [String: [Int]] = [:]
    var byName: [String: Int] = [:]
    for (index, resource) in resources.enumerated() {
      byAddress[resource.address.text] = byAddress[resource.address.text] ?? index
      byResource[resource.address.unkeyed.text, default: []].append(index)
      byBase[resource.address.base, default: []].append(index)
    }
    for mode in [ResourceAddress.Mode.managed, .data] {
      for (index, resource) in resources.enumerated() where resource.address.mode == mode {
        if let name = resource.string("name"), !name.isEmpty, byName[name] == nil { byName[name] = index }
      }
    }
    self.byAddress = byAddress
    self.byResource = byResource
    self.byBase = byBase
    self.byName = byName
  }

  /// The one instance `pattern` means. A reference without an instance key (`aws_x.y` with
  /// `count.index` or `each.key`) means the instance with the referring resource's own key, which is
  /// how a counted trail usually pairs with a counted log group; nil when it stays ambiguous.
  func instance(_ pattern: ResourceAddress, near own: ResourceAddress) -> Int? {
    // Looked up by address, so that thousands of instances of one module (for_each over services)
    // are not scanned for every trail. A module step without a key is either a module without count
    // or for_each (found by address) or a reference that does not say which instance (found by the
    // scan, which only such a reference needs).
    if pattern.key != nil, let exact = byAddress[pattern.text] { return exact }
    var candidates = pattern.key == nil ? byResource[pattern.text] ?? [] : []
    if candidates.isEmpty && pattern.module.contains(where: { $0.key == nil }) {
      candidates = (byBase[pattern.base] ?? []).filter { pattern.admits(resources[$0].address) }
    }
    if candidates.count == 1 { return candidates[0] }
    if pattern.key == nil, let key = own.key {
      let paired = candidates.filter { resources[$0].address.key == key }
      if paired.count == 1 { return paired[0] }
    }
    return nil
  }

  /// The address of the resource whose name a known ARN carries.
  func named(inARN arn: String) -> String? {
    nameInARN(arn).flatMap { byName[$0] }.map { resources[$0].addressText }
  }
}
