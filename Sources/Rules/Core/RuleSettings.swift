/// The knobs the user sets for rules: what counts as long enough, and for which log groups.
public struct RuleSettings: Sendable, Equatable {
  /// Which log groups the minimum retention applies to.
  public enum RetentionScope: String, Sendable, Equatable, CaseIterable {
    /// Only log groups a trail in the same template or plan delivers to.
    case trailLogGroups = "trail-log-groups"
    /// Every log group.
    case allLogGroups = "all-log-groups"
  }

  /// At least 1, at most `longestRetentionDays`.
  public var minRetentionDays: Int
  public var retentionScope: RetentionScope
  /// Whether checks that could not be decided are reported as notes.
  public var showUnknown: Bool

  public init(minRetentionDays: Int = 365, retentionScope: RetentionScope = .trailLogGroups, showUnknown: Bool = false) {
    self.minRetentionDays = minRetentionDays
    self.retentionScope = retentionScope
    self.showUnknown = showUnknown
  }

  /// The longest retention CloudWatch Logs offers (ten years): a higher minimum no log group could meet.
  public static let longestRetentionDays = 3653
}
