import SourceMap

/// Gathers the resources trailwatch reads from a plan, as they will be after apply.
///
/// - `resource_changes`: every managed resource of the types read, except those the plan removes
///   (actions only `delete` or `forget`; a replacement's delete half comes with a create and counts),
///   and deposed objects, which are always on their way out. No-op, create, update and replace are
///   read alike: what matters is the state after apply.
/// - `deferred_changes`: resources Terraform could not plan yet, read with every checked attribute
///   unknown.
/// - data sources (`data.aws_cloudwatch_log_group`, `data.aws_iam_role`): from `resource_changes`
///   when they are read at apply time, else from `prior_state` (where Terraform stores what it read
///   while planning), else from `planned_values` (older plans).
enum PlanResourceCollector {
  static let dataTypes: Set<String> = [TerraformType.logGroup, TerraformType.role]

  static func collect(from root: Node) -> [PlanResource] {
    var resources: [PlanResource] = []
    var seen: Set<String> = []

    func add(_ resource: PlanResource) {
      guard seen.insert(resource.address.text).inserted else { return }
      resources.append(resource)
    }

    for change in root["resource_changes"]?.items ?? [] {
      guard let resource = changed(change, deferral: nil) else { continue }
      add(resource)
    }
    for deferred in root["deferred_changes"]?.items ?? [] {
      guard let change = deferred["resource_change"] else { continue }
      let reason = deferred["reason"]?.scalar?.text ?? "no reason given"
      guard let resource = changed(change, deferral: reason) else { continue }
      add(resource)
    }
    for values in [root["prior_state"]?["values"], root["planned_values"]] {
      guard let module = values?["root_module"] else { continue }
      var pending = [module]
      while let module = pending.popLast() {
        for object in module["resources"]?.items ?? [] {
          guard object["mode"]?.scalar?.text == "data", let type = object["type"]?.scalar?.text, dataTypes.contains(type),
            let resource = PlanResource(object: object, after: object["values"], afterUnknown: nil)
          else { continue }
          add(resource)
        }
        // Reversed so child modules are read in the order the plan lists them.
        pending.append(contentsOf: (module["child_modules"]?.items ?? []).reversed())
      }
    }
    return resources
  }

  /// A `resource_changes` (or deferred) entry of a type trailwatch reads, unless it is removed.
  private static func changed(_ object: Node, deferral: String?) -> PlanResource? {
    guard let type = object["type"]?.scalar?.text, TerraformType.read.contains(type), object["deposed"] == nil else {
      return nil
    }
    let isData = object["mode"]?.scalar?.text == "data"
    if isData && !dataTypes.contains(type) { return nil }
    let change = object["change"]
    let actions = change?["actions"]?.items?.compactMap { $0.scalar?.text } ?? []
    if !actions.isEmpty && actions.allSatisfy({ $0 == "delete" || $0 == "forget" }) { return nil }
    return PlanResource(object: object, after: change?["after"], afterUnknown: change?["after_unknown"], deferral: deferral)
  }
}
