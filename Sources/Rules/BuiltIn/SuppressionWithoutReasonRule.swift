import InfraModel

/// TW004: a suppression that does not say why. The engine's suppression filter reports it with
/// `--require-reason`; the rule carries its documentation and examples.
public struct SuppressionWithoutReasonRule: Rule {
  public init() {}

  public static let description = RuleDescription(
    id: "TW004",
    name: "suppression-without-reason",
    severity: .warning,
    summary: "A suppression gives no reason (reported with --require-reason).",
    rationale: """
      An audit log that does not reach CloudWatch Logs, or is deleted too soon, is a risk someone \
      accepted. Without a reason the next reader cannot tell a deliberate decision from a shortcut, and \
      cannot tell when it stops being true. The suppression still works; this finding asks for the \
      reason. Peer tools' suppressions are not checked: cfn-guard's have no place for one.
      """,
    remediation: """
      Write the reason after the rule ids (`# trailwatch:ignore TW201 deleted with the stack`), as \
      `reason:` in a Metadata or .trailwatch.yml entry, and consider an `until:` date.
      """,
    references: [SuppressionDocumentation.guide, SuppressionDocumentation.sarifSuppressions],
    triggeringExamples: [
      RuleExample(
        "logs.yaml",
        """
        Resources:
          AppLogs:  ↓# trailwatch:ignore TW201
            Type: AWS::Logs::LogGroup
        """),
      RuleExample(
        "logs.json",
        """
        {"Resources": {"AppLogs": {"Type": "AWS::Logs::LogGroup",
          "Metadata": {"trailwatch": {"ignore": [↓"TW201"]}}}}}
        """),
    ],
    nonTriggeringExamples: [
      RuleExample(
        "logs.yaml",
        """
        Resources:
          AppLogs:  # trailwatch:ignore TW201 -- the platform's log shipper sets retention
            Type: AWS::Logs::LogGroup
        """),
      RuleExample(
        "logs.json",
        """
        {"Resources": {"AppLogs": {"Type": "AWS::Logs::LogGroup",
          "Metadata": {"trailwatch": {"ignore": [{"rule": "TW201", "reason": "the platform's log shipper sets retention"}]},
                       "guard": {"SuppressedRules": ["CW_LOGGROUP_RETENTION_PERIOD_CHECK"]}}}}}
        """),
    ]
  )

  public func check(_ infrastructure: Infrastructure, settings: RuleSettings) -> [Violation] {
    []
  }
}
