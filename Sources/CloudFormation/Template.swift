import SourceMap

/// A CloudFormation template's sections, indexed for evaluation, with `Fn::ForEach` loops in
/// `Resources` expanded.
struct Template {
  var parameters: [String: TemplateParameter] = [:]
  var conditions: [String: Node] = [:]
  /// Condition names in the order they are written.
  var conditionOrder: [String] = []
  var mappings: Node?
  /// The template-level `Metadata`.
  var metadata: Node?
  /// Resources in the order they are written; those of an `Fn::ForEach` loop where the loop is.
  var resources: [TemplateResource] = []
  var resourceIndex: [String: Int] = [:]

  /// Whether a document is a CloudFormation template: `AWSTemplateFormatVersion`, or a `Resources`
  /// mapping with at least one `Type: AWS::…` / `Custom::…` / `Alexa::…` entry (directly, or in the
  /// body of an `Fn::ForEach` loop).
  static func isTemplate(_ root: Node) -> Bool {
    guard let entries = root.entries else { return false }
    if entries.contains(where: { $0.key.text == "AWSTemplateFormatVersion" }) { return true }
    guard let resources = root["Resources"]?.entries else { return false }
    return hasResource(resources, depth: 0)
  }

  private static func hasResource(_ entries: [MappingEntry], depth: Int) -> Bool {
    entries.contains { entry in
      if entry.key.text.hasPrefix(ForEachExpander.prefix) {
        guard depth < 4, let items = entry.value.items, items.count == 3, let body = items[2].entries else { return false }
        return hasResource(body, depth: depth + 1)
      }
      guard let type = entry.value["Type"]?.scalar?.text else { return false }
      return type.hasPrefix("AWS::") || type.hasPrefix("Custom::") || type.hasPrefix("Alexa::")
    }
  }

  /// The template of `root`; `overrides` are the parameter values an `Fn::ForEach` collection is read
  /// with.
  init(root: Node, overrides: [String: String] = [:]) {
    for entry in root["Parameters"]?.entries ?? [] {
      parameters[entry.key.text] = TemplateParameter(name: entry.key.text, node: entry.value)
    }
    for entry in root["Conditions"]?.entries ?? [] where conditions[entry.key.text] == nil {
      conditions[entry.key.text] = entry.value
      conditionOrder.append(entry.key.text)
    }
    mappings = root["Mappings"]
    metadata = root["Metadata"]
    var loops: [(position: Int, entry: MappingEntry)] = []
    for entry in root["Resources"]?.entries ?? [] {
      if entry.key.text.hasPrefix(ForEachExpander.prefix) {
        loops.append((resources.count, entry))
        continue
      }
      guard let type = entry.value["Type"]?.scalar?.text else { continue }
      add(TemplateResource(
        logicalID: entry.key.text, keyRange: entry.key.range, type: type, properties: entry.value["Properties"],
        condition: entry.value["Condition"]?.scalar?.text, metadata: entry.value["Metadata"]))
    }
    guard !loops.isEmpty else { return }
    // Collections name parameters and mappings, never resources: the template read so far suffices.
    var expander = ForEachExpander(evaluator: ValueEvaluator(template: self, overrides: overrides))
    var written = resources
    var inserted = 0
    for (position, entry) in loops {
      let generated = expander.expand(entry).compactMap { resource -> TemplateResource? in
        guard let type = resource.body["Type"]?.scalar?.text else { return nil }
        return TemplateResource(
          logicalID: resource.logicalID, keyRange: resource.keyRange, type: type, properties: resource.body["Properties"],
          condition: resource.body["Condition"]?.scalar?.text, metadata: resource.body["Metadata"],
          unevaluated: resource.unevaluated)
      }
      written.insert(contentsOf: generated, at: position + inserted)
      inserted += generated.count
    }
    resources = []
    resourceIndex = [:]
    for resource in written { add(resource) }
  }

  private mutating func add(_ resource: TemplateResource) {
    // CloudFormation refuses a duplicate logical id; the first one is the one read.
    guard resourceIndex[resource.logicalID] == nil else { return }
    resourceIndex[resource.logicalID] = resources.count
    resources.append(resource)
  }

  func resource(_ logicalID: String) -> TemplateResource? {
    resourceIndex[logicalID].map { resources[$0] }
  }
}
