import SourceMap

/// A suppression written in a template or plan: which rules it hides, for what, why, and until when.
///
/// Adapters record suppressions as written, with the ids the writer used (trailwatch's own, or a peer
/// tool's for `source` checkov, cfn_nag and guard); the engine decides what they mean, so adapters and
/// rules never need to know the rule catalogue.
public struct Suppression: Sendable, Equatable {
  /// Rule ids or names as written; `all` stands for every rule.
  public var rules: [String]
  public var scope: SuppressionScope
  /// Why the finding is accepted; nil when the writer gave no reason.
  public var reason: String?
  /// The last day the suppression holds; nil when it never expires.
  public var until: CalendarDate?
  public var source: SuppressionSource
  /// Where it is written: the comment, or the `Metadata` entry.
  public var range: SourceRange
  /// Why the suppression could not be read, when it could not; it then suppresses nothing.
  public var problem: String?

  public init(
    rules: [String], scope: SuppressionScope, reason: String? = nil, until: CalendarDate? = nil,
    source: SuppressionSource, range: SourceRange, problem: String? = nil
  ) {
    self.rules = rules
    self.scope = scope
    self.reason = reason
    self.until = until
    self.source = source
    self.range = range
    self.problem = problem
  }
}
