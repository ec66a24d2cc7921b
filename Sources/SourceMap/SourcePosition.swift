/// A place in a source file.
///
/// Lines and columns are 1-based; a column counts Unicode scalars (characters as a user sees them in
/// most editors), and `offset` is the 0-based UTF-8 byte offset, from which `SourceText` derives UTF-16
/// columns when a format needs them (SARIF, LSP).
///
/// Every node of a syntax tree holds two positions, so they are stored in 32 bits each: a tree takes
/// a third less memory than with 64-bit fields. Values beyond 2^32 - 1 (a file of more than 4 GiB) are
/// clamped, never trapped on.
public struct SourcePosition: Sendable, Hashable, Comparable, Codable {
  private var storedLine: UInt32
  private var storedColumn: UInt32
  private var storedOffset: UInt32

  public var line: Int {
    get { Int(storedLine) }
    set { storedLine = UInt32(clamping: newValue) }
  }

  public var column: Int {
    get { Int(storedColumn) }
    set { storedColumn = UInt32(clamping: newValue) }
  }

  public var offset: Int {
    get { Int(storedOffset) }
    set { storedOffset = UInt32(clamping: newValue) }
  }

  public init(line: Int, column: Int, offset: Int) {
    storedLine = UInt32(clamping: line)
    storedColumn = UInt32(clamping: column)
    storedOffset = UInt32(clamping: offset)
  }

  public static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool {
    (lhs.storedLine, lhs.storedColumn) < (rhs.storedLine, rhs.storedColumn)
  }

  /// The first character of a file.
  public static let start = SourcePosition(line: 1, column: 1, offset: 0)

  private enum CodingKeys: String, CodingKey {
    case line, column, offset
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    self.init(
      line: try container.decode(Int.self, forKey: .line), column: try container.decode(Int.self, forKey: .column),
      offset: try container.decode(Int.self, forKey: .offset))
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(line, forKey: .line)
    try container.encode(column, forKey: .column)
    try container.encode(offset, forKey: .offset)
  }
}
