import InfraModel

/// TW005: a trailwatch suppression in a template that cannot be read. The engine's suppression filter
/// reports it; the rule carries its documentation and examples.
public struct InvalidSuppressionRule: Rule {
  public init() {}

  public static let description = RuleDescription(
    id: "TW005",
    name: "invalid-suppression",
    severity: .warning,
    summary: "A suppression in a template names an unknown rule, cannot be read, or is misspelt.",
    rationale: """
      A mistyped rule id, a misspelt key, or a comment that is almost a suppression (`# trailwatch: \
      ignore TW201`, with a space after the colon) would otherwise make a suppression silently do \
      nothing, or silently drop its reason or date. The findings it meant to hide are still reported; this finding \
      says why the suppression did not apply. (A bad entry in .trailwatch.yml is a configuration error \
      instead: trailwatch stops with exit code 2.)
      """,
    remediation: """
      Write the comment exactly `# trailwatch:ignore ID reason`, with no space around the colon. Name \
      rules by id (TW201) or name (log-group-missing-retention), or `all`; `trailwatch rules` lists \
      them. In Metadata, write `trailwatch: {ignore: [TW201]}` or entries with the keys rule, reason and \
      until (a date written YYYY-MM-DD).
      """,
    references: [SuppressionDocumentation.guide],
    triggeringExamples: [
      RuleExample(
        "logs.yaml",
        """
        Resources:
          AppLogs:  ↓# trailwatch:ignore TW2O1 kept forever on purpose
            Type: AWS::Logs::LogGroup
          DebugLogs:
            ↓# trailwatch: ignore TW201 deleted with the stack
            Type: AWS::Logs::LogGroup
        """),
      RuleExample(
        "logs.json",
        """
        {"Resources": {"AppLogs": {"Type": "AWS::Logs::LogGroup",
          "Metadata": {"trailwatch": {"ignore": [↓{"rule": "TW201", "reasons": "kept forever on purpose"}]}}}}}
        """),
    ],
    nonTriggeringExamples: [
      RuleExample(
        "logs.yaml",
        """
        Resources:
          AppLogs:  # trailwatch:ignore log-group-missing-retention, TW203 kept forever on purpose
            Type: AWS::Logs::LogGroup
            Properties:
              LogGroupName: "/app # trailwatch:ignore TW2O1 is a string, not a comment"
          # trailwatch ignores the bucket below: it is not a log group
          Bucket:
            Type: AWS::S3::Bucket
        """),
      RuleExample(
        "logs.json",
        """
        {"Resources": {"AppLogs": {"Type": "AWS::Logs::LogGroup",
          "Metadata": {"checkov": {"skip": [{"id": "CKV_AWS_158", "comment": "not a trailwatch id, not our business"}]}}}}}
        """),
    ]
  )

  public func check(_ infrastructure: Infrastructure, settings: RuleSettings) -> [Violation] {
    []
  }
}
