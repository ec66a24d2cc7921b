import Rules

/// A change to a file that makes one finding go away, checked by linting the changed text.
public struct Fix: Sendable, Equatable {
  /// What the fix does, as an editor shows it ("Set RetentionInDays to 365").
  public var title: String
  /// The finding it fixes.
  public var finding: Finding
  public var edits: [SourceEdit]
  /// Whether an editor may apply it without asking (the one obvious fix of the finding).
  public var isPreferred: Bool

  public init(title: String, finding: Finding, edits: [SourceEdit], isPreferred: Bool) {
    self.title = title
    self.finding = finding
    self.edits = edits
    self.isPreferred = isPreferred
  }
}
