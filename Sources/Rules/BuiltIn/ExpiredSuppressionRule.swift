import InfraModel

/// TW003: a suppression whose `until` date has passed. The engine's suppression filter reports it;
/// the rule carries its documentation and examples.
public struct ExpiredSuppressionRule: Rule {
  public init() {}

  public static let description = RuleDescription(
    id: "TW003",
    name: "expired-suppression",
    severity: .warning,
    summary: "A suppression's until date has passed, so it no longer hides anything.",
    rationale: """
      A dated suppression is a promise: the risk is accepted until the migration, the contract or the \
      audit it waits for. When the day passes the suppression stops working, the findings it hid are \
      reported again, and this finding, placed at the suppression, says why they came back. The date \
      is inclusive: a suppression until 2025-06-30 holds through that day. An entry of .trailwatch.yml \
      is judged only by a run that lints a file it is about (one its file glob matches that holds its \
      resource), so a pre-commit run over other files is not failed by it.
      """,
    remediation: """
      Fix what the suppression hid, or, if the risk is still accepted, move the until date forward \
      and say why in the reason.
      """,
    references: [SuppressionDocumentation.guide],
    triggeringExamples: [
      RuleExample(
        "logs.yaml",
        """
        Resources:
          DebugLogs:
            Type: AWS::Logs::LogGroup
            Metadata:
              trailwatch:
                ignore:
                  - ↓rule: TW201
                    reason: deleted with the stack when the migration ends
                    until: 2020-01-31
        """),
      RuleExample(
        "logs.json",
        """
        {"Resources": {"DebugLogs": {"Type": "AWS::Logs::LogGroup",
          "Metadata": {"trailwatch": {"ignore": [↓{"rule": "TW201", "reason": "deleted with the stack", "until": "2020-01-31"}]}}}}}
        """),
    ],
    nonTriggeringExamples: [
      RuleExample(
        "logs.yaml",
        """
        Resources:
          DebugLogs:
            Type: AWS::Logs::LogGroup
            Metadata:
              trailwatch:
                ignore:
                  - rule: TW201
                    reason: deleted with the stack when the migration ends
                    until: 2999-12-31
        """),
      RuleExample(
        "logs.json",
        """
        {"Resources": {"DebugLogs": {"Type": "AWS::Logs::LogGroup",
          "Metadata": {"trailwatch": {"ignore": [{"rule": "TW201", "reason": "deleted with the stack"}]}}}}}
        """),
    ]
  )

  public func check(_ infrastructure: Infrastructure, settings: RuleSettings) -> [Violation] {
    []
  }
}
