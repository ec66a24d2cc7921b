import SourceMap

/// `trailwatch:ignore` comments, read the same way in every format that has comments: YAML `#`,
/// Terraform `#` and `//`.
///
/// `# trailwatch:ignore TW101,TW102 reason`: the rule ids (or names) separated by commas, then the
/// reason, optionally after `--`, `-`, `:` or `—`.
public enum SuppressionComment {
  /// The word that starts a suppression comment.
  public static let prefix = "trailwatch:ignore"

  /// `# trailwatch:ignore TW101,TW102 reason`; nil when the comment only starts with the prefix
  /// (`# trailwatch:ignored`).
  public static func suppression(_ comment: Comment, scope: SuppressionScope) -> Suppression? {
    var rest = Substring(comment.text).drop { $0 == " " || $0 == "\t" }
    guard rest.hasPrefix(prefix) else { return nil }
    rest = rest.dropFirst(prefix.count)
    guard rest.isEmpty || rest.first == " " || rest.first == "\t" else { return nil }
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
