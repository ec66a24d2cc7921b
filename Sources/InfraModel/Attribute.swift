import SourceMap

/// An attribute of a resource with every way it can turn out.
public struct Attribute<Value: Sendable & Equatable>: Sendable, Equatable {
  /// The attribute's name in the input format (`CloudWatchLogsLogGroupArn`,
  /// `cloud_watch_logs_group_arn`), so messages speak the user's language.
  public var name: String
  /// One outcome when the attribute does not depend on conditions; one per branch otherwise.
  public var outcomes: [Outcome<Value>]

  public init(name: String, outcomes: [Outcome<Value>]) {
    self.name = name
    self.outcomes = outcomes
  }

  public init(name: String, _ state: OutcomeState<Value>, at range: SourceRange) {
    self.init(name: name, outcomes: [Outcome(state, at: range)])
  }

  /// An attribute the input's adapter does not read: no outcomes, so no rule says anything about it.
  public static var unread: Attribute<Value> {
    Attribute(name: "", outcomes: [])
  }
}
