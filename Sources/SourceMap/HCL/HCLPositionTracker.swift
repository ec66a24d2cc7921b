/// Turns byte offsets into positions. The parser asks for offsets almost always in increasing order,
/// so each answer continues from the previous one; an earlier offset starts again from its line.
struct HCLPositionTracker {
  private let bytes: [UInt8]
  private let lineStarts: [Int]
  private var last = SourcePosition.start

  init(text: SourceText) {
    self.bytes = text.bytes
    self.lineStarts = text.lineStarts
  }

  mutating func position(_ offset: Int) -> SourcePosition {
    let target = min(max(offset, 0), bytes.count)
    var line: Int
    var column: Int
    var index: Int
    if target >= last.offset {
      (line, column, index) = (last.line, last.column, last.offset)
    } else {
      var low = 0
      var high = lineStarts.count - 1
      while low < high {
        let middle = (low + high + 1) / 2
        if lineStarts[middle] <= target { low = middle } else { high = middle - 1 }
      }
      (line, column, index) = (low + 1, 1, lineStarts[low])
    }
    while index < target {
      let byte = bytes[index]
      if byte == UInt8(ascii: "\n") {
        line += 1
        column = 1
      } else if byte == UInt8(ascii: "\r"), index + 1 >= bytes.count || bytes[index + 1] != UInt8(ascii: "\n") {
        line += 1
        column = 1
      } else if byte & 0xC0 != 0x80 {
        column += 1
      }
      index += 1
    }
    last = SourcePosition(line: line, column: column, offset: target)
    return last
  }
}
