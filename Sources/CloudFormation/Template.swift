import SourceMap

/// A CloudFormation template's sections, indexed for evaluation.
struct Template {
  var parameters: [String: TemplateParameter] = [:]
  var conditions: [String: Node] = [:]
  var mappings: Node?
  /// The template-level `Metadata`.
  var metadata: Node?
  /// Resources in the order they are written.
  var resources: [TemplateResource] = []
  var resourceIndex: [String: Int] = [:]

  /// Whether a document is a CloudFormation template: `AWSTemplateFormatVersion`, or a `Resources`
  /// mapping with at least one `Type: AWS::…` / `Custom::…` / `Alexa::…` entry.
  static func isTemplate(_ root: Node) -> Bool {
    guard let entries = root.entries else { return false }
    if entries.contains(where: { $0.key.text == "AWSTemplateFormatVersion" }) { return true }
    guard let resources = root["Resources"]?.entries else { return false }
    return resources.contains { entry in
      guard let type = entry.value["Type"]?.scalar?.text else { return false }
      return type.hasPrefix("AWS::") || type.hasPrefix("Custom::") || type.hasPrefix("Alexa::")
    }
  }

  init(root: Node) {
    for entry in root["Parameters"]?.entries ?? [] {
      parameters[entry.key.text] = TemplateParameter(name: entry.key.text, node: entry.value)
    }
    for entry in root["Conditions"]?.entries ?? [] {
      conditions[entry.key.text] = entry.value
    }
    mappings = root["Mappings"]
    metadata = root["Metadata"]
    for entry in root["Resources"]?.entries ?? [] {
      guard let type = entry.value["Type"]?.scalar?.text else { continue }
      let resource = TemplateResource(
        logicalID: entry.key.text,
        keyRange: entry.key.range,
        type: type,
        properties: entry.value["Properties"],
        condition: entry.value["Condition"]?.scalar?.text,
        metadata: entry.value["Metadata"]
      )
      resourceIndex[resource.logicalID] = resources.count
      resources.append(resource)
    }
  }

  func resource(_ logicalID: String) -> TemplateResource? {
    resourceIndex[logicalID].map { resources[$0] }
  }
}
