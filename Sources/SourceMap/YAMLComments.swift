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
  /// counts.
  public static func comments(in text: SourceText, root: Node?, startingWith prefix: String) -> [Comment] {
    let bytes = text.bytes
    let pattern = Array(prefix.utf8)
    guard let first = pattern.first, bytes.count >= pattern.count else { return [] }
    var comments: [Comment] = []
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
      guard position.line != lastLine, !isInsideScalar(offset: hash, root: root) else { continue }
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

  /// Whether a byte offset lies inside a scalar or a key of the tree. Descends only into the child
  /// that spans the offset, so the cost is the depth times the width, not the size of the tree.
  private static func isInsideScalar(offset: Int, root: Node?) -> Bool {
    guard var node = root, contains(node.range, offset) else { return false }
    while true {
      switch node.content {
      case .scalar:
        return true
      case .sequence(let items):
        guard let item = items.first(where: { contains($0.range, offset) }) else { return false }
        node = item
      case .mapping(let entries):
        var next: Node?
        for entry in entries {
          if contains(entry.key.range, offset) { return true }
          if contains(entry.value.range, offset) {
            next = entry.value
            break
          }
        }
        guard let child = next else { return false }
        node = child
      }
    }
  }

  private static func contains(_ range: SourceRange, _ offset: Int) -> Bool {
    range.start.offset <= offset && offset < range.end.offset
  }
}
