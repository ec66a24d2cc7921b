import Rules

/// What the configuration makes of a rule: off, or on at a severity of the user's choosing.
public enum RuleLevel: Sendable, Equatable {
  case off
  case severity(Severity)

  /// `off`, `error`, `warning` or `note`; nil for anything else.
  public init?(_ text: String) {
    if text == "off" {
      self = .off
    } else if let severity = Severity(rawValue: text) {
      self = .severity(severity)
    } else {
      return nil
    }
  }
}
