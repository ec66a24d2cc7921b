import SourceMap

/// `trailwatch:ignore` comments, read the same way in every format that has comments: YAML `#`,
/// Terraform `#` and `//`.
///
/// `# trailwatch:ignore TW101,TW102 reason`: the rule ids (or names) separated by commas, then the
/// reason, optionally after `--`, `-`, `:` or `—`.
public enum SuppressionComment {
  /// The word that starts a suppression comment.
  public static let prefix = "trailwatch:ignore"
  /// What a comment must start with to be read at all: suppressions, and near misses of one
  /// (`# trailwatch: ignore TW201`) that would otherwise silently suppress nothing.
  public static let word = "trailwatch"

  /// `# trailwatch:ignore TW101,TW102 reason`; a suppression with a problem (TW005) for a near miss
  /// such as `# trailwatch: ignore TW201`; nil for any other comment.
  public static func suppression(_ comment: Comment, scope: SuppressionScope) -> Suppression? {
    var rest = Substring(comment.text).drop { $0 == " " || $0 == "\t" }
    guard rest.hasPrefix(prefix), rest.dropFirst(prefix.count).first.map({ $0 == " " || $0 == "\t" }) ?? true else {
      guard let written = nearMiss(rest) else { return nil }
      return Suppression(
        rules: [], scope: scope, source: .comment, range: comment.range,
        problem: "`# \(written)` is not a suppression, so it suppresses nothing; did you mean `# \(prefix)`?")
    }
    rest = rest.dropFirst(prefix.count)
    var rules: [String] = []
    rest = rest.drop { $0 == " " || $0 == "\t" }
    while let first = rest.first, first != " ", first != "\t", first != "," {
      let id = rest.prefix { $0 != " " && $0 != "\t" && $0 != "," }
      rules.append(String(id))
      rest = rest.dropFirst(id.count)
      let afterSpaces = rest.drop { $0 == " " || $0 == "\t" }
      guard afterSpaces.first == "," else { break }
      rest = afterSpaces.dropFirst().drop { $0 == " " || $0 == "\t" }
    }
    guard !rules.isEmpty else {
      return Suppression(
        rules: [], scope: scope, source: .comment, range: comment.range,
        problem: "a trailwatch:ignore comment must name the rules it suppresses, as in '# trailwatch:ignore TW201 reason'")
    }
    return Suppression(rules: rules, scope: scope, reason: reason(rest), source: .comment, range: comment.range)
  }

  /// The words from `trailwatch` to the end of `ignore` when `text` is a misspelt suppression: the
  /// word after `trailwatch` (whatever the separators) is `ignore` or within two edits of it, and
  /// what follows is a rule id, `all`, a rule name, or nothing. Prose such as `# trailwatch ignores
  /// this file because…` is not one.
  static func nearMiss(_ text: Substring) -> Substring? {
    guard text.hasPrefix(word) else { return nil }
    let afterWord = text.dropFirst(word.count)
    let separators = afterWord.prefix { " \t:-_.".contains($0) }
    let verb = afterWord.dropFirst(separators.count).prefix { $0.isASCII && $0.isLetter }
    guard (4...12).contains(verb.count), editDistance(verb.lowercased(), "ignore") <= 2 else { return nil }
    let next = afterWord.dropFirst(separators.count + verb.count).drop { " \t:=,".contains($0) }
      .prefix { $0 != " " && $0 != "\t" && $0 != "," }
    let looksLikeRule =
      next.isEmpty || next.lowercased() == "all"
      || (next.count > 2 && next.prefix(2).uppercased() == "TW" && next.dropFirst(2).allSatisfy(\.isNumber))
      || (next.contains("-") && next.allSatisfy { $0 == "-" || ($0.isASCII && $0.isLowercase) })
    guard looksLikeRule else { return nil }
    return text.prefix(word.count + separators.count + verb.count)
  }

  /// Levenshtein distance of two short words.
  private static func editDistance(_ lhs: String, _ rhs: String) -> Int {
    let left = Array(lhs)
    let right = Array(rhs)
    var previous = Array(0...right.count)
    for (i, a) in left.enumerated() {
      var current = [i + 1]
      for (j, b) in right.enumerated() {
        current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (a == b ? 0 : 1)))
      }
      previous = current
    }
    return previous[right.count]
  }

  /// The reason after the ids, without a leading `--`, `-` or `:` separator; nil when empty.
  private static func reason(_ text: Substring) -> String? {
    var reason = text.drop { $0 == " " || $0 == "\t" }
    for separator in ["--", "-", ":", "—"] where reason.hasPrefix(separator) {
      reason = reason.dropFirst(separator.count).drop { $0 == " " || $0 == "\t" }
      break
    }
    while let last = reason.last, last == " " || last == "\t" || last == "\r" { reason = reason.dropLast() }
    return reason.isEmpty ? nil : String(reason)
  }
}
