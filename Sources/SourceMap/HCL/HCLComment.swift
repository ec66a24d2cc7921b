/// A comment as written, with its markers: `# …`, `// …` (to the end of the line) or `/* … */`.
public struct HCLComment: Sendable, Equatable {
  public enum Style: Sendable, Equatable {
    /// `# …`
    case hash
    /// `// …`
    case doubleSlash
    /// `/* … */`, which may span lines.
    case block
  }

  public var style: Style
  /// The whole comment including its markers, without the line break that ends a line comment.
  public var text: String
  public var range: SourceRange

  public init(style: Style, text: String, range: SourceRange) {
    self.style = style
    self.text = text
    self.range = range
  }

  /// The comment's words: the text without its markers, trimmed of surrounding spaces and tabs.
  public var content: String {
    var body = Substring(text)
    switch style {
    case .hash: body = body.dropFirst()
    case .doubleSlash: body = body.dropFirst(2)
    case .block: body = body.dropFirst(2).dropLast(body.hasSuffix("*/") ? 2 : 0)
    }
    let blank: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
    while let first = body.first, blank(first) { body = body.dropFirst() }
    while let last = body.last, blank(last) { body = body.dropLast() }
    return String(body)
  }
}
