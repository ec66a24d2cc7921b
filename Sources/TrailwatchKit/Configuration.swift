import Rules

/// The settings of a `.trailwatch.yml`. Command-line flags override them.
public struct Configuration: Sendable {
  /// The file, as the user would name it (relative to the working directory).
  public var path: String
  /// The absolute directory that holds it: globs and the baseline path are relative to it.
  public var directory: String
  public var minRetentionDays: Int?
  public var retentionScope: RuleSettings.RetentionScope?
  public var ruleLevels: RuleLevels
  public var exclude: PathPatterns
  /// The absolute path of the baseline file.
  public var baseline: String?
  public var suppressions: [ConfiguredSuppression]

  public init(
    path: String, directory: String, minRetentionDays: Int? = nil, retentionScope: RuleSettings.RetentionScope? = nil,
    ruleLevels: RuleLevels = RuleLevels(), exclude: [Glob] = [], baseline: String? = nil,
    suppressions: [ConfiguredSuppression] = []
  ) {
    self.path = path
    self.directory = directory
    self.minRetentionDays = minRetentionDays
    self.retentionScope = retentionScope
    self.ruleLevels = ruleLevels
    self.exclude = PathPatterns(globs: exclude, directory: directory)
    self.baseline = baseline
    self.suppressions = suppressions
  }

  /// The file name trailwatch looks for.
  public static let fileName = ".trailwatch.yml"
}
