import Rules

extension Finding {
  /// "4:3 TW101" for a reported finding; "4:3 TW101 ← comment 3:3 'why'" for one a suppression
  /// accepts (the mechanism, where it is written, and its reason).
  var summary: String {
    var text = "\(range.start.line):\(range.start.column) \(ruleID)"
    if let suppression {
      text += " ← \(suppression.source.rawValue) \(suppression.range.start.line):\(suppression.range.start.column)"
      if let reason = suppression.justification { text += " '\(reason)'" }
    }
    return text
  }
}
