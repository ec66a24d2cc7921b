/// The key of a mapping entry: templates and plans only have string keys.
public struct MappingKey: Sendable {
  public var text: String
  public var range: SourceRange

  public init(text: String, range: SourceRange) {
    self.text = text
    self.range = range
  }
}
