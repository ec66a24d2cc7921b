/// Everything about a rule that is not its logic: identity, documentation, and the examples that are
/// both its documentation and its test.
public struct RuleDescription: Sendable, Equatable {
  /// The public id (`TW101`): never renumbered, never reused.
  public var id: String
  /// The kebab-case name (`trail-missing-log-group`).
  public var name: String
  public var severity: Severity
  /// One sentence: what the rule reports.
  public var summary: String
  /// Why it matters.
  public var rationale: String
  /// How to fix it, in a way that satisfies every sibling rule.
  public var remediation: String
  public var references: [RuleReference]
  /// Benchmark controls the rule implements (`CIS AWS Foundations v1.4.0 3.4`).
  public var controls: [String]
  public var triggeringExamples: [RuleExample]
  public var nonTriggeringExamples: [RuleExample]

  public init(
    id: String, name: String, severity: Severity, summary: String, rationale: String, remediation: String,
    references: [RuleReference], controls: [String] = [], triggeringExamples: [RuleExample],
    nonTriggeringExamples: [RuleExample]
  ) {
    self.id = id
    self.name = name
    self.severity = severity
    self.summary = summary
    self.rationale = rationale
    self.remediation = remediation
    self.references = references
    self.controls = controls
    self.triggeringExamples = triggeringExamples
    self.nonTriggeringExamples = nonTriggeringExamples
  }

  /// Where the rule's documentation lives on the web.
  public var documentationURL: String {
    "https://github.com/trailwatch/trailwatch/blob/main/docs/rules.md#\(id.lowercased())-\(name)"
  }
}
