/// The byte-level JSON parser behind `JSONReader`: one forward pass over UTF-8 bytes that validates,
/// decodes and records positions as it goes.
///
/// Positions are tracked incrementally: the current line, the offset where it starts, and how many
/// UTF-8 continuation bytes lie between that start and the scan point. A column is then
/// `offset - lineStart - continuationBytes + 1` scalars, without rescanning the line. Multibyte
/// characters can only occur inside strings (anywhere else they are an error), and line breaks only
/// between tokens, so the two kinds of bookkeeping never meet.
struct JSONScanner: ~Copyable {
  private let base: UnsafePointer<UInt8>
  private let end: Int
  private let maxDepth: Int
  private var line = 1
  private var lineStart = 0
  private var continuationBytes = 0
  /// Reused across strings with escapes, so decoding them does not allocate each time.
  private var scratch: [UInt8] = []
  /// The entries of all open objects, innermost last (see `JSONFrame`).
  private let entryStack = ChildPool<MappingEntry>()
  /// The items of all open arrays, innermost last.
  private let itemStack = ChildPool<Node>()

  init(base: UnsafePointer<UInt8>, count: Int, maxDepth: Int) {
    self.base = base
    self.end = count
    self.maxDepth = maxDepth
  }

  // MARK: - Document

  /// Reads the one value of the document; nil when there is only whitespace.
  mutating func readDocument() throws(ParseError) -> Node? {
    var p = skipWhitespace(from: 0)
    if p == end { return nil }
    var stack: [JSONFrame] = []
    stack.reserveCapacity(min(max(maxDepth, 0), 64))

    nextValue: while true {
      // Here `p` is at the first byte of a value, or at the end inside an unclosed container.
      guard p < end else {
        if let frame = stack.last { throw unexpectedEnd(in: frame) }
        return nil
      }
      var value: Node
      let byte = base[p]
      switch byte {
      case UInt8(ascii: "{"), UInt8(ascii: "["):
        let open = position(p)
        guard stack.count < maxDepth else {
          throw ParseError(
            "nesting deeper than \(maxDepth) levels",
            at: SourceRange(start: open, end: position(p + 1)))
        }
        p = skipWhitespace(from: p + 1)
        if byte == UInt8(ascii: "{") {
          if p < end, base[p] == UInt8(ascii: "}") {
            p += 1
            value = Node(.mapping([]), range: SourceRange(start: open, end: position(p)))
          } else {
            var frame = JSONFrame(object: open, base: entryStack.count)
            p = try readKey(at: p, into: &frame, afterComma: nil)
            stack.append(frame)
            continue nextValue
          }
        } else {
          if p < end, base[p] == UInt8(ascii: "]") {
            p += 1
            value = Node(.sequence([]), range: SourceRange(start: open, end: position(p)))
          } else {
            stack.append(JSONFrame(array: open, base: itemStack.count))
            continue nextValue
          }
        }
      case UInt8(ascii: "\""):
        let string = try readString(at: p)
        value = Node(.scalar(Scalar(string.text, style: .quoted)), range: string.range)
        p = string.next
      case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
        let start = position(p)
        let next = try numberEnd(from: p)
        let text = String(decoding: UnsafeBufferPointer(start: base + p, count: next - p), as: UTF8.self)
        p = next
        value = Node(.scalar(Scalar(text, style: .plain)), range: SourceRange(start: start, end: position(p)))
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"):
        let start = position(p)
        let text = try readLiteral(at: p)
        p += text.utf8.count
        value = Node(.scalar(Scalar(text, style: .plain)), range: SourceRange(start: start, end: position(p)))
      default:
        try fail(unexpectedCharacter(at: p), at: p)
      }

      // Attach the finished value to its container; close containers as long as the input does.
      while true {
        p = skipWhitespace(from: p)
        let top = stack.count - 1
        guard top >= 0 else {
          if p < end { try fail("unexpected text after the JSON value", at: p) }
          return value
        }
        if stack[top].isObject {
          entryStack.append(MappingEntry(key: stack[top].pendingKey, value: consume value))
          stack[top].didAppendEntry(to: entryStack)
          guard p < end else { throw unexpectedEnd(in: stack[top]) }
          switch base[p] {
          case UInt8(ascii: ","):
            // Taken before the whitespace, which may move to another line.
            let comma = range(ofByteAt: p)
            p = skipWhitespace(from: p + 1)
            p = try readKey(at: p, into: &stack[top], afterComma: comma)
            continue nextValue
          case UInt8(ascii: "}"):
            p += 1
            let frame = stack.removeLast()
            let entries = entryStack.takeTail(from: frame.base)
            value = Node(.mapping(entries), range: SourceRange(start: frame.start, end: position(p)))
          default:
            try fail("expected ',' or '}' after an object entry", at: p)
          }
        } else {
          itemStack.append(consume value)
          guard p < end else { throw unexpectedEnd(in: stack[top]) }
          switch base[p] {
          case UInt8(ascii: ","):
            let comma = range(ofByteAt: p)
            p = skipWhitespace(from: p + 1)
            if p < end, base[p] == UInt8(ascii: "]") {
              throw ParseError("trailing comma before ']'", at: comma)
            }
            continue nextValue
          case UInt8(ascii: "]"):
            p += 1
            let frame = stack.removeLast()
            let items = itemStack.takeTail(from: frame.base)
            value = Node(.sequence(items), range: SourceRange(start: frame.start, end: position(p)))
          default:
            try fail("expected ',' or ']' after an array item", at: p)
          }
        }
      }
    }
  }

  /// Reads an object key, the colon after it and the whitespace before the value; returns the offset of
  /// the value. `comma` is the range of the comma before the key, if any.
  private mutating func readKey(
    at start: Int, into frame: inout JSONFrame, afterComma comma: SourceRange?
  ) throws(ParseError) -> Int {
    guard start < end else { throw unexpectedEnd(in: frame) }
    guard base[start] == UInt8(ascii: "\"") else {
      if let comma, base[start] == UInt8(ascii: "}") {
        throw ParseError("trailing comma before '}'", at: comma)
      }
      if base[start] == UInt8(ascii: "'") {
        try fail("expected a string key (JSON strings use double quotes)", at: start)
      }
      try fail("expected a string key", at: start)
    }
    let key = try readString(at: start)
    if let first = frame.existingKey(key.text, in: entryStack) {
      throw ParseError(
        "duplicate key '\(key.text)' (first defined at line \(first.range.start.line), "
          + "column \(first.range.start.column))",
        at: key.range)
    }
    var p = skipWhitespace(from: key.next)
    guard p < end else { throw unexpectedEnd(in: frame) }
    guard base[p] == UInt8(ascii: ":") else { try fail("expected ':' after the key", at: p) }
    p = skipWhitespace(from: p + 1)
    frame.pendingKey = MappingKey(text: key.text, range: key.range)
    return p
  }

  // MARK: - Strings

  /// Reads the string whose opening quote is at `quote`: its decoded text, its range including the
  /// quotes, and the offset just after the closing quote.
  private mutating func readString(
    at quote: Int
  ) throws(ParseError) -> (text: String, range: SourceRange, next: Int) {
    let start = position(quote)
    let contentStart = quote + 1
    var p = contentStart
    // Bytes from `runStart` to `p` are plain text not yet copied into `scratch`.
    var runStart = contentStart
    var hasEscapes = false
    while true {
      // Most string bytes need no attention: skip them eight at a time.
      while p &+ 8 <= end {
        let word = UnsafeRawPointer(base + p).loadUnaligned(as: UInt64.self)
        if Self.needsAttention(word) { break }
        p &+= 8
      }
      while p < end {
        let byte = base[p]
        if byte >= 0x20 && byte < 0x80 && byte != 0x22 && byte != 0x5C {
          p &+= 1
        } else {
          break
        }
      }
      guard p < end else { throw unterminatedString(openedAt: start) }
      let byte = base[p]
      if byte == UInt8(ascii: "\"") { break }
      if byte == UInt8(ascii: "\\") {
        if !hasEscapes {
          hasEscapes = true
          scratch.removeAll(keepingCapacity: true)
        }
        scratch.append(contentsOf: UnsafeBufferPointer(start: base + runStart, count: p - runStart))
        p = try readEscape(at: p, stringStart: start)
        runStart = p
      } else if byte >= 0x80 {
        let length = try utf8Length(at: p)
        continuationBytes += length - 1
        p += length
      } else if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
        throw ParseError(
          "line break in a string (a closing quote is missing, or the break must be written as \\n)",
          at: position(p))
      } else {
        throw ParseError(
          "control character \(Self.codePoint(UInt32(byte))) in a string must be escaped", at: position(p))
      }
    }
    let text: String
    if hasEscapes {
      scratch.append(contentsOf: UnsafeBufferPointer(start: base + runStart, count: p - runStart))
      text = String(decoding: scratch, as: UTF8.self)
    } else {
      let content = UnsafeBufferPointer(start: base + contentStart, count: p - contentStart)
      text = String(decoding: content, as: UTF8.self)
    }
    p += 1
    return (text, SourceRange(start: start, end: position(p)), p)
  }

  /// Whether any of eight bytes is a quote, a backslash, a control character or non-ASCII.
  ///
  /// Classic SWAR: subtracting from each byte borrows into its high bit exactly when the byte was below
  /// the subtrahend (0x20 for control characters, 1 after XOR for quote and backslash). Bytes with the
  /// high bit already set are flagged anyway, so the usual `& ~word` correction is unnecessary.
  @inline(__always)
  private static func needsAttention(_ word: UInt64) -> Bool {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let control = word &- 0x2020_2020_2020_2020
    let quote = (word ^ 0x2222_2222_2222_2222) &- ones
    let backslash = (word ^ 0x5C5C_5C5C_5C5C_5C5C) &- ones
    return (control | quote | backslash | word) & 0x8080_8080_8080_8080 != 0
  }

  /// Decodes the escape whose backslash is at `backslash` into `scratch`; returns the offset after it.
  private mutating func readEscape(at backslash: Int, stringStart: SourcePosition) throws(ParseError) -> Int {
    let p = backslash + 1
    guard p < end else { throw unterminatedString(openedAt: stringStart) }
    let decoded: UInt8
    switch base[p] {
    case UInt8(ascii: "\""): decoded = 0x22
    case UInt8(ascii: "\\"): decoded = 0x5C
    case UInt8(ascii: "/"): decoded = 0x2F
    case UInt8(ascii: "b"): decoded = 0x08
    case UInt8(ascii: "f"): decoded = 0x0C
    case UInt8(ascii: "n"): decoded = 0x0A
    case UInt8(ascii: "r"): decoded = 0x0D
    case UInt8(ascii: "t"): decoded = 0x09
    case UInt8(ascii: "u"):
      return try readUnicodeEscape(at: backslash)
    case let byte:
      if byte >= 0x80 { _ = try utf8Length(at: p) }
      if byte > 0x20 && byte < 0x7F {
        throw ParseError("invalid escape '\\\(Character(Unicode.Scalar(byte)))'", at: position(backslash))
      }
      throw ParseError(
        "invalid escape: '\\' followed by \(Self.codePoint(scalarValue(at: p)))", at: position(backslash))
    }
    scratch.append(decoded)
    return p + 1
  }

  /// Decodes `\uXXXX`, or a surrogate pair of two, at `backslash`; returns the offset after it.
  private mutating func readUnicodeEscape(at backslash: Int) throws(ParseError) -> Int {
    guard let unit = hex4(at: backslash + 2) else {
      throw ParseError("invalid escape: '\\u' must be followed by four hex digits", at: position(backslash))
    }
    var scalar = unit
    var next = backslash + 6
    if unit >= 0xDC00 && unit <= 0xDFFF {
      throw ParseError(
        "lone surrogate escape '\(escapeText(at: backslash))' (a low surrogate must follow a high surrogate)",
        at: position(backslash))
    }
    if unit >= 0xD800 && unit <= 0xDBFF {
      guard next + 1 < end, base[next] == UInt8(ascii: "\\"), base[next + 1] == UInt8(ascii: "u"),
        let low = hex4(at: next + 2), low >= 0xDC00, low <= 0xDFFF
      else {
        throw ParseError(
          "lone surrogate escape '\(escapeText(at: backslash))' "
            + "(a high surrogate must be followed by a low surrogate escape)",
          at: position(backslash))
      }
      scalar = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
      next += 6
    }
    appendUTF8(scalar)
    return next
  }

  /// The value of four hex digits at `p`; nil when they are not all there.
  private func hex4(at p: Int) -> UInt32? {
    guard p + 4 <= end else { return nil }
    var value: UInt32 = 0
    for index in p..<(p + 4) {
      let byte = base[index]
      let digit: UInt8
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
      case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
      case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
      default: return nil
      }
      value = value << 4 | UInt32(digit)
    }
    return value
  }

  /// The six bytes of a `\uXXXX` escape as written (already known to be ASCII).
  private func escapeText(at backslash: Int) -> String {
    let escape = UnsafeBufferPointer(start: base + backslash, count: min(6, end - backslash))
    return String(decoding: escape, as: UTF8.self)
  }

  /// Appends a scalar (never a surrogate: callers pair or reject them) to `scratch` as UTF-8.
  private mutating func appendUTF8(_ scalar: UInt32) {
    switch scalar {
    case 0..<0x80:
      scratch.append(UInt8(truncatingIfNeeded: scalar))
    case 0x80..<0x800:
      scratch.append(UInt8(truncatingIfNeeded: 0xC0 | scalar >> 6))
      scratch.append(UInt8(truncatingIfNeeded: 0x80 | scalar & 0x3F))
    case 0x800..<0x10000:
      scratch.append(UInt8(truncatingIfNeeded: 0xE0 | scalar >> 12))
      scratch.append(UInt8(truncatingIfNeeded: 0x80 | scalar >> 6 & 0x3F))
      scratch.append(UInt8(truncatingIfNeeded: 0x80 | scalar & 0x3F))
    default:
      scratch.append(UInt8(truncatingIfNeeded: 0xF0 | scalar >> 18))
      scratch.append(UInt8(truncatingIfNeeded: 0x80 | scalar >> 12 & 0x3F))
      scratch.append(UInt8(truncatingIfNeeded: 0x80 | scalar >> 6 & 0x3F))
      scratch.append(UInt8(truncatingIfNeeded: 0x80 | scalar & 0x3F))
    }
  }

  // MARK: - UTF-8

  /// The length of the valid UTF-8 sequence starting at `p` (a byte >= 0x80); throws when the sequence
  /// is invalid: a stray or impossible byte, an overlong form, an encoded surrogate, a value past
  /// U+10FFFF, or a sequence cut short.
  private func utf8Length(at p: Int) throws(ParseError) -> Int {
    let lead = base[p]
    let length: Int
    // The allowed range of the second byte; narrower than 0x80...0xBF after some lead bytes.
    var low: UInt8 = 0x80
    var high: UInt8 = 0xBF
    switch lead {
    case 0xC2...0xDF: length = 2
    case 0xE0: length = 3; low = 0xA0
    case 0xE1...0xEC, 0xEE, 0xEF: length = 3
    case 0xED: length = 3; high = 0x9F
    case 0xF0: length = 4; low = 0x90
    case 0xF1...0xF3: length = 4
    case 0xF4: length = 4; high = 0x8F
    default:
      throw ParseError("invalid UTF-8 byte \(Self.hexByte(lead))", at: position(p))
    }
    for index in (p + 1)..<(p + length) {
      guard index < end, base[index] & 0xC0 == 0x80 else {
        throw ParseError(
          "invalid UTF-8: incomplete sequence starting with byte \(Self.hexByte(lead))", at: position(p))
      }
    }
    let second = base[p + 1]
    if second < low || second > high {
      let bytes = "\(Self.hexByte(lead)) \(Self.hexByte(second))"
      let reason: String
      switch lead {
      case 0xED: reason = "encoded surrogate \(bytes)"
      case 0xF4: reason = "\(bytes) encodes a value above U+10FFFF"
      default: reason = "overlong encoding \(bytes)"
      }
      throw ParseError("invalid UTF-8: \(reason)", at: position(p))
    }
    return length
  }

  /// The scalar at `p`, which is ASCII or starts a sequence `utf8Length(at:)` accepted.
  private func scalarValue(at p: Int) -> UInt32 {
    let lead = UInt32(base[p])
    func continuation(_ k: Int) -> UInt32 { UInt32(base[p + k] & 0x3F) }
    switch lead {
    case 0..<0x80: return lead
    case 0xC0..<0xE0: return (lead & 0x1F) << 6 | continuation(1)
    case 0xE0..<0xF0: return (lead & 0x0F) << 12 | continuation(1) << 6 | continuation(2)
    default: return (lead & 0x07) << 18 | continuation(1) << 12 | continuation(2) << 6 | continuation(3)
    }
  }

  // MARK: - Numbers and literals

  /// The offset just after the number starting at `start`, checked against the JSON grammar
  /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
  private func numberEnd(from start: Int) throws(ParseError) -> Int {
    var p = start
    if base[p] == UInt8(ascii: "-") { p += 1 }
    guard p < end, Self.isDigit(base[p]) else {
      try fail("expected a digit after '-'", at: p)
    }
    if base[p] == UInt8(ascii: "0") {
      p += 1
      if p < end, Self.isDigit(base[p]) {
        throw ParseError("leading zeros are not allowed in numbers", at: position(p - 1))
      }
    } else {
      p = digitsEnd(from: p)
    }
    if p < end, base[p] == UInt8(ascii: ".") {
      p += 1
      guard p < end, Self.isDigit(base[p]) else {
        try fail("expected a digit after the decimal point", at: p)
      }
      p = digitsEnd(from: p)
    }
    if p < end, base[p] == UInt8(ascii: "e") || base[p] == UInt8(ascii: "E") {
      p += 1
      if p < end, base[p] == UInt8(ascii: "+") || base[p] == UInt8(ascii: "-") { p += 1 }
      guard p < end, Self.isDigit(base[p]) else { try fail("expected a digit in the exponent", at: p) }
      p = digitsEnd(from: p)
    }
    return p
  }

  private func digitsEnd(from start: Int) -> Int {
    var p = start
    while p < end, Self.isDigit(base[p]) { p += 1 }
    return p
  }

  @inline(__always)
  private static func isDigit(_ byte: UInt8) -> Bool {
    byte &- UInt8(ascii: "0") < 10
  }

  /// Reads `true`, `false` or `null` at `start`; any other word is an error.
  private func readLiteral(at start: Int) throws(ParseError) -> String {
    var p = start
    while p < end, Self.isWordByte(base[p]) { p += 1 }
    let word = UnsafeBufferPointer(start: base + start, count: p - start)
    // StaticStrings, compared in place: a literal costs no allocation.
    if Self.word(word, is: "true") { return "true" }
    if Self.word(word, is: "false") { return "false" }
    if Self.word(word, is: "null") { return "null" }
    let shown = String(decoding: word.prefix(40), as: UTF8.self) + (word.count > 40 ? "…" : "")
    throw ParseError("unexpected word '\(shown)'", at: position(start))
  }

  @inline(__always)
  private static func word(_ word: UnsafeBufferPointer<UInt8>, is literal: StaticString) -> Bool {
    guard word.count == literal.utf8CodeUnitCount else { return false }
    let expected = literal.utf8Start
    for index in 0..<word.count where word[index] != expected[index] {
      return false
    }
    return true
  }

  private static func isWordByte(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
      UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"):
      return true
    default:
      return false
    }
  }

  // MARK: - Whitespace and positions

  /// Skips JSON whitespace from `start`, counting line breaks (CRLF as one, a lone CR as one, as
  /// `SourceText.lineStarts` does); returns the offset of the next other byte or the end.
  @inline(__always)
  private mutating func skipWhitespace(from start: Int) -> Int {
    var p = start
    while p < end {
      let byte = base[p]
      if byte > 0x20 { break }
      if byte == 0x20 || byte == 0x09 {
        p += 1
      } else if byte == 0x0A {
        p += 1
        startLine(at: p)
      } else if byte == 0x0D {
        p += 1
        if p < end, base[p] == 0x0A { p += 1 }
        startLine(at: p)
      } else {
        break
      }
    }
    return p
  }

  @inline(__always)
  private mutating func startLine(at offset: Int) {
    line += 1
    lineStart = offset
    continuationBytes = 0
  }

  /// The position of `offset` on the current line; every multibyte character before it on the line
  /// must already be counted.
  @inline(__always)
  private func position(_ offset: Int) -> SourcePosition {
    SourcePosition(line: line, column: offset - lineStart - continuationBytes + 1, offset: offset)
  }

  /// The range of the one ASCII byte at `offset`.
  private func range(ofByteAt offset: Int) -> SourceRange {
    SourceRange(start: position(offset), end: position(offset + 1))
  }

  // MARK: - Errors

  /// Throws `message` at `offset`, unless the byte there is a better explanation: invalid UTF-8, or a
  /// comment, which people often try in JSON.
  private func fail(_ message: String, at offset: Int) throws(ParseError) -> Never {
    if offset < end {
      let byte = base[offset]
      if byte >= 0x80 { _ = try utf8Length(at: offset) }
      if byte == UInt8(ascii: "/"), offset + 1 < end,
        base[offset + 1] == UInt8(ascii: "/") || base[offset + 1] == UInt8(ascii: "*")
      {
        throw ParseError("comments are not allowed in JSON", at: position(offset))
      }
    }
    throw ParseError(message, at: position(offset))
  }

  /// "unexpected character 'x'" for the byte at `offset` (a UTF-8 error when it is invalid UTF-8).
  private func unexpectedCharacter(at offset: Int) throws(ParseError) -> String {
    let byte = base[offset]
    if byte == UInt8(ascii: "'") {
      return "unexpected character \"'\" (JSON strings use double quotes)"
    }
    if byte > 0x20 && byte < 0x7F {
      return "unexpected character '\(Character(Unicode.Scalar(byte)))'"
    }
    if byte >= 0x80 { _ = try utf8Length(at: offset) }
    return "unexpected character \(Self.codePoint(scalarValue(at: offset)))"
  }

  private func unexpectedEnd(in frame: JSONFrame) -> ParseError {
    let kind = frame.isObject ? "an object" : "an array"
    return ParseError(
      "unexpected end of file (\(kind) opened at line \(frame.start.line), "
        + "column \(frame.start.column) is not closed)",
      at: position(end))
  }

  private func unterminatedString(openedAt start: SourcePosition) -> ParseError {
    ParseError(
      "unterminated string (a string opened at line \(start.line), column \(start.column) is not closed)",
      at: position(end))
  }

  private static func hexByte(_ byte: UInt8) -> String {
    let digits = String(byte, radix: 16, uppercase: true)
    return "0x" + (byte < 0x10 ? "0" : "") + digits
  }

  private static func codePoint(_ scalar: UInt32) -> String {
    let digits = String(scalar, radix: 16, uppercase: true)
    return "U+" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
  }
}
