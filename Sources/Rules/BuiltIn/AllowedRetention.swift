/// The retention periods CloudWatch Logs accepts, in days.
public enum AllowedRetention {
  public static let days: [Int] = [
    1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, RuleSettings.longestRetentionDays,
  ]

  public static func isAllowed(_ value: Int) -> Bool {
    days.contains(value)
  }

  /// The allowed values just below and just above `value`, for a message that suggests a fix.
  public static func neighbours(of value: Int) -> [Int] {
    let below = days.last { $0 < value }
    let above = days.first { $0 > value }
    return [below, above].compactMap { $0 }
  }
}
