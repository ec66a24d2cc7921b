import SourceMap

/// A template's text with its positioned tree, answering the layout questions a fix asks: is this
/// mapping written in flow style, how is this line indented, where does it end, which line break
/// does the file use. Offsets it returns are into the text exactly as given (byte-order mark
/// included), which is what an editor holds.
struct EditableTemplate {
  let bytes: [UInt8]
  let root: Node
  let isJSON: Bool
  let lineBreak: String
  /// The bytes of a UTF-8 byte-order mark the reader skipped; tree offsets count from after it.
  private let shift: Int

  /// Nil when the text does not parse, or is UTF-16 (the reader transcodes that, so tree offsets
  /// would not be offsets into `bytes`).
  init?(bytes: [UInt8], path: String) {
    if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) { return nil }
    let shift = SourceText.byteOrderMarkLength(of: bytes)
    let text = SourceText(utf8: Array(bytes.dropFirst(shift)))
    let isJSON = SyntaxDetector.isJSON(path: path, bytes: text.bytes)
    let parsed: Node??
    if isJSON { parsed = try? JSONReader.read(text) } else { parsed = try? YAMLReader.read(text) }
    guard case .some(.some(let root)) = parsed else { return nil }
    self.bytes = bytes
    self.root = root
    self.isJSON = isJSON
    self.shift = shift
    if let newline = bytes.firstIndex(of: UInt8(ascii: "\n")), newline > 0, bytes[newline - 1] == UInt8(ascii: "\r") {
      lineBreak = "\r\n"
    } else {
      lineBreak = "\n"
    }
  }

  /// The entry of the resource with this logical id.
  func resource(_ logicalID: String) -> MappingEntry? {
    root["Resources"]?.entry(logicalID)
  }

  /// The parameter a value refers to (`!Ref P`, `{"Ref": "P"}`), when it is one of the template's.
  func parameter(referencedBy node: Node) -> MappingEntry? {
    let name: String?
    if node.tag == "!Ref" {
      name = node.scalar?.text
    } else if let entries = node.entries, entries.count == 1, entries[0].key.text == "Ref" {
      name = entries[0].value.scalar?.text
    } else {
      name = nil
    }
    guard let name else { return nil }
    return root["Parameters"]?.entry(name)
  }

  /// The offset in `bytes` of a position in the tree.
  func offset(_ position: SourcePosition) -> Int {
    min(position.offset + shift, bytes.count)
  }

  /// The node whose range is exactly `range`, searched depth first without recursion.
  func node(at range: SourceRange) -> Node? {
    var pending = [root]
    while let node = pending.popLast() {
      if node.range.start.offset == range.start.offset && node.range.end.offset == range.end.offset {
        return node
      }
      guard node.range.start.offset <= range.start.offset, node.range.end.offset >= range.end.offset else { continue }
      switch node.content {
      case .mapping(let entries): pending.append(contentsOf: entries.map(\.value))
      case .sequence(let items): pending.append(contentsOf: items)
      case .scalar: break
      }
    }
    return nil
  }

  /// The entries written inside the mapping itself, in text order (YAML merge keys can bring in
  /// entries written elsewhere; a fix must not anchor to those).
  func ownEntries(of mapping: Node) -> [MappingEntry] {
    let start = mapping.range.start.offset
    let end = mapping.range.end.offset
    return (mapping.entries ?? [])
      .filter { $0.key.range.start.offset >= start && $0.key.range.start.offset <= end }
      .sorted { $0.key.range.start.offset < $1.key.range.start.offset }
  }

  /// The offset of the `{` that opens a flow mapping (every JSON object); nil for a block mapping.
  func flowOpening(of mapping: Node) -> Int? {
    var index = offset(mapping.range.start)
    let end = offset(mapping.range.end)
    while index < end {
      switch bytes[index] {
      case UInt8(ascii: "{"):
        return index
      case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"):
        index += 1
      case UInt8(ascii: "!"), UInt8(ascii: "&"):
        // A YAML tag or anchor on the mapping.
        while index < end, !Self.isSpace(bytes[index]) { index += 1 }
      case UInt8(ascii: "#") where !isJSON:
        while index < end, !Self.isLineBreak(bytes[index]) { index += 1 }
      default:
        return nil
      }
    }
    return nil
  }

  /// Where the line holding `offset` starts.
  func lineStart(of offset: Int) -> Int {
    var index = min(offset, bytes.count)
    while index > 0, !Self.isLineBreak(bytes[index - 1]) { index -= 1 }
    return index
  }

  /// Where the line holding `offset` ends, before its line break.
  func lineEnd(of offset: Int) -> Int {
    var index = offset
    while index < bytes.count, !Self.isLineBreak(bytes[index]) { index += 1 }
    return index
  }

  /// The whitespace before `offset` on its line, when nothing else precedes it there.
  func indentation(before offset: Int) -> String? {
    let start = lineStart(of: offset)
    let prefix = bytes[start..<offset]
    guard prefix.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }) else { return nil }
    return String(decoding: prefix, as: UTF8.self)
  }

  /// The offset of the `:` after a mapping key, across spaces.
  func colon(after key: MappingKey) -> Int? {
    var index = offset(key.range.end)
    while index < bytes.count, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t") { index += 1 }
    guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return nil }
    return index
  }

  /// A key as this file writes keys: quoted in JSON, plain in YAML.
  func key(_ name: String) -> String {
    isJSON ? "\"\(name)\"" : name
  }

  /// Adds `key: value` as the last entry of a flow mapping whose `{` is at `opening`, on its own line
  /// when the entries are one per line.
  func appendFlowEntry(key name: String, value: String, to mapping: Node, opening: Int) -> SourceEdit {
    let pair = "\(key(name)): \(value)"
    guard let last = ownEntries(of: mapping).max(by: { $0.value.range.end.offset < $1.value.range.end.offset }) else {
      return SourceEdit(insert: pair, at: opening + 1)
    }
    let end = offset(last.value.range.end)
    let keyOffset = offset(last.key.range.start)
    if lineStart(of: keyOffset) > opening, let indent = indentation(before: keyOffset) {
      return SourceEdit(insert: "," + lineBreak + indent + pair, at: end)
    }
    return SourceEdit(insert: ", " + pair, at: end)
  }

  /// Adds lines (the first at the entries' indentation, the others indented relative to it) as the
  /// first entry of a block mapping.
  func prependBlockEntry(_ lines: [String], to mapping: Node) -> SourceEdit? {
    guard let first = ownEntries(of: mapping).first else { return nil }
    let keyOffset = offset(first.key.range.start)
    guard let indent = indentation(before: keyOffset), !indent.contains("\t") else { return nil }
    let text = lines.joined(separator: lineBreak + indent) + lineBreak + indent
    return SourceEdit(insert: text, at: keyOffset)
  }

  private static func isLineBreak(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
  }

  private static func isSpace(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || isLineBreak(byte)
  }
}
