import SourceMap

/// A template parameter: what a `Ref` to it can be.
struct TemplateParameter {
  var name: String
  var type: String
  /// The `Default` value's text and range, when it is a scalar.
  var defaultValue: (text: String, range: SourceRange)?
  var allowedValues: [String]

  init(name: String, node: Node) {
    self.name = name
    self.type = node["Type"]?.scalar?.text ?? "String"
    if let value = node["Default"], let scalar = value.scalar {
      self.defaultValue = (scalar.text, value.range)
    } else if let items = node["Default"]?.items {
      // A list default (CommaDelimitedList written as a YAML sequence) reads as its joined text.
      let texts = items.compactMap { $0.scalar?.text }
      self.defaultValue = texts.count == items.count ? (texts.joined(separator: ","), node["Default"]?.range ?? node.range) : nil
    } else {
      self.defaultValue = nil
    }
    self.allowedValues = node["AllowedValues"]?.items?.compactMap { $0.scalar?.text } ?? []
  }

  /// Whether a `Ref` to it is a list (`CommaDelimitedList`, `List<…>`).
  var isList: Bool {
    type == "CommaDelimitedList" || type.hasPrefix("List<")
  }
}
