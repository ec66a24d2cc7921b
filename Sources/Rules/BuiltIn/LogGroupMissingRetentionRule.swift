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
      Keeping logs is good; keeping them by accident is not: state the period on purpose. In a Terraform \
      plan an unset retention shows as 0, which means the same. Log groups of class DELIVERY (whose \
      retention the provider never sets), groups whose retention an aws_cloudwatch_log_group_retention \
      sets, and existing groups a data source only reads are exempt.
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
        "tfplan.json",
        """
        {
          "format_version": "1.2",
          "terraform_version": "1.9.8",
          "resource_changes": [
            {
              ↓"address": "aws_cloudwatch_log_group.app",
              "mode": "managed",
              "type": "aws_cloudwatch_log_group",
              "name": "app",
              "change": {
                "actions": ["create"],
                "before": null,
                "after": {"kms_key_id": null, "name": "/app/web", "retention_in_days": 0, "skip_destroy": false},
                "after_unknown": {"arn": true, "id": true, "log_group_class": true}
              }
            }
          ]
        }
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
        "tfplan.json",
        """
        {
          "format_version": "1.2",
          "terraform_version": "1.9.8",
          "resource_changes": [
            {
              "address": "aws_cloudwatch_log_group.vended",
              "mode": "managed",
              "type": "aws_cloudwatch_log_group",
              "name": "vended",
              "change": {
                "actions": ["create"],
                "before": null,
                "after": {"log_group_class": "DELIVERY", "name": "/aws/vendedlogs/app", "retention_in_days": 0},
                "after_unknown": {"arn": true, "id": true}
              }
            },
            {
              "address": "aws_cloudwatch_log_group.app",
              "mode": "managed",
              "type": "aws_cloudwatch_log_group",
              "name": "app",
              "change": {
                "actions": ["create"],
                "before": null,
                "after": {"name": "/app/web", "retention_in_days": 0},
                "after_unknown": {"arn": true, "id": true, "log_group_class": true}
              }
            },
            {
              "address": "aws_cloudwatch_log_group_retention.app",
              "mode": "managed",
              "type": "aws_cloudwatch_log_group_retention",
              "name": "app",
              "change": {
                "actions": ["create"],
                "before": null,
                "after": {"log_group_name": "/app/web", "retention_in_days": 365},
                "after_unknown": {"id": true}
              }
            }
          ]
        }
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
    // An unknown retention is noted once: by TW202 for the log groups it looks at, here for the rest.
    let judgedByTW202 = Set(LogGroupsInScope.find(in: infrastructure, scope: settings.retentionScope).map(\.0.identity.name))
    var violations: [Violation] = []
    // A group whose retention does not apply, or that this file does not manage, has nothing to fix here.
    for group in infrastructure.logGroups where group.retentionExemption == nil && group.managedElsewhere == nil {
      for outcome in group.retentionInDays.outcomes {
        switch outcome.state {
        case .absent:
          let message = "log group \(Wording.name(group.identity)) has no \(group.retentionInDays.name)"
            + "\(Wording.when(outcome))\(Wording.origin(outcome)), so it keeps its events forever"
            + Wording.circumstances(outcome, of: group.identity, noun: "log group")
          violations.append(Violation(message, at: outcome, of: group.identity))
        case .unknown(let reason) where settings.showUnknown && !judgedByTW202.contains(group.identity.name):
          let message = Wording.undecided(group.retentionInDays, outcome, of: group.identity, noun: "log group", reason: reason)
          violations.append(Violation(message, at: outcome, of: group.identity, severity: .note))
        case .explicit, .unknown, .malformed:
          break
        }
      }
    }
    return violations
  }
}
