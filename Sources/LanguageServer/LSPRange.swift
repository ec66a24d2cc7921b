/// A span of a document, `end` exclusive (the protocol's `Range`).
public struct LSPRange: Sendable, Hashable, Codable {
  public var start: Position
  public var end: Position

  public init(start: Position, end: Position) {
    self.start = start
    self.end = end
  }

  /// Whether the spans share a position; touching counts, so a cursor at a finding's end is on it.
  func touches(_ other: LSPRange) -> Bool {
    start <= other.end && other.start <= end
  }
}
