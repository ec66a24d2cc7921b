/// Follows a configuration expression's `references` to the resource an attribute points at, across
/// modules: `var.x` through the calling module's argument, `module.m.out` through the child module's
/// output expression.
///
/// References are module-relative; each step keeps the module instance path it is read in, so a
/// reference inside `module.audit[0]` resolves to a resource in `module.audit[0]`.
struct ReferenceResolver: Sendable {
  /// Variables and outputs that chain further than this are not followed (and cannot loop).
  static let maxHops = 32

  let configuration: PlanConfiguration

  /// The resource of `type` (managed or data source) that `attribute` of `resource` is written to
  /// refer to; its key is nil when the reference does not name an instance.
  func target(ofAttribute attribute: String, of resource: ResourceAddress, type: String) -> ResourceAddress? {
    guard let block = configuration.resource(resource), let expression = block["expressions"]?[attribute] else {
      return nil
    }
    return target(of: expression.references, in: resource.module, type: type, hops: 0)
  }

  private func target(of references: [String], in module: [ModuleStep], type: String, hops: Int) -> ResourceAddress? {
    guard hops < Self.maxHops else { return nil }
    for reference in references {
      guard let steps = TraversalStep.parse(reference), let first = steps.first?.name else { continue }
      switch first {
      case "var":
        guard let variable = steps.dropFirst().first?.name, let call = module.last,
          let parent = configuration.module(Array(module.dropLast())),
          let argument = parent["module_calls"]?[call.name]?["expressions"]?[variable]
        else { continue }
        if let found = target(of: argument.references, in: Array(module.dropLast()), type: type, hops: hops + 1) {
          return found
        }
      case "module":
        var rest = steps.dropFirst()
        guard let call = rest.first?.name else { continue }
        rest = rest.dropFirst()
        var key: String?
        if let given = rest.first?.index {
          key = given
          rest = rest.dropFirst()
        }
        let child = module + [ModuleStep(name: call, key: key)]
        guard let output = rest.first?.name,
          let expression = configuration.module(child)?["outputs"]?[output]?["expression"]
        else { continue }
        if let found = target(of: expression.references, in: child, type: type, hops: hops + 1) {
          return found
        }
      case "local", "each", "count", "path", "terraform", "self":
        // Locals are not in the plan's configuration; the others name no resource.
        continue
      default:
        guard let (address, _) = ResourceAddress.resource(from: steps[...], module: module), address.type == type else {
          continue
        }
        return address
      }
    }
    return nil
  }
}
