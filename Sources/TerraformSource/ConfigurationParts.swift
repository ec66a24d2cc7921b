import SourceMap

/// An attribute with the file it is written in.
struct LocatedAttribute {
  var attribute: HCLAttribute
  var file: String
}

/// A `resource` or `data` block.
struct ResourceConfig {
  var isData: Bool
  var type: String
  var name: String
  var block: HCLBlock
  var file: String

  /// `aws_cloudtrail.main`, `data.aws_cloudwatch_log_group.audit`.
  var address: String { (isData ? "data." : "") + type + "." + name }

  func attribute(_ name: String) -> LocatedAttribute? {
    block.body.attribute(name).map { LocatedAttribute(attribute: $0, file: file) }
  }
}

/// A `module "name" { source = … }` block.
struct ModuleCallConfig {
  var name: String
  var block: HCLBlock
  var file: String
}

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
