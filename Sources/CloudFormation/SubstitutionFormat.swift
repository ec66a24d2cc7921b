/// The pieces of an `Fn::Sub` string: literal text and `${Name}` variables; `${!Text}` is the literal
/// `${Text}`.
enum SubstitutionFormat {
  enum Piece: Equatable {
    case literal(String)
    case variable(String)
  }

  static func pieces(of format: String) -> [Piece] {
    var pieces: [Piece] = []
    var literal = ""
    var rest = Substring(format)
    while let start = rest.firstRange(of: "${") {
      literal += rest[..<start.lowerBound]
      let afterOpen = rest[start.upperBound...]
      guard let close = afterOpen.firstIndex(of: "}") else {
        literal += rest[start.lowerBound...]
        rest = ""
        break
      }
      let name = afterOpen[..<close]
      if name.hasPrefix("!") {
        literal += "${" + name.dropFirst() + "}"
      } else {
        if !literal.isEmpty { pieces.append(.literal(literal)) }
        literal = ""
        pieces.append(.variable(name.trimmingSpaces()))
      }
      rest = afterOpen[afterOpen.index(after: close)...]
    }
    literal += rest
    if !literal.isEmpty { pieces.append(.literal(literal)) }
    return pieces
  }
}
