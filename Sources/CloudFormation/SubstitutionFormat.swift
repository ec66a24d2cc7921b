/// The pieces of an `Fn::Sub` string: literal text and `${Name}` variables; `${!Text}` is the literal
/// `${Text}`.
enum SubstitutionFormat {
  enum Piece: Equatable {
    case literal(String)
    case variable(String)
  }

  /// Read over the UTF-8 bytes: `$`, `{`, `}` and `!` are ASCII, so byte offsets split the text only
  /// between characters, and a scan of bytes is far cheaper than a search of `Character`s.
  static func pieces(of format: String) -> [Piece] {
    var format = format
    return format.withUTF8 { bytes in
      var pieces: [Piece] = []
      var literal = ""
      func text(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
      }
      var rest = 0
      var scan = 0
      while let open = firstOpening(in: bytes, from: scan) {
        let nameStart = open + 2
        guard let close = bytes[nameStart...].firstIndex(of: UInt8(ascii: "}")) else { break }
        literal += text(rest..<open)
        if nameStart < close, bytes[nameStart] == UInt8(ascii: "!") {
          literal += "${" + text(nameStart + 1..<close) + "}"
        } else {
          if !literal.isEmpty { pieces.append(.literal(literal)) }
          literal = ""
          pieces.append(.variable(text(nameStart..<close).trimmingSpaces()))
        }
        rest = close + 1
        scan = rest
      }
      literal += text(rest..<bytes.count)
      if !literal.isEmpty { pieces.append(.literal(literal)) }
      return pieces
    }
  }

  /// The offset of the next `${` at or after `start`.
  private static func firstOpening(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
    var index = start
    while index + 1 < bytes.count {
      if bytes[index] == UInt8(ascii: "$"), bytes[index + 1] == UInt8(ascii: "{") { return index }
      index += 1
    }
    return nil
  }
}
