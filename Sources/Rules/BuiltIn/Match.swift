/// Three-valued truth for checks that may hinge on values known only at deploy time.
enum Match: Equatable {
  case yes
  case maybe
  case no

  static func all(_ matches: [Match]) -> Match {
    if matches.contains(.no) { return .no }
    return matches.contains(.maybe) ? .maybe : .yes
  }

  static func any(_ matches: some Sequence<Match>) -> Match {
    var result = Match.no
    for match in matches {
      if match == .yes { return .yes }
      if match == .maybe { result = .maybe }
    }
    return result
  }

  /// The opposite, for `NotAction`, `NotResource` and `NotPrincipal`.
  func negated(_ isNegated: Bool) -> Match {
    guard isNegated else { return self }
    switch self {
    case .yes: return .no
    case .no: return .yes
    case .maybe: return .maybe
    }
  }
}
