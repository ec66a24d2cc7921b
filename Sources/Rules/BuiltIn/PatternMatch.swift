import InfraModel

/// IAM-style matching (`*` any text, `?` one character) of a policy entry against what a request
/// names, where both may hold pieces known only at deploy time.
///
/// `yes` when the entry matches whatever those pieces turn out to be (a placeholder matches the same
/// placeholder, or a `*`); `maybe` when it matches for some values of them; `no` when it matches for
/// none.
enum PatternMatch {
  enum Atom: Equatable {
    /// One Unicode scalar: compared as a number, where a `Character` would be compared as a
    /// grapheme cluster at many times the cost, for every ARN of every policy of every trail's role.
    case character(Unicode.Scalar)
    /// A placeholder: the same token is the same text, and it never holds a `:`.
    case token(String)
    /// Any text: `*` in a policy, an unknown piece of a target.
    case anything
    /// An unknown piece of a policy entry: it may match or not, so it never settles a match.
    case unknownText
    /// Any text without `:` (a log stream's name).
    case segment
    /// `?` in a policy.
    case anyCharacter
  }

  /// The atoms of a policy entry: `*` and `?` are wildcards.
  static func policyAtoms(_ pattern: TextPattern, caseInsensitive: Bool) -> [Atom] {
    atoms(pattern, wildcards: true, caseInsensitive: caseInsensitive)
  }

  /// The atoms of what a request names: every character stands for itself.
  static func targetAtoms(_ pattern: TextPattern, caseInsensitive: Bool) -> [Atom] {
    atoms(pattern, wildcards: false, caseInsensitive: caseInsensitive)
  }

  private static func atoms(_ pattern: TextPattern, wildcards: Bool, caseInsensitive: Bool) -> [Atom] {
    var result: [Atom] = []
    for piece in pattern.pieces {
      switch piece {
      case .literal(let text):
        for character in (caseInsensitive ? text.lowercased() : text).unicodeScalars {
          if wildcards && character == "*" {
            if result.last != .anything { result.append(.anything) }
          } else if wildcards && character == "?" {
            result.append(.anyCharacter)
          } else {
            result.append(.character(character))
          }
        }
      case .placeholder(let token):
        result.append(.token(token))
      case .unknown:
        if wildcards {
          result.append(.unknownText)
        } else if result.last != .anything {
          result.append(.anything)
        }
      }
    }
    return result
  }

  /// The longest ARN AWS accepts; past it the tables below would grow with the product of two
  /// lengths a template author controls, so longer texts are left undecided.
  static let maxAtoms = 2048

  static func match(_ policy: [Atom], _ target: [Atom]) -> Match {
    guard policy.count <= maxAtoms, target.count <= maxAtoms else { return .maybe }
    if covers(policy, target) { return .yes }
    return overlaps(policy, target) ? .maybe : .no
  }

  /// Whether the policy matches every text the target may be: a policy `*` matches anything, the
  /// target's open parts (unknown pieces, segments) only a `*`, and tokens only themselves.
  private static func covers(_ policy: [Atom], _ target: [Atom]) -> Bool {
    let columns = target.count + 1
    // reachable[i * columns + j]: policy[..<i] can match target[..<j].
    var reachable = [Bool](repeating: false, count: (policy.count + 1) * columns)
    reachable[0] = true
    for i in 0...policy.count {
      for j in 0...target.count where reachable[i * columns + j] {
        guard i < policy.count else { continue }
        switch policy[i] {
        case .anything:
          reachable[(i + 1) * columns + j] = true
          if j < target.count { reachable[i * columns + j + 1] = true }
        case .anyCharacter:
          if j < target.count, case .character = target[j] { reachable[(i + 1) * columns + j + 1] = true }
        case .unknownText:
          break
        case .character, .token, .segment:
          if j < target.count, target[j] == policy[i] { reachable[(i + 1) * columns + j + 1] = true }
        }
      }
    }
    return reachable[policy.count * columns + target.count]
  }

  /// Whether some text could match both, whatever the tokens and unknown pieces on either side are.
  private static func overlaps(_ policy: [Atom], _ target: [Atom]) -> Bool {
    func loose(_ atoms: [Atom]) -> [Atom] {
      atoms.map {
        switch $0 {
        case .token: .segment
        case .unknownText: .anything
        default: $0
        }
      }
    }
    let left = loose(policy)
    let right = loose(target)
    let columns = right.count + 1
    var reachable = [Bool](repeating: false, count: (left.count + 1) * columns)
    reachable[0] = true
    for i in 0...left.count {
      for j in 0...right.count where reachable[i * columns + j] {
        let a = i < left.count ? left[i] : nil
        let b = j < right.count ? right[j] : nil
        // An open atom may match nothing, or swallow the other side's next atom whole.
        if let a, isOpen(a) {
          reachable[(i + 1) * columns + j] = true
          if let b, canSwallow(a, b) { reachable[i * columns + j + 1] = true }
        }
        if let b, isOpen(b) {
          reachable[i * columns + j + 1] = true
          if let a, canSwallow(b, a) { reachable[(i + 1) * columns + j] = true }
        }
        if let a, let b, !isOpen(a), !isOpen(b), compatible(a, b) {
          reachable[(i + 1) * columns + j + 1] = true
        }
      }
    }
    return reachable[left.count * columns + right.count]
  }

  private static func isOpen(_ atom: Atom) -> Bool {
    atom == .anything || atom == .segment
  }

  /// Whether an open atom can take in the text of `other` (a segment never takes a `:`).
  private static func canSwallow(_ open: Atom, _ other: Atom) -> Bool {
    switch (open, other) {
    case (.anything, _): true
    case (.segment, .character(let character)): character != ":"
    case (.segment, .anyCharacter), (.segment, .segment): true
    default: false
    }
  }

  private static func compatible(_ a: Atom, _ b: Atom) -> Bool {
    if a == .anyCharacter || b == .anyCharacter { return true }
    return a == b
  }
}
