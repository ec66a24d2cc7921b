import SourceMap

/// The plan's `configuration` block, indexed once: each module by its call path, each resource block
/// by its module path and module-relative address.
///
/// Configuration addresses carry no instance keys (`module_calls.audit.module.resources[]` holds
/// `aws_cloudtrail.this` for every `module.audit[…].aws_cloudtrail.this[…]`), so lookups drop them.
struct PlanConfiguration: Sendable {
  private var modules: [String: Node] = [:]
  private var resources: [String: Node] = [:]

  init(_ configuration: Node?) {
    guard let root = configuration?["root_module"], root.entries != nil else { return }
    var pending: [([String], Node)] = [([], root)]
    while let (path, module) = pending.popLast() {
      let key = Self.key(path)
      modules[key] = module
      for resource in module["resources"]?.items ?? [] {
        guard let type = resource["type"]?.scalar?.text, let name = resource["name"]?.scalar?.text else { continue }
        let mode = resource["mode"]?.scalar?.text == "data" ? "data." : ""
        resources[key + "|" + mode + type + "." + name] = resources[key + "|" + mode + type + "." + name] ?? resource
      }
      for call in module["module_calls"]?.entries ?? [] {
        if let child = call.value["module"], child.entries != nil {
          pending.append((path + [call.key.text], child))
        }
      }
    }
  }

  /// The configuration module a module instance path was written in.
  func module(_ path: [ModuleStep]) -> Node? {
    modules[Self.key(path.map(\.name))]
  }

  /// The resource block behind a resource instance.
  func resource(_ address: ResourceAddress) -> Node? {
    let mode = address.mode == .data ? "data." : ""
    return resources[Self.key(address.module.map(\.name)) + "|" + mode + address.type + "." + address.name]
  }

  private static func key(_ path: [String]) -> String {
    path.joined(separator: ".")
  }
}
