/// Finds YAML comments in the source text, since libyaml drops them.
///
/// A `#` starts a comment only at the start of a line or after a space or tab, and never inside a
/// quoted scalar, a block scalar or a key: the document's tree says where those are, so
/// `key: "a # b"` and a `|` block holding `# …` lines contain no comment.
public enum YAMLComments {
  /// The comments whose text, after `#` and any spaces, starts with `prefix`, in source order.
  ///
  /// Only lines that contain `prefix` are looked at, so a file without it costs one byte scan.
  /// `root` is the document read from `text`; without it every `#` that is placed like a comment
  /// counts. The cost is linear in the file however many comments there are.
  public static func comments(in text: SourceText, root: Node?, startingWith prefix: String) -> [Comment] {
    let bytes = text.bytes
    let pattern = Array(prefix.utf8)
    guard let first = pattern.first, bytes.count >= pattern.count else { return [] }
    var comments: [Comment] = []
    // Built when the first candidate is found: most files have none.
    var strings: [Range<Int>]?
    var index = 0
    var lastLine = 0
    while index + pattern.count <= bytes.count {
      guard bytes[index] == first, bytes[index..<index + pattern.count].elementsEqual(pattern) else {
        index += 1
        continue
      }
      let match = index
      index += pattern.count
      guard let hash = commentStart(before: match, in: bytes) else { continue }
      let position = text.position(ofOffset: hash)
      // One comment per line: a second match on the line lies inside the first comment.
      guard position.line != lastLine else { continue }
      if strings == nil { strings = stringRanges(of: root) }
      guard !isInside(hash, strings ?? []) else { continue }
      lastLine = position.line
      let lineEnd = text.lineBytes(position.line).endIndex
      let body = String(decoding: bytes[(hash + 1)..<lineEnd], as: UTF8.self)
      let lineStart = text.lineStarts[position.line - 1]
      let standsAlone = bytes[lineStart..<hash].allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
      comments.append(
        Comment(
          text: body, range: SourceRange(start: position, end: text.position(ofOffset: lineEnd)),
          standsAlone: standsAlone, subjectLine: standsAlone ? subjectLine(below: position.line, in: text) : position.line))
      index = lineEnd
    }
    return comments
  }

  /// The first line after `line` that holds more than a comment; `line` itself when a blank line or
  /// the end of the file comes first.
  private static func subjectLine(below line: Int, in text: SourceText) -> Int {
    var next = line + 1
    while next <= text.lineCount {
      let content = text.lineBytes(next).drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
      if content.isEmpty { return line }
      if content.first != UInt8(ascii: "#") { return next }
      next += 1
    }
    return line
  }

  /// The offset of the `#` that opens a comment whose text starts at `offset`: `#`, optional spaces,
  /// then the text, with the `#` at a line start or after whitespace. Nil when there is none.
  private static func commentStart(before offset: Int, in bytes: [UInt8]) -> Int? {
    var hash = offset - 1
    while hash >= 0, bytes[hash] == UInt8(ascii: " ") || bytes[hash] == UInt8(ascii: "\t") {
      hash -= 1
    }
    guard hash >= 0, bytes[hash] == UInt8(ascii: "#") else { return nil }
    if hash == 0 { return hash }
    switch bytes[hash - 1] {
    case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"): return hash
    default: return nil
    }
  }

  /// The byte ranges where a `#` is text, not a comment: quoted and block scalars, and keys, sorted
  /// by start and merged. A plain scalar never holds a `#` after whitespace (that starts a comment),
  /// so plain values are left out.
  ///
  /// Each collection is walked once, so aliases of one anchor cost only their own entries; the
  /// reader bounds what aliases stand for in total.
  private static func stringRanges(of root: Node?) -> [Range<Int>] {
    guard let root else { return [] }
    var ranges: [Range<Int>] = []
    // A collection is known by its range and kind; an alias gets the alias's range but keeps its
    // anchor's children, whose ranges were seen with the anchor.
    var visited = Set<VisitedCollection>()
    var pending = [root]
    while let node = pending.popLast() {
      switch node.content {
      case .scalar(let scalar):
        if scalar.style == .quoted { ranges.append(node.range.start.offset..<node.range.end.offset) }
      case .sequence(let items):
        guard visited.insert(VisitedCollection(range: node.range, isMapping: false)).inserted else { continue }
        pending.append(contentsOf: items)
      case .mapping(let entries):
        guard visited.insert(VisitedCollection(range: node.range, isMapping: true)).inserted else { continue }
        for entry in entries {
          ranges.append(entry.key.range.start.offset..<entry.key.range.end.offset)
          pending.append(entry.value)
        }
      }
    }
    ranges.sort { $0.lowerBound < $1.lowerBound }
    var merged: [Range<Int>] = []
    for range in ranges where !range.isEmpty {
      if let last = merged.last, range.lowerBound <= last.upperBound {
        merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
      } else {
        merged.append(range)
      }
    }
    return merged
  }

  private struct VisitedCollection: Hashable {
    var range: SourceRange
    var isMapping: Bool
  }

  /// Whether `offset` lies in one of the sorted, disjoint `ranges`.
  private static func isInside(_ offset: Int, _ ranges: [Range<Int>]) -> Bool {
    var low = 0
    var high = ranges.count
    while low < high {
      let middle = (low + high) / 2
      if ranges[middle].upperBound <= offset { low = middle + 1 } else { high = middle }
    }
    return low < ranges.count && ranges[low].contains(offset)
  }
}
