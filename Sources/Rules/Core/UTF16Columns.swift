/// A finding's start and end columns counted in UTF-16 code units, as SARIF (`columnKind:
/// utf16CodeUnits`), LSP and GitHub count them: an `é` is one unit, an emoji two. 1-based; `end` is
/// exclusive, on the finding's end line.
public struct UTF16Columns: Sendable, Hashable {
  public var start: Int
  public var end: Int

  public init(start: Int, end: Int) {
    self.start = start
    self.end = end
  }
}
