import Rules

/// The configured level of every rule, by id; rules not named keep their own severity.
public struct RuleLevels: Sendable, Equatable {
  public var levels: [String: RuleLevel]

  public init(_ levels: [String: RuleLevel] = [:]) {
    self.levels = levels
  }

  public func isOff(_ rule: RuleDescription) -> Bool {
    levels[rule.id] == .off
  }

  /// The severity a finding of `rule` is reported at, or nil when the rule is off. A violation's own
  /// severity (a note about what could not be decided) stays as it is.
  public func severity(of rule: RuleDescription, violation: Severity? = nil) -> Severity? {
    switch levels[rule.id] {
    case .off: return nil
    case .severity(let configured): return violation ?? configured
    case nil: return violation ?? rule.severity
    }
  }
}
