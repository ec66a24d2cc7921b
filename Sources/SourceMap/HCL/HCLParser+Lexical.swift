/// Bytes, trivia, identifiers, positions and messages.
extension HCLParser {
  func peek(_ ahead: Int = 0) -> UInt8 {
    p + ahead < bytes.count ? bytes[p + ahead] : 0
  }

  func text(_ start: Int, _ end: Int) -> String {
    String(decoding: bytes[start..<end], as: UTF8.self)
  }

  mutating func range(_ start: Int, _ end: Int) -> SourceRange {
    SourceRange(start: tracker.position(start), end: tracker.position(end))
  }

  mutating func error(_ message: String, at offset: Int) -> ParseError {
    ParseError(message, at: tracker.position(offset))
  }

  /// "line 3, column 5", for messages that point back at an opening.
  mutating func place(_ offset: Int) -> String {
    let position = tracker.position(offset)
    return "line \(position.line), column \(position.column)"
  }

  /// What stands at `offset`, in words, for "expected …, found …".
  func found(_ offset: Int) -> String {
    guard offset < bytes.count else { return "the end of the file" }
    let byte = bytes[offset]
    if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") { return "a line break" }
    if let end = identifierEnd(at: offset) {
      let word = text(offset, min(end, offset + 40))
      return "'\(word)'"
    }
    let (scalar, _) = scalar(at: offset)
    if scalar.value < 0x20 || scalar.value == 0x7F {
      let hex = String(scalar.value, radix: 16, uppercase: true)
      return "the control character U+\(String(repeating: "0", count: max(0, 4 - hex.count)))\(hex)"
    }
    return "'\(Character(scalar))'"
  }

  // MARK: - Trivia

  /// Skips spaces, tabs and comments, and line breaks where they are only space.
  mutating func skip() throws(ParseError) {
    try skipTrivia(newlines: newlinesAreSpace)
  }

  /// Skips spaces, tabs and comments, and line breaks when `newlines` is set. A line comment stops
  /// before its line break, which still ends what came before it.
  mutating func skipTrivia(newlines: Bool) throws(ParseError) {
    while p < bytes.count {
      switch bytes[p] {
      case UInt8(ascii: " "), UInt8(ascii: "\t"):
        p += 1
      case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
        guard newlines else { return }
        p += 1
      case UInt8(ascii: "#"):
        lineComment(style: .hash)
      case UInt8(ascii: "/") where peek(1) == UInt8(ascii: "/"):
        lineComment(style: .doubleSlash)
      case UInt8(ascii: "/") where peek(1) == UInt8(ascii: "*"):
        try blockComment()
      default:
        return
      }
    }
  }

  private mutating func lineComment(style: HCLComment.Style) {
    let start = p
    while p < bytes.count, bytes[p] != UInt8(ascii: "\n"), bytes[p] != UInt8(ascii: "\r") { p += 1 }
    record(style, start)
  }

  private mutating func blockComment() throws(ParseError) {
    let start = p
    p += 2
    while p < bytes.count {
      if bytes[p] == UInt8(ascii: "*"), peek(1) == UInt8(ascii: "/") {
        p += 2
        record(.block, start)
        return
      }
      p += 1
    }
    throw error("the comment opened with '/*' here is not closed: '*/' is missing", at: start)
  }

  private mutating func record(_ style: HCLComment.Style, _ start: Int) {
    guard start >= commentsEnd else { return }
    comments.append(HCLComment(style: style, text: text(start, p), range: range(start, p)))
    commentsEnd = p
  }

  // MARK: - Identifiers and keywords

  /// The end of the identifier that starts at `offset`; nil when none starts there. An identifier is
  /// a Unicode ID_Start character (or `_`) followed by ID_Continue characters and dashes.
  func identifierEnd(at offset: Int) -> Int? {
    guard offset < bytes.count else { return nil }
    let (first, firstLength) = scalar(at: offset)
    guard first == "_" || isIdentifierStart(first) else { return nil }
    var index = offset + firstLength
    while index < bytes.count {
      let byte = bytes[index]
      if byte < 0x80 {
        guard Self.isASCIIIdentifierContinue(byte) else { break }
        index += 1
      } else {
        let (next, length) = scalar(at: index)
        guard next.properties.isIDContinue else { break }
        index += length
      }
    }
    return index
  }

  /// Whether the identifier `word` stands at `p` (not merely a longer word starting with it).
  func atKeyword(_ word: StaticString) -> Bool {
    guard let end = identifierEnd(at: p), end - p == word.utf8CodeUnitCount else { return false }
    let keyword = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
    return bytes[p..<end].elementsEqual(keyword)
  }

  private func isIdentifierStart(_ scalar: Unicode.Scalar) -> Bool {
    if scalar.isASCII {
      let value = scalar.value
      return (value >= 0x41 && value <= 0x5A) || (value >= 0x61 && value <= 0x7A)
    }
    return scalar.properties.isIDStart
  }

  private static func isASCIIIdentifierContinue(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
      UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "-"):
      return true
    default:
      return false
    }
  }

  static func isDigit(_ byte: UInt8) -> Bool {
    byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
  }

  /// The scalar at `offset` of text already checked to be valid UTF-8, and its length in bytes.
  func scalar(at offset: Int) -> (Unicode.Scalar, Int) {
    let lead = bytes[offset]
    if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
    let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
    var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
    for index in 1..<length where offset + index < bytes.count {
      value = value << 6 | UInt32(bytes[offset + index] & 0x3F)
    }
    return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
  }

  // MARK: - Encoding

  /// Refuses text that is not valid UTF-8, at the first bad byte.
  mutating func validateUTF8() throws(ParseError) {
    var index = 0
    let count = bytes.count
    while index < count {
      let lead = bytes[index]
      if lead < 0x80 {
        index += 1
        continue
      }
      let length: Int
      switch lead {
      case 0xC2...0xDF: length = 2
      case 0xE0...0xEF: length = 3
      case 0xF0...0xF4: length = 4
      default: throw error("invalid UTF-8 byte \(Self.hex(lead))", at: index)
      }
      guard index + length <= count else {
        throw error("invalid UTF-8: incomplete sequence starting with byte \(Self.hex(lead))", at: index)
      }
      var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
      for next in 1..<length {
        let byte = bytes[index + next]
        guard byte & 0xC0 == 0x80 else {
          throw error("invalid UTF-8: incomplete sequence starting with byte \(Self.hex(lead))", at: index)
        }
        value = value << 6 | UInt32(byte & 0x3F)
      }
      if (length == 3 && value < 0x800) || (length == 4 && value < 0x10000) {
        throw error("invalid UTF-8: overlong encoding", at: index)
      }
      if (0xD800...0xDFFF).contains(value) || value > 0x10FFFF {
        throw error("invalid UTF-8: encoded surrogate or out-of-range character", at: index)
      }
      index += length
    }
  }

  private static func hex(_ byte: UInt8) -> String {
    let digits = String(byte, radix: 16, uppercase: true)
    return "0x" + (digits.count == 1 ? "0" + digits : digits)
  }
}
