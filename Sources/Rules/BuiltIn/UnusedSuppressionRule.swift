import InfraModel

/// TW002: a suppression that hides nothing. The engine's suppression filter reports it with
/// `--report-unused`; the rule carries its documentation and examples.
public struct UnusedSuppressionRule: Rule {
  public init() {}

  public static let description = RuleDescription(
    id: "TW002",
    name: "unused-suppression",
    severity: .warning,
    summary: "A suppression matches no finding (reported with --report-unused).",
    rationale: """
      A suppression outlives the finding it was written for: the log group gets its retention, the \
      trail is removed, a rule id is mistyped onto the wrong resource. Left in place it reads as an \
      accepted risk that no longer exists, and it will silently hide the next, unrelated finding of that \
      rule on that resource. Reporting unused suppressions keeps the list of accepted risks true. Peer \
      tools' suppressions (checkov, cfn_nag, cfn-guard) are that tool's to judge and are not reported.
      """,
    remediation: """
      Remove the suppression: the `# trailwatch:ignore` comment, the `Metadata` trailwatch.ignore entry, \
      or the entry under `suppressions` in .trailwatch.yml. When a comment names several rules, remove \
      the ids the message names.
      """,
    references: [SuppressionDocumentation.guide, SuppressionDocumentation.sarifSuppressions],
    triggeringExamples: [
      RuleExample(
        "logs.yaml",
        """
        Resources:
          AppLogs:  ↓# trailwatch:ignore TW201 kept forever on purpose
            Type: AWS::Logs::LogGroup
            Properties:
              RetentionInDays: 365
        """),
      RuleExample(
        "logs.json",
        """
        {"Resources": {"AppLogs": {"Type": "AWS::Logs::LogGroup",
          "Metadata": {"trailwatch": {"ignore": [↓{"rule": "TW201", "reason": "kept forever on purpose"}]}},
          "Properties": {"RetentionInDays": 365}}}}
        """),
    ],
    nonTriggeringExamples: [
      RuleExample(
        "logs.yaml",
        """
        Resources:
          AppLogs:  # trailwatch:ignore TW201 kept forever on purpose
            Type: AWS::Logs::LogGroup
        """),
      RuleExample(
        "logs.json",
        """
        {"Resources": {"AppLogs": {"Type": "AWS::Logs::LogGroup",
          "Metadata": {"trailwatch": {"ignore": [{"rule": "TW201", "reason": "kept forever on purpose"}]},
                       "checkov": {"skip": [{"id": "CKV_AWS_158", "comment": "checkov's own business"}]}}}}}
        """),
    ]
  )

  public func check(_ infrastructure: Infrastructure, settings: RuleSettings) -> [Violation] {
    []
  }
}
