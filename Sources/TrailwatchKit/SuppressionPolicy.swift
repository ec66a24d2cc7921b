import InfraModel

/// How strictly suppressions are judged.
public struct SuppressionPolicy: Sendable, Equatable {
  /// Report suppressions that match no finding (TW002).
  public var reportsUnused: Bool
  /// Report suppressions without a reason (TW004).
  public var requiresReasons: Bool
  /// The day `until` dates are compared with: a suppression holds through its `until` day.
  public var today: CalendarDate

  public init(reportsUnused: Bool = false, requiresReasons: Bool = false, today: CalendarDate = .today) {
    self.reportsUnused = reportsUnused
    self.requiresReasons = requiresReasons
    self.today = today
  }
}
