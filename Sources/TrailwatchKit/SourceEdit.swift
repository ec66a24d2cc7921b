/// One replacement in a file's bytes: the bytes in `range` (0-based offsets into the text exactly as
/// given, byte-order mark included) become `replacement`. An insertion has an empty range.
public struct SourceEdit: Sendable, Equatable {
  public var range: Range<Int>
  public var replacement: String

  public init(range: Range<Int>, replacement: String) {
    self.range = range
    self.replacement = replacement
  }

  public init(insert text: String, at offset: Int) {
    self.init(range: offset..<offset, replacement: text)
  }

  /// `bytes` with every edit made; the edits must not overlap.
  public static func apply(_ edits: [SourceEdit], to bytes: [UInt8]) -> [UInt8] {
    var result = bytes
    // From the back, so earlier offsets stay valid.
    for edit in edits.sorted(by: { $0.range.lowerBound > $1.range.lowerBound }) {
      let lower = min(max(edit.range.lowerBound, 0), result.count)
      let upper = min(max(edit.range.upperBound, lower), result.count)
      result.replaceSubrange(lower..<upper, with: Array(edit.replacement.utf8))
    }
    return result
  }
}
