/// Turns libyaml marks into `SourcePosition`s.
///
/// libyaml 0.2.5 counts `mark.index` in characters (Unicode scalars; a CRLF counts 2), not bytes, so
/// the byte offset has to be recovered by walking the text. Events arrive in nearly increasing order,
/// so the cursor walks from wherever the last lookup left it, in either direction: reading a whole file
/// costs one pass over it, even when it is a single 10 MB line. Lines and columns are derived from the
/// same walk, with `SourceText`'s line breaks (LF, CR, CRLF), rather than taken from libyaml, which
/// also breaks lines at U+0085, U+2028 and U+2029: positions must agree with `SourceText.lineText`.
struct MarkCursor {
  private let bytes: UnsafeBufferPointer<UInt8>
  private let lineStarts: [Int]
  /// Where the cursor is: a byte offset and the character index libyaml would give it.
  private var byte = 0
  private var index = 0
  /// The 1-based line holding `byte`, and the byte offsets bounding it, cached for the hot loop.
  private var line = 1
  private var lineStart = 0
  private var nextLineStart: Int
  /// The character index at which each line starts, for the lines reached so far; going backwards
  /// across a line break needs it to count columns without rescanning the line.
  private var lineStartIndexes: [Int] = [0]

  init(bytes: UnsafeBufferPointer<UInt8>, lineStarts: [Int]) {
    self.bytes = bytes
    self.lineStarts = lineStarts
    self.nextLineStart = lineStarts.count > 1 ? lineStarts[1] : Int.max
  }

  /// The position of libyaml's character index `target`, clamped to the end of the text.
  mutating func position(ofIndex target: Int) -> SourcePosition {
    if index < target {
      forward(to: target)
    } else if index > target {
      backward(to: target)
    }
    return SourcePosition(line: line, column: index - lineStartIndexes[line - 1] + 1, offset: byte)
  }

  private mutating func forward(to target: Int) {
    // Locals keep the hot loop in registers; the cursor is written back once.
    var byte = self.byte
    var index = self.index
    let end = bytes.count
    while index < target, byte < end {
      let lead = bytes[byte]
      // The sequence length from its lead byte; libyaml has already rejected invalid UTF-8 before
      // any mark can point past it, and the clamp below keeps a truncated tail from overrunning.
      byte += lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
      index += 1
      if byte >= nextLineStart {
        byte = min(byte, end)
        enterLines(reaching: byte, index: index)
      }
    }
    self.byte = min(byte, end)
    self.index = index
  }

  /// Moves `line` down to the line holding `byte`, recording where each new line starts.
  private mutating func enterLines(reaching byte: Int, index: Int) {
    while byte >= nextLineStart {
      line += 1
      lineStart = nextLineStart
      nextLineStart = line < lineStarts.count ? lineStarts[line] : Int.max
      if lineStartIndexes.count < line {
        lineStartIndexes.append(index)
      }
    }
  }

  private mutating func backward(to target: Int) {
    while index > target, byte > 0 {
      byte -= 1
      while byte > 0, bytes[byte] & 0xC0 == 0x80 {
        byte -= 1
      }
      index -= 1
      while byte < lineStart, line > 1 {
        line -= 1
        nextLineStart = lineStart
        lineStart = lineStarts[line - 1]
      }
    }
  }
}
