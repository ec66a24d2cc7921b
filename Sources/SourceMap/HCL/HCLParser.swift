/// The recursive-descent parser behind `HCLReader`, reading UTF-8 bytes directly (the lexical mode
/// changes inside templates, so there is no separate token stream).
///
/// Every parse function leaves `p` just after what it read, never after trailing spaces, so a node's
/// end is where its text ends. Any syntax error ends the whole read, so state such as
/// `newlinesAreSpace` is restored only on success.
struct HCLParser {
  let bytes: [UInt8]
  var p = 0
  var tracker: HCLPositionTracker
  let maxDepth: Int
  /// How many blocks, expressions and template directives are open; checked before each one is
  /// entered, so the call stack stays bounded.
  var depth = 0
  /// Whether a line break is only space here (inside parentheses, brackets, interpolations and `for`
  /// expressions) rather than the end of an attribute or object element.
  var newlinesAreSpace = false
  var comments: [HCLComment] = []
  /// Comments that start before this offset are already recorded; the parser sometimes looks past
  /// trivia and then steps back.
  var commentsEnd = 0

  init(text: SourceText, limits: ReaderLimits) throws(ParseError) {
    self.bytes = text.bytes
    self.tracker = HCLPositionTracker(text: text)
    self.maxDepth = limits.maxDepth
    try validateUTF8()
  }

  // MARK: - Entry points

  mutating func parseFile() throws(ParseError) -> HCLFile {
    let body = try parseBody(open: nil)
    return HCLFile(body: body, comments: comments)
  }

  mutating func parseStandaloneTemplate() throws(ParseError) -> HCLTemplate {
    let run = try parseTemplateParts(.standalone, stripLeading: false)
    if case .directive(let keyword, let offset, _) = run.end {
      throw error("'%{\(keyword)}' has no matching '%{if}' or '%{for}'", at: offset)
    }
    return HCLTemplate(parts: run.parts, isHeredoc: false)
  }

  mutating func parseStandaloneExpression() throws(ParseError) -> HCLExpression {
    newlinesAreSpace = true
    let expression = try parseExpression()
    try skip()
    guard p >= bytes.count else {
      throw error("expected the end of the value, found \(found(p))", at: p)
    }
    return expression
  }

  // MARK: - Bodies and blocks

  /// Attributes and blocks up to the `}` that closes the block opened at `open` (left for the caller),
  /// or to the end of the file at the top level.
  mutating func parseBody(open: Int?) throws(ParseError) -> HCLBody {
    let saved = newlinesAreSpace
    newlinesAreSpace = false
    let start = tracker.position(p)
    var attributes: [HCLAttribute] = []
    var blocks: [HCLBlock] = []
    var firstSet: [String: SourcePosition] = [:]
    while true {
      try skipTrivia(newlines: true)
      guard p < bytes.count else {
        if let open {
          throw error("the block opened at \(place(open)) is not closed: '}' is missing", at: p)
        }
        break
      }
      if bytes[p] == UInt8(ascii: "}") {
        guard open != nil else { throw error("unexpected '}': no block is open here", at: p) }
        break
      }
      guard let nameEnd = identifierEnd(at: p) else {
        throw error("expected an attribute name or a block type, found \(found(p))", at: p)
      }
      let name = text(p, nameEnd)
      let nameRange = range(p, nameEnd)
      p = nameEnd
      try skipTrivia(newlines: false)
      if peek() == UInt8(ascii: "="), peek(1) != UInt8(ascii: "=") {
        p += 1
        let value = try parseExpression()
        if let first = firstSet[name] {
          throw ParseError(
            "'\(name)' is set twice in this body (first at line \(first.line), column \(first.column))", at: nameRange)
        }
        firstSet[name] = nameRange.start
        attributes.append(HCLAttribute(
          name: name, nameRange: nameRange, value: value, range: SourceRange(start: nameRange.start, end: value.range.end)))
        try expectItemEnd(after: "the value of '\(name)'")
      } else {
        blocks.append(try parseBlock(type: name, typeRange: nameRange))
        try expectItemEnd(after: "the block '\(name)'")
      }
    }
    newlinesAreSpace = saved
    return HCLBody(attributes: attributes, blocks: blocks, range: SourceRange(start: start, end: tracker.position(p)))
  }

  /// After an attribute or a block: a line break, the end of the file, or the `}` of a one-line block.
  private mutating func expectItemEnd(after what: String) throws(ParseError) {
    try skipTrivia(newlines: false)
    guard p < bytes.count else { return }
    switch bytes[p] {
    case UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "}"): return
    default: throw error("expected a line break after \(what), found \(found(p))", at: p)
    }
  }

  /// The labels, body and closing brace of a block whose type was just read.
  private mutating func parseBlock(type: String, typeRange: SourceRange) throws(ParseError) -> HCLBlock {
    var labels: [HCLLabel] = []
    while true {
      try skipTrivia(newlines: false)
      guard p < bytes.count, bytes[p] != UInt8(ascii: "{") else { break }
      if bytes[p] == UInt8(ascii: "\"") {
        let label = try parseQuotedTemplate()
        guard let value = label.literalText else {
          throw ParseError("a block label must be a plain string, without '${' or '%{'", at: label.range)
        }
        labels.append(HCLLabel(value: value, range: label.range, isQuoted: true))
      } else if let end = identifierEnd(at: p) {
        labels.append(HCLLabel(value: text(p, end), range: range(p, end), isQuoted: false))
        p = end
      } else {
        break
      }
    }
    guard p < bytes.count, bytes[p] == UInt8(ascii: "{") else {
      if labels.isEmpty {
        throw error("expected '=' after the attribute name '\(type)', or '{' to open a block, found \(found(p))", at: p)
      }
      throw error("expected '{' to open the block '\(type)', found \(found(p))", at: p)
    }
    let open = p
    try enter(at: open)
    p += 1
    let body = try parseBody(open: open)
    p += 1
    depth -= 1
    let headerEnd = labels.last?.range.end ?? typeRange.end
    return HCLBlock(
      type: type, typeRange: typeRange, labels: labels, body: body,
      headerRange: SourceRange(start: typeRange.start, end: headerEnd),
      range: SourceRange(start: typeRange.start, end: tracker.position(p)))
  }

  // MARK: - Depth

  /// Enters one more level of nesting, or stops when that would pass the limit.
  mutating func enter(at offset: Int) throws(ParseError) {
    guard depth < maxDepth else { throw error("nesting deeper than \(maxDepth) levels", at: offset) }
    depth += 1
  }

  /// An expression node whose children nest `childDepth` levels, refused past the limit so that no
  /// tree (a chain of 100,000 `+`, say) is deeper than the limit.
  mutating func node(
    _ kind: HCLExpression.Kind, start: SourcePosition, end: SourcePosition, childDepth: Int
  ) throws(ParseError) -> HCLExpression {
    let depth = childDepth + 1
    guard depth <= maxDepth else {
      throw ParseError("nesting deeper than \(maxDepth) levels", at: SourceRange(start: start, end: end))
    }
    return HCLExpression(kind, range: SourceRange(start: start, end: end), depth: depth)
  }
}
