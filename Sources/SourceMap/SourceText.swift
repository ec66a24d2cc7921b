/// The text of one file as UTF-8 bytes, with the line table that turns offsets into lines, excerpts
/// and UTF-16 columns.
///
/// A UTF-8 byte-order mark is dropped; a UTF-16 file with a byte-order mark (what PowerShell's `>`
/// writes) is transcoded to UTF-8, so every reader sees UTF-8 and positions count characters. UTF-16
/// without a byte-order mark is refused with a message that names it: other tools (and the AWS CLI)
/// read such a file as garbage, so reading it here would pass a file that fails at deploy.
public struct SourceText: Sendable {
  public let bytes: [UInt8]
  /// The byte offset at which each line starts; line N starts at `lineStarts[N - 1]`.
  public let lineStarts: [Int]
  /// Whether every byte is ASCII, so that a character index, a byte offset and a UTF-16 offset agree.
  public let isASCII: Bool

  /// How many bytes a UTF-8 byte-order mark takes at the start of `bytes` (3 or 0): positions in a
  /// decoded text count from after it, while an editor's text and a file on disk still hold it.
  public static func byteOrderMarkLength(of bytes: [UInt8]) -> Int {
    bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
  }

  /// Decodes raw file bytes. Throws when a UTF-16 file holds an unpaired surrogate or an odd number of
  /// bytes, and for UTF-16 without a byte-order mark.
  public init(decoding raw: [UInt8]) throws(ParseError) {
    if Self.byteOrderMarkLength(of: raw) > 0 {
      self.init(utf8: Array(raw.dropFirst(3)))
    } else if raw.starts(with: [0xFF, 0xFE]) || raw.starts(with: [0xFE, 0xFF]) {
      let bigEndian = raw[0] == 0xFE
      self.init(utf8: try Self.transcodeUTF16(raw.dropFirst(2), bigEndian: bigEndian))
    } else if let bigEndian = Self.unmarkedUTF16(raw) {
      let order = bigEndian ? "big-endian" : "little-endian"
      throw ParseError(
        "the file is UTF-16 (\(order)) without a byte-order mark; save it as UTF-8", at: .start)
    } else {
      self.init(utf8: raw)
    }
  }

  /// The bytes of a file as UTF-8 for a search of its content, whether or not it decodes: UTF-16, with
  /// or without a byte-order mark, is transcoded with U+FFFD for what is not valid; anything else is
  /// returned as it is. Tells whether a file that cannot be read was meant to be a template.
  public static func searchableBytes(of raw: [UInt8]) -> [UInt8] {
    let bigEndian: Bool
    let body: ArraySlice<UInt8>
    if raw.starts(with: [0xFF, 0xFE]) || raw.starts(with: [0xFE, 0xFF]) {
      bigEndian = raw[0] == 0xFE
      body = raw.dropFirst(2)
    } else if let unmarked = unmarkedUTF16(raw) {
      bigEndian = unmarked
      body = raw[...]
    } else {
      return raw
    }
    var utf8: [UInt8] = []
    utf8.reserveCapacity(body.count)
    _ = transcode(units(of: body, bigEndian: bigEndian).makeIterator(), from: UTF16.self, to: UTF8.self, stoppingOnError: false) {
      utf8.append($0)
    }
    return utf8
  }

  /// Whether bytes without a byte-order mark are UTF-16, and then whether big-endian: the first
  /// character is ASCII with its zero byte on one side, and so are most of the first 512 characters.
  /// A text file in UTF-8 has no zero bytes, so a real one never looks like this.
  static func unmarkedUTF16(_ raw: [UInt8]) -> Bool? {
    guard raw.count >= 2 else { return nil }
    let bigEndian: Bool
    switch (raw[0], raw[1]) {
    case (1..., 0) where raw[0] < 0x80: bigEndian = false
    case (0, 1...) where raw[1] < 0x80: bigEndian = true
    default: return nil
    }
    let pairs = min(raw.count / 2, 512)
    var ascii = 0
    for pair in 0..<pairs {
      let (high, low) = bigEndian ? (raw[2 * pair], raw[2 * pair + 1]) : (raw[2 * pair + 1], raw[2 * pair])
      if high == 0 && low != 0 && low < 0x80 { ascii += 1 }
    }
    return ascii * 4 >= pairs * 3 ? bigEndian : nil
  }

  /// Text that is already UTF-8 without a byte-order mark.
  public init(utf8 bytes: [UInt8]) {
    self.bytes = bytes
    (self.lineStarts, self.isASCII) = Self.scanLines(of: bytes)
  }

  public init(_ string: String) {
    self.init(utf8: Array(string.utf8))
  }

  public var lineCount: Int { lineStarts.count }

  /// The bytes of a 1-based line, without its line break; empty past the end.
  public func lineBytes(_ line: Int) -> ArraySlice<UInt8> {
    guard line >= 1, line <= lineStarts.count else { return [] }
    let start = lineStarts[line - 1]
    var end = line < lineStarts.count ? lineStarts[line] : bytes.count
    while end > start, bytes[end - 1] == UInt8(ascii: "\n") || bytes[end - 1] == UInt8(ascii: "\r") {
      end -= 1
    }
    return bytes[start..<end]
  }

  /// A 1-based line as a string (invalid UTF-8 repaired), without its line break.
  public func lineText(_ line: Int) -> String {
    String(decoding: lineBytes(line), as: UTF8.self)
  }

  /// The 1-based column of a position counted in UTF-16 code units, as SARIF's default and LSP's
  /// default encoding count it.
  public func utf16Column(of position: SourcePosition) -> Int {
    guard position.line >= 1, position.line <= lineStarts.count else { return position.column }
    let start = lineStarts[position.line - 1]
    let end = min(max(position.offset, start), bytes.count)
    let prefix = String(decoding: bytes[start..<end], as: UTF8.self)
    return prefix.utf16.count + 1
  }

  /// The UTF-16 columns of many positions, in the order given. Positions on one line are counted in
  /// one pass along it, so the work is linear in the text however many positions share a line (a
  /// minified Terraform plan is one line of megabytes).
  public func utf16Columns(of positions: [SourcePosition]) -> [Int] {
    var columns = [Int](repeating: 0, count: positions.count)
    let order = positions.indices.sorted { (positions[$0].line, positions[$0].offset) < (positions[$1].line, positions[$1].offset) }
    var line = 0
    var cursor = 0
    var column = 1
    for index in order {
      let position = positions[index]
      guard position.line >= 1, position.line <= lineStarts.count else {
        columns[index] = position.column
        continue
      }
      let start = lineStarts[position.line - 1]
      let target = min(max(position.offset, start), bytes.count)
      if position.line != line {
        line = position.line
        cursor = start
        column = 1
      }
      column += String(decoding: bytes[cursor..<target], as: UTF8.self).utf16.count
      cursor = target
      columns[index] = column
    }
    return columns
  }

  /// The position of a byte offset, counting characters for the column.
  public func position(ofOffset offset: Int) -> SourcePosition {
    let clamped = min(max(offset, 0), bytes.count)
    var low = 0
    var high = lineStarts.count - 1
    while low < high {
      let middle = (low + high + 1) / 2
      if lineStarts[middle] <= clamped { low = middle } else { high = middle - 1 }
    }
    var column = 1
    var index = lineStarts[low]
    while index < clamped {
      if bytes[index] & 0xC0 != 0x80 { column += 1 }
      index += 1
    }
    return SourcePosition(line: low + 1, column: column, offset: clamped)
  }

  /// The line table and whether the text is ASCII, in one pass that reads eight bytes at a time and
  /// finds the line feeds in a word from its bits: this runs over every byte of every file.
  private static func scanLines(of bytes: [UInt8]) -> (lineStarts: [Int], isASCII: Bool) {
    var starts = [0]
    var highBits: UInt64 = 0
    let count = bytes.count
    bytes.withUnsafeBufferPointer { buffer in
      guard let base = buffer.baseAddress else { return }
      // A large file's table is sized once, from a count of its line-break bytes (an upper bound): grown
      // by doubling it could take twice the memory. A small file's is guessed, saving that pass.
      starts.reserveCapacity(count > 1 << 20 ? Self.lineBreakBytes(base, count) + 1 : count / 32 + 1)
      var index = 0
      while index &+ 8 <= count {
        let word = ByteScan.word(base, at: index)
        highBits |= word
        if ByteScan.bytesEqual(word, to: UInt8(ascii: "\r")) != 0 {
          // Carriage returns are rare (CRLF and old Mac files): look at each byte of this word.
          for offset in index..<index &+ 8 where Self.endsLine(base, count, at: offset) {
            starts.append(offset &+ 1)
          }
        } else {
          var feeds = ByteScan.bytesEqual(word, to: UInt8(ascii: "\n"))
          while feeds != 0 {
            starts.append(index &+ feeds.trailingZeroBitCount &>> 3 &+ 1)
            feeds &= feeds &- 1
          }
        }
        index &+= 8
      }
      while index < count {
        highBits |= UInt64(base[index])
        if Self.endsLine(base, count, at: index) { starts.append(index + 1) }
        index += 1
      }
    }
    return (starts, highBits & 0x8080_8080_8080_8080 == 0)
  }

  /// How many bytes are LF or CR.
  private static func lineBreakBytes(_ base: UnsafePointer<UInt8>, _ count: Int) -> Int {
    var total = 0
    var index = 0
    while index &+ 8 <= count {
      let word = ByteScan.word(base, at: index)
      total &+= (ByteScan.bytesEqual(word, to: UInt8(ascii: "\n")) | ByteScan.bytesEqual(word, to: UInt8(ascii: "\r"))).nonzeroBitCount
      index &+= 8
    }
    while index < count {
      if base[index] == UInt8(ascii: "\n") || base[index] == UInt8(ascii: "\r") { total += 1 }
      index += 1
    }
    return total
  }

  /// Whether the byte at `index` ends a line: LF, or CR not followed by LF.
  @inline(__always)
  private static func endsLine(_ base: UnsafePointer<UInt8>, _ count: Int, at index: Int) -> Bool {
    let byte = base[index]
    if byte == UInt8(ascii: "\n") { return true }
    return byte == UInt8(ascii: "\r") && (index + 1 >= count || base[index + 1] != UInt8(ascii: "\n"))
  }

  private static func transcodeUTF16(_ raw: ArraySlice<UInt8>, bigEndian: Bool) throws(ParseError) -> [UInt8] {
    guard raw.count % 2 == 0 else {
      throw ParseError("UTF-16 file has an odd number of bytes", at: .start)
    }
    let units = units(of: raw, bigEndian: bigEndian)
    var utf8: [UInt8] = []
    utf8.reserveCapacity(units.count)
    let failed = transcode(units.makeIterator(), from: UTF16.self, to: UTF8.self, stoppingOnError: true) {
      utf8.append($0)
    }
    if failed {
      let text = SourceText(utf8: utf8)
      throw ParseError("invalid UTF-16: unpaired surrogate", at: text.position(ofOffset: utf8.count))
    }
    return utf8
  }

  /// UTF-16 code units from bytes; a last odd byte is dropped.
  private static func units(of raw: ArraySlice<UInt8>, bigEndian: Bool) -> [UInt16] {
    var units: [UInt16] = []
    units.reserveCapacity(raw.count / 2)
    var index = raw.startIndex
    while index + 1 < raw.endIndex {
      let first = UInt16(raw[index])
      let second = UInt16(raw[index + 1])
      units.append(bigEndian ? first << 8 | second : second << 8 | first)
      index += 2
    }
    return units
  }
}
