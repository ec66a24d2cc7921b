import CYAML

/// Builds the tree of the first YAML document from libyaml's events.
///
/// Alias expansion is bounded by weights: a node weighs 1 plus its children's weights (a key counts
/// 1), an alias weighs as much as its anchor's subtree, and the weights that aliases stand for are
/// summed over the document. Sharing array storage keeps memory small, but a consumer walking the
/// tree still visits every expanded node, so the sum is what has to stay bounded.
struct YAMLTreeBuilder {
  private let text: SourceText
  private let bytes: UnsafeBufferPointer<UInt8>
  private let limits: ReaderLimits
  private var cursor: MarkCursor
  private var stack: [YAMLBuildFrame] = []
  /// The entries and items of the open collections, innermost last (see `YAMLBuildFrame.base`).
  private let entryPool = ChildPool<MappingEntry>()
  private let itemPool = ChildPool<Node>()
  private var anchors: [String: (node: Node, weight: Int)] = [:]
  private var expansion = 0
  private var root: Node?
  /// `limits.maxAliasExpansion`, capped where it stops meaning anything.
  private let aliasLimit: Int

  /// `bytes` must be `text.bytes`, non-empty, and outlive the builder.
  init(text: SourceText, bytes: UnsafeBufferPointer<UInt8>, limits: ReaderLimits) {
    self.text = text
    self.bytes = bytes
    self.limits = limits
    self.aliasLimit = min(limits.maxAliasExpansion, Int.max / 4)
    self.cursor = MarkCursor(bytes: bytes, lineStarts: text.lineStarts)
  }

  mutating func run() throws(ParseError) -> Node? {
    guard let input = bytes.baseAddress else { return nil }
    // Allocated once and reused for every event: yaml_parser_t and yaml_event_t are plain C structs.
    let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
    defer { parser.deallocate() }
    guard yaml_parser_initialize(parser) == 1 else {
      throw ParseError("out of memory while starting the YAML parser", at: .start)
    }
    defer { yaml_parser_delete(parser) }
    yaml_parser_set_input_string(parser, input, bytes.count)
    // SourceText is always UTF-8; without this a stray UTF-16 byte-order mark would switch libyaml
    // to UTF-16 and every mark would stop matching the bytes.
    yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
    let event = UnsafeMutablePointer<yaml_event_t>.allocate(capacity: 1)
    defer { event.deallocate() }

    var documentEnded = false
    while true {
      // On failure libyaml leaves the event zeroed, so there is nothing to delete.
      guard yaml_parser_parse(parser, event) == 1 else {
        throw libyamlError(parser.pointee)
      }
      defer { yaml_event_delete(event) }
      if documentEnded {
        // libyaml reports an implicit document end before it looks at what follows, so one more
        // event is read to catch trailing garbage such as `[a] b`; a following document is only
        // started, never parsed.
        return documentRoot()
      }
      switch event.pointee.type {
      case YAML_SCALAR_EVENT:
        try scalar(event.pointee)
      case YAML_MAPPING_START_EVENT, YAML_SEQUENCE_START_EVENT:
        try collectionStart(event.pointee)
      case YAML_MAPPING_END_EVENT, YAML_SEQUENCE_END_EVENT:
        try collectionEnd(event.pointee)
      case YAML_ALIAS_EVENT:
        try alias(event.pointee)
      case YAML_DOCUMENT_END_EVENT:
        // After an explicit `...` anything further is another document, so there is nothing to check.
        if event.pointee.data.document_end.implicit == 0 {
          return documentRoot()
        }
        documentEnded = true
      case YAML_STREAM_END_EVENT:
        return nil
      default:
        // Stream and document starts carry nothing the tree needs.
        break
      }
    }
  }

  /// The root, or nil for a document with nothing in it: libyaml gives such a document an empty plain
  /// scalar with no length, which a written `""`, `~` or `!Tag` never is.
  private func documentRoot() -> Node? {
    guard let root else { return nil }
    if root.tag == nil, let scalar = root.scalar, scalar.style == .plain, scalar.text.isEmpty,
      root.range.start.offset == root.range.end.offset
    {
      return nil
    }
    return root
  }

  // MARK: - Events

  private mutating func scalar(_ event: yaml_event_t) throws(ParseError) {
    let data = event.data.scalar
    let range = self.range(event)
    var value = ""
    if let pointer = data.value, data.length > 0 {
      value = String(decoding: UnsafeBufferPointer(start: pointer, count: data.length), as: UTF8.self)
    }
    let style: Scalar.Style = data.style == YAML_PLAIN_SCALAR_STYLE ? .plain : .quoted
    let tag = Self.tag(data.tag)
    // Checked on the bytes: comparing every scalar as a String would cost more than it saves.
    let isMerge =
      style == .plain && data.length == 2 && data.value?[0] == UInt8(ascii: "<")
      && data.value?[1] == UInt8(ascii: "<") && (tag == nil || tag == "tag:yaml.org,2002:merge")
    // A key needs no node of its own unless an alias may refer to it later.
    if data.anchor == nil, let top = stack.indices.last, stack[top].isMapping, stack[top].pendingKey == nil {
      try acceptKey(MappingKey(text: value, range: range), isMerge: isMerge, in: top)
      return
    }
    let node = Node(.scalar(Scalar(value, style: style)), tag: tag, range: range)
    if let anchor = data.anchor {
      anchors[String(cString: anchor)] = (node, 1)
    }
    try attach(node, weight: 1, isMergeKey: isMerge)
  }

  private mutating func collectionStart(_ event: yaml_event_t) throws(ParseError) {
    let isMapping = event.type == YAML_MAPPING_START_EVENT
    let start = cursor.position(ofIndex: event.start_mark.index)
    if let top = stack.indices.last, stack[top].isMapping, stack[top].pendingKey == nil {
      let end = cursor.position(ofIndex: event.end_mark.index)
      throw ParseError("mapping keys must be strings", at: SourceRange(start: start, end: end))
    }
    // Checked before libyaml is asked for anything deeper: its flow parsing is quadratic in depth.
    guard stack.count < limits.maxDepth else {
      throw ParseError("nesting deeper than \(limits.maxDepth) levels", at: start)
    }
    let tagPointer = isMapping ? event.data.mapping_start.tag : event.data.sequence_start.tag
    let anchorPointer = isMapping ? event.data.mapping_start.anchor : event.data.sequence_start.anchor
    stack.append(
      YAMLBuildFrame(
        isMapping: isMapping,
        tag: Self.tag(tagPointer),
        anchor: anchorPointer.map { String(cString: $0) },
        start: start,
        base: isMapping ? entryPool.count : itemPool.count
      )
    )
  }

  private mutating func collectionEnd(_ event: yaml_event_t) throws(ParseError) {
    // libyaml pairs every end with a start, so the stack is never empty here; guarded all the same.
    guard let frame = stack.popLast() else { return }
    let end = cursor.position(ofIndex: event.end_mark.index)
    let range = SourceRange(start: frame.start, end: end)
    let node: Node
    if frame.isMapping {
      var entries = entryPool.takeTail(from: frame.base)
      if !frame.merges.isEmpty {
        entries = Self.merge(entries, frame.merges)
      }
      node = Node(.mapping(entries), tag: frame.tag, range: range)
    } else {
      node = Node(.sequence(itemPool.takeTail(from: frame.base)), tag: frame.tag, range: range)
    }
    if let anchor = frame.anchor {
      anchors[anchor] = (node, frame.weight)
    }
    try attach(node, weight: frame.weight, isMergeKey: false)
  }

  private mutating func alias(_ event: yaml_event_t) throws(ParseError) {
    let range = self.range(event)
    let name = event.data.alias.anchor.map { String(cString: $0) } ?? ""
    guard let anchored = anchors[name] else {
      throw ParseError("unknown alias '\(name)'", at: range)
    }
    // Subtraction keeps the comparison from overflowing; `aliasLimit` keeps weights, which are at most
    // the expansion plus the number of events, far from overflowing too.
    guard anchored.weight <= aliasLimit - expansion else {
      throw ParseError("aliases expand to more than \(aliasLimit) nodes", at: range)
    }
    expansion += anchored.weight
    // The same value as the anchor, arrays shared, positioned where the alias is written.
    var node = anchored.node
    node.range = range
    try attach(node, weight: anchored.weight, isMergeKey: false)
  }

  // MARK: - Building

  /// Mappings with more entries than this find duplicate keys through a hash table instead of a scan.
  private static let keyTableThreshold = 12

  /// Adds a finished node to the collection being read, or makes it the root.
  private mutating func attach(_ node: consuming Node, weight: Int, isMergeKey: Bool) throws(ParseError) {
    guard let top = stack.indices.last else {
      root = node
      return
    }
    guard stack[top].isMapping else {
      itemPool.append(node)
      stack[top].weight += weight
      return
    }
    if let key = stack[top].pendingKey.take() {
      stack[top].weight += weight
      if stack[top].pendingIsMerge {
        stack[top].pendingIsMerge = false
        let sources = try Self.mergeSources(node)
        let position = entryPool.count - stack[top].base
        for source in sources {
          stack[top].merges.append((position, source))
        }
      } else {
        appendEntry(MappingEntry(key: key, value: node), to: top)
      }
      return
    }
    guard case .scalar(let scalar) = node.content else {
      throw ParseError("mapping keys must be strings", at: node.range)
    }
    try acceptKey(MappingKey(text: scalar.text, range: node.range), isMerge: isMergeKey, in: top)
  }

  /// Makes `key` the pending key of the mapping at `top`, unless the mapping already has it.
  private mutating func acceptKey(_ key: consuming MappingKey, isMerge: Bool, in top: Int) throws(ParseError) {
    let first = isMerge ? stack[top].mergeKeyRange : existingKeyRange(key.text, in: top)
    if let first {
      throw ParseError(
        "duplicate key '\(key.text)' (first defined at line \(first.start.line), column \(first.start.column))",
        at: key.range
      )
    }
    if isMerge {
      stack[top].mergeKeyRange = key.range
      stack[top].pendingIsMerge = true
    }
    stack[top].pendingKey = key
    stack[top].weight += 1
  }

  /// The range of the explicit key `text` already read into the mapping at `frame`, if any.
  /// With a key table, the key's hash is kept for `appendEntry`.
  private mutating func existingKeyRange(_ text: String, in frame: Int) -> SourceRange? {
    if stack[frame].keyTable != nil {
      let hash = YAMLKeyTable.hash(text)
      stack[frame].pendingKeyHash = hash
      guard let found = stack[frame].keyTable?.find(text, hash: hash, in: entryPool) else { return nil }
      return entryPool[found].key.range
    }
    for position in stack[frame].base..<entryPool.count {
      let key = entryPool[position].key
      if UTF8Key.sameBytes(key.text, text) {
        return key.range
      }
    }
    return nil
  }

  private mutating func appendEntry(_ entry: consuming MappingEntry, to frame: Int) {
    let position = entryPool.count
    if stack[frame].keyTable != nil {
      let hash = stack[frame].pendingKeyHash
      stack[frame].keyTable?.insert(position: position, hash: hash)
      entryPool.append(entry)
      return
    }
    entryPool.append(entry)
    let base = stack[frame].base
    guard position - base >= Self.keyTableThreshold else { return }
    var keyTable = YAMLKeyTable()
    for existing in base..<entryPool.count {
      keyTable.insert(position: existing, hash: YAMLKeyTable.hash(entryPool[existing].key.text))
    }
    stack[frame].keyTable = keyTable
  }

  /// The entries of a finished mapping with its merge sources applied: explicit keys win over merged
  /// ones, and an earlier merge source wins over a later one (the YAML merge-key rules).
  private static func merge(
    _ entries: [MappingEntry], _ merges: [(position: Int, entries: [MappingEntry])]
  ) -> [MappingEntry] {
    var seen = Set<UTF8Key>(minimumCapacity: entries.count)
    for entry in entries {
      seen.insert(UTF8Key(text: entry.key.text))
    }
    var result: [MappingEntry] = []
    result.reserveCapacity(entries.count)
    var next = 0
    for position in 0...entries.count {
      while next < merges.count, merges[next].position == position {
        for merged in merges[next].entries where seen.insert(UTF8Key(text: merged.key.text)).inserted {
          result.append(merged)
        }
        next += 1
      }
      if position < entries.count {
        result.append(entries[position])
      }
    }
    return result
  }

  /// The entries a merge key's value brings in: a mapping, or a sequence of mappings in priority order.
  private static func mergeSources(_ value: borrowing Node) throws(ParseError) -> [[MappingEntry]] {
    switch value.content {
    case .mapping(let entries):
      return [entries]
    case .sequence(let items):
      var sources: [[MappingEntry]] = []
      sources.reserveCapacity(items.count)
      for item in items {
        guard let entries = item.entries else {
          throw ParseError("a merge key '<<' takes mappings, or a sequence of mappings", at: item.range)
        }
        sources.append(entries)
      }
      return sources
    case .scalar:
      throw ParseError("a merge key '<<' takes mappings, or a sequence of mappings", at: value.range)
    }
  }

  // MARK: - Conversions

  private mutating func range(_ event: yaml_event_t) -> SourceRange {
    let start = cursor.position(ofIndex: event.start_mark.index)
    let end = cursor.position(ofIndex: event.end_mark.index)
    return SourceRange(start: start, end: end)
  }

  /// The tag as libyaml resolved it; nil when absent or the non-specific `!`, which means no tag.
  private static func tag(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
    guard let pointer, pointer[0] != 0 else { return nil }
    if pointer[0] == UInt8(ascii: "!"), pointer[1] == 0 { return nil }
    return String(cString: pointer)
  }

  /// libyaml's error in plain words, where libyaml found it.
  private mutating func libyamlError(_ parser: yaml_parser_t) -> ParseError {
    let problem = parser.problem.map { String(cString: $0) } ?? "the YAML parser failed"
    switch parser.error {
    case YAML_READER_ERROR:
      // Reader errors (invalid UTF-8, control characters) carry a byte offset instead of a mark.
      if problem == "invalid trailing UTF-8 octet",
        let start = Self.sequenceStart(beforeTrailingByteAt: parser.problem_offset, in: text.bytes)
      {
        let lead = Self.hex(Int(text.bytes[start]), digits: 2)
        let next = Self.hex(Int(text.bytes[parser.problem_offset]), digits: 2)
        return ParseError(
          "invalid UTF-8: byte 0x\(lead) starts a multibyte sequence that byte 0x\(next) does not continue; "
            + "save the file as UTF-8", at: text.position(ofOffset: start))
      }
      var message = problem
      if parser.problem_value >= 0 {
        let isByte = problem.contains("octet")
        message += isByte
          ? " (byte 0x\(Self.hex(Int(parser.problem_value), digits: 2)))"
          : " (U+\(Self.hex(Int(parser.problem_value), digits: 4)))"
      }
      return ParseError(message, at: text.position(ofOffset: parser.problem_offset))
    case YAML_MEMORY_ERROR:
      return ParseError("out of memory while reading YAML", at: cursor.position(ofIndex: 0))
    default:
      // Marks count characters; the position has the byte offset.
      let position = cursor.position(ofIndex: parser.problem_mark.index)
      // libyaml's "found character that cannot start any token" does not say the character is a tab.
      if position.offset < text.bytes.count, text.bytes[position.offset] == UInt8(ascii: "\t") {
        let lineStart = text.lineStarts[position.line - 1]
        let indents = text.bytes[lineStart..<position.offset].allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
        return ParseError(indents ? "a tab cannot indent YAML; use spaces" : "a tab cannot stand here in YAML; use spaces", at: position)
      }
      let message = parser.context.map { "\(String(cString: $0)): \(problem)" } ?? problem
      return ParseError(message, at: position)
    }
  }

  /// libyaml reports a multibyte sequence cut short at the byte that fails to continue it; the
  /// sequence starts at the lead byte before it (the one a Latin-1 `é` is), which is where the user
  /// should look. Nil when the byte at `offset` does not end such a sequence.
  private static func sequenceStart(beforeTrailingByteAt offset: Int, in bytes: [UInt8]) -> Int? {
    guard offset > 0, offset < bytes.count, bytes[offset] & 0xC0 != 0x80 else { return nil }
    var start = offset - 1
    while start > 0, offset - start < 4, bytes[start] & 0xC0 == 0x80 { start -= 1 }
    return bytes[start] >= 0xC0 ? start : nil
  }

  private static func hex(_ value: Int, digits: Int) -> String {
    let text = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, digits - text.count)) + text
  }
}
