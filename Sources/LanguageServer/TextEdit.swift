/// A replacement of a range of a document.
public struct TextEdit: Sendable, Hashable, Codable {
  public var range: LSPRange
  public var newText: String
}
