/// A span of source text: `start` is its first character, `end` the position just after its last
/// (exclusive, as in SARIF and LSP).
public struct SourceRange: Sendable, Hashable, Codable {
  public var start: SourcePosition
  public var end: SourcePosition

  public init(start: SourcePosition, end: SourcePosition) {
    self.start = start
    self.end = end
  }

  /// An empty range at one position.
  public init(at position: SourcePosition) {
    self.start = position
    self.end = position
  }

  public static let fileStart = SourceRange(at: .start)
}
