import SourceMap

/// A `variable "name" { … }` block.
struct VariableConfig {
  var name: String
  var block: HCLBlock
  var file: String

  /// The declared type when it is a plain keyword or call (`string`, `list(string)`).
  var typeName: String? {
    guard let type = block.body.attribute("type")?.value else { return nil }
    switch type.kind {
    case .variable(let name): return name
    case .call(let call): return call.name
    default: return type.literalText
    }
  }
}
