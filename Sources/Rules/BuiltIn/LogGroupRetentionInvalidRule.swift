import InfraModel

/// TW203: a retention that CloudWatch Logs refuses, so the deploy fails.
public struct LogGroupRetentionInvalidRule: Rule {
  public init() {}

  public static let description = RuleDescription(
    id: "TW203",
    name: "log-group-retention-invalid",
    severity: .error,
    summary: "A log group's retention is not one of the periods CloudWatch Logs accepts.",
    rationale: """
      CloudWatch Logs accepts only 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, \
      1827, 2192, 2557, 2922, 3288 and 3653 days. Any other value (366, 0 in CloudFormation, a word) \
      fails the deploy at the log group, often after other resources were already created and have to \
      roll back. In a Terraform plan 0 is not invalid: it is the provider's default and means never \
      expire (TW201); the provider refuses other values when it plans, so a plan shows one only from an \
      older provider or from state.
      """,
    remediation: """
      Use one of the accepted periods, at least 365 for an audit log: RetentionInDays: 365 or 400 \
      (Terraform: retention_in_days = 365).
      """,
    references: [
      RuleReference(
        "PutRetentionPolicy: retentionInDays",
        "https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_PutRetentionPolicy.html"),
      RuleReference(
        "AWS::Logs::LogGroup RetentionInDays",
        "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-logs-loggroup.html#cfn-logs-loggroup-retentionindays"),
    ],
    triggeringExamples: [
      RuleExample(
        "logs.yaml",
        """
        Resources:
          AuditLogs:
            Type: AWS::Logs::LogGroup
            Properties:
              RetentionInDays: ↓366
          OtherLogs:
            Type: AWS::Logs::LogGroup
            Properties:
              RetentionInDays: ↓forever
        """),
      RuleExample(
        "logs.json",
        """
        {"Resources": {"AuditLogs": {"Type": "AWS::Logs::LogGroup", "Properties": {"RetentionInDays": ↓0}}}}
        """),
      RuleExample(
        "tfplan.json",
        """
        {
          "format_version": "1.2",
          "terraform_version": "1.9.8",
          "resource_changes": [
            {
              "address": "aws_cloudwatch_log_group.audit",
              "mode": "managed",
              "type": "aws_cloudwatch_log_group",
              "name": "audit",
              "change": {
                "actions": ["no-op"],
                "before": {"name": "audit", "retention_in_days": 366},
                "after": {"name": "audit", "retention_in_days": ↓366},
                "after_unknown": {}
              }
            }
          ]
        }
        """),
      RuleExample(
        "logs.tf",
        """
        resource "aws_cloudwatch_log_group" "audit" {
          retention_in_days = ↓366
        }
        resource "aws_cloudwatch_log_group" "other" {
          retention_in_days = ↓"forever"
        }
        """),
    ],
    nonTriggeringExamples: [
      RuleExample(
        "logs.yaml",
        """
        Resources:
          AuditLogs:
            Type: AWS::Logs::LogGroup
            Properties:
              RetentionInDays: 3653
        """),
      RuleExample(
        "tfplan.json",
        """
        {
          "format_version": "1.2",
          "terraform_version": "1.9.8",
          "resource_changes": [
            {
              "address": "aws_cloudwatch_log_group.audit",
              "mode": "managed",
              "type": "aws_cloudwatch_log_group",
              "name": "audit",
              "change": {
                "actions": ["create"],
                "before": null,
                "after": {"name": "audit", "retention_in_days": 0},
                "after_unknown": {"arn": true}
              }
            }
          ]
        }
        """),
      RuleExample(
        "logs.tf",
        """
        resource "aws_cloudwatch_log_group" "audit" {
          retention_in_days = 3653
        }
        """),
    ]
  )

  public func check(_ infrastructure: Infrastructure, settings: RuleSettings) -> [Violation] {
    var violations: [Violation] = []
    for group in infrastructure.logGroups where group.managedElsewhere == nil {
      let property = group.retentionInDays.name
      for outcome in group.retentionInDays.outcomes {
        let message: String
        switch outcome.state {
        case .explicit(let days) where !AllowedRetention.isAllowed(days):
          let neighbours = AllowedRetention.neighbours(of: days)
          let nearest = neighbours.count == 1
            ? "the nearest accepted value is \(neighbours[0])"
            : "the nearest accepted values are \(neighbours.map(String.init).joined(separator: " or "))"
          message = "\(property) \(days) of log group \(Wording.name(group.identity))\(Wording.when(outcome))"
            + "\(Wording.origin(outcome)) is not a period CloudWatch Logs accepts, so the deploy fails; "
            + nearest
            + Wording.circumstances(outcome, of: group.identity, noun: "log group")
        case .malformed(let text):
          message = "\(property) '\(text)' of log group \(Wording.name(group.identity))\(Wording.when(outcome))"
            + "\(Wording.origin(outcome)) is not a number of days, so the deploy fails"
            + Wording.circumstances(outcome, of: group.identity, noun: "log group")
        case .explicit, .absent, .unknown:
          continue
        }
        violations.append(Violation(message, at: outcome, of: group.identity))
      }
    }
    return violations
  }
}
