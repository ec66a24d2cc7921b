/// A place in a source file.
///
/// Lines and columns are 1-based; a column counts Unicode scalars (characters as a user sees them in
/// most editors), and `offset` is the 0-based UTF-8 byte offset, from which `SourceText` derives UTF-16
/// columns when a format needs them (SARIF, LSP).
public struct SourcePosition: Sendable, Hashable, Comparable, Codable {
  public var line: Int
  public var column: Int
  public var offset: Int

  public init(line: Int, column: Int, offset: Int) {
    self.line = line
    self.column = column
    self.offset = offset
  }

  public static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool {
    (lhs.line, lhs.column) < (rhs.line, rhs.column)
  }

  /// The first character of a file.
  public static let start = SourcePosition(line: 1, column: 1, offset: 0)
}
