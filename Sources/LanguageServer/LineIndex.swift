/// Converts between byte offsets into a document's UTF-8 text and protocol positions, in either
/// encoding. Lines end at `\n`, `\r\n` or a lone `\r`, as the protocol and the linter both count them.
struct LineIndex {
  let bytes: [UInt8]
  /// The byte offset at which each 0-based line starts.
  let lineStarts: [Int]

  init(_ bytes: [UInt8]) {
    self.bytes = bytes
    var starts = [0]
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      if byte == UInt8(ascii: "\n") {
        starts.append(index + 1)
      } else if byte == UInt8(ascii: "\r"), index + 1 >= bytes.count || bytes[index + 1] != UInt8(ascii: "\n") {
        starts.append(index + 1)
      }
      index += 1
    }
    lineStarts = starts
  }

  /// The position of a byte offset.
  func position(of offset: Int, in encoding: PositionEncoding) -> Position {
    let offset = min(max(offset, 0), bytes.count)
    var low = 0
    var high = lineStarts.count - 1
    while low < high {
      let middle = (low + high + 1) / 2
      if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
    }
    let start = lineStarts[low]
    switch encoding {
    case .utf8:
      return Position(line: low, character: offset - start)
    case .utf16:
      var units = 0
      for index in start..<offset {
        let byte = bytes[index]
        // Count at each lead byte: four-byte sequences are surrogate pairs in UTF-16.
        if byte & 0xC0 != 0x80 { units += byte >= 0xF0 ? 2 : 1 }
      }
      return Position(line: low, character: units)
    }
  }

  func range(of offsets: Range<Int>, in encoding: PositionEncoding) -> LSPRange {
    LSPRange(start: position(of: offsets.lowerBound, in: encoding), end: position(of: offsets.upperBound, in: encoding))
  }

  /// The byte offset of a position. A line past the end means the end of the text; a character past
  /// the end of its line means the end of the line (before its break), as the protocol asks; a
  /// position inside a character (half a surrogate pair, or inside a UTF-8 sequence) means its start.
  func offset(of position: Position, in encoding: PositionEncoding) -> Int {
    guard position.line >= 0 else { return 0 }
    guard position.line < lineStarts.count else { return bytes.count }
    let start = lineStarts[position.line]
    var end = position.line + 1 < lineStarts.count ? lineStarts[position.line + 1] : bytes.count
    while end > start, bytes[end - 1] == UInt8(ascii: "\n") || bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
    var index = start
    var counted = 0
    while index < end {
      let byte = bytes[index]
      let length = byte < 0x80 ? 1 : byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
      let units = encoding == .utf8 ? length : (length == 4 ? 2 : 1)
      if counted + units > position.character { break }
      counted += units
      index = min(index + length, end)
    }
    return index
  }
}
