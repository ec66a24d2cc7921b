import InfraModel

/// TW201: a log group that never expires its events.
public struct LogGroupMissingRetentionRule: Rule {
  public init() {}

  public static let description = RuleDescription(
    id: "TW201",
    name: "log-group-missing-retention",
    severity: .warning,
    summary: "A CloudWatch Logs log group keeps its events forever.",
    rationale: """
      Without RetentionInDays (Terraform: retention_in_days unset or 0) CloudWatch Logs never deletes \
      events: storage cost grows without bound and personal data is kept longer than any policy allows. \
      Keeping logs is good; keeping them by accident is not: state the period on purpose. Terraform log \
      groups of class DELIVERY, and groups whose retention another resource sets, are exempt.
      """,
    remediation: """
      Set RetentionInDays to a period CloudWatch Logs accepts that meets your policy, at least 365 for \
      an audit log: RetentionInDays: 365 (Terraform: retention_in_days = 365).
      """,
    references: [
      RuleReference(
        "Change log data retention in CloudWatch Logs",
        "https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/Working-with-log-groups-and-streams.html#SettingLogRetention"),
      RuleReference(
        "AWS::Logs::LogGroup",
        "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-logs-loggroup.html"),
      RuleReference(
        "Security Hub control CloudWatch.16",
        "https://docs.aws.amazon.com/securityhub/latest/userguide/cloudwatch-controls.html#cloudwatch-16"),
    ],
    controls: ["AWS FSBP CloudWatch.16"],
    triggeringExamples: [
      RuleExample(
        "logs.yaml",
        """
        Resources:
          ↓AppLogs:
            Type: AWS::Logs::LogGroup
            Properties:
              LogGroupName: /app/web
        """),
      RuleExample(
        "logs.json",
        """
        {"Resources": {↓"AppLogs": {"Type": "AWS::Logs::LogGroup"}, "Other": {"Type": "AWS::Logs::LogGroup", \
        "Properties": {"RetentionInDays": ↓null}}}}
        """),
      RuleExample(
        "logs.tf",
        """
        ↓resource "aws_cloudwatch_log_group" "app" {
          name = "/app/web"
        }
        resource "aws_cloudwatch_log_group" "zero" {
          name              = "/app/worker"
          retention_in_days = ↓0
        }
        """),
    ],
    nonTriggeringExamples: [
      RuleExample(
        "logs.yaml",
        """
        Resources:
          AppLogs:
            Type: AWS::Logs::LogGroup
            Properties: {LogGroupName: /app/web, RetentionInDays: 365}
        """),
      RuleExample(
        "logs.json",
        """
        {"Resources": {"AppLogs": {"Type": "AWS::Logs::LogGroup", "Properties": {"RetentionInDays": "731"}}}}
        """),
      RuleExample(
        "logs.tf",
        """
        resource "aws_cloudwatch_log_group" "app" {
          name              = "/app/web"
          retention_in_days = 365
        }
        resource "aws_cloudwatch_log_group" "delivery" {
          name            = "/delivery/vended"
          log_group_class = "DELIVERY"
        }
        """),
    ]
  )

  public func check(_ infrastructure: Infrastructure, settings: RuleSettings) -> [Violation] {
    var violations: [Violation] = []
    for group in infrastructure.logGroups {
      for outcome in group.retentionInDays.outcomes where outcome.state == .absent {
        let message = "log group \(Wording.name(group.identity)) has no \(group.retentionInDays.name)"
          + "\(Wording.when(outcome)), so it keeps its events forever"
          + Wording.deployment(group.identity, noun: "log group")
        violations.append(Violation(message, at: outcome, of: group.identity))
      }
    }
    return violations
  }
}
