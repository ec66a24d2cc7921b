import InfraModel

/// TW102: a trail without the role CloudTrail needs to write to CloudWatch Logs.
public struct TrailMissingRoleRule: Rule {
  public init() {}

  public static let description = RuleDescription(
    id: "TW102",
    name: "trail-missing-role",
    severity: .error,
    summary: "A CloudTrail trail has no role to deliver its events to CloudWatch Logs.",
    rationale: """
      CloudTrail writes to a log group by assuming the role in CloudWatchLogsRoleArn (Terraform: \
      cloud_watch_logs_role_arn). CloudFormation and the API refuse a log group ARN without a role, and a \
      trail that has neither delivers nothing; most scanners check only the log group and miss this. The \
      property counts as missing when it is absent, null, empty, AWS::NoValue, or any of those in a \
      branch of Fn::If.
      """,
    remediation: """
      Add a role that cloudtrail.amazonaws.com may assume, allowed logs:CreateLogStream and \
      logs:PutLogEvents on the trail's log group, and set CloudWatchLogsRoleArn: !GetAtt DeliveryRole.Arn \
      (Terraform: cloud_watch_logs_role_arn = aws_iam_role.delivery.arn).
      """,
    references: [
      RuleReference(
        "Sending events to CloudWatch Logs: the role",
        "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-required-policy-for-cloudwatch-logs.html"),
      RuleReference(
        "AWS::CloudTrail::Trail",
        "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-cloudtrail-trail.html"),
    ],
    controls: ["CIS AWS Foundations v1.4.0 3.4", "CIS AWS Foundations v1.2.0 2.4"],
    triggeringExamples: [
      RuleExample(
        "trail.yaml",
        """
        Resources:
          AuditLogs:
            Type: AWS::Logs::LogGroup
            Properties: {RetentionInDays: 365}
          ↓AuditTrail:
            Type: AWS::CloudTrail::Trail
            Properties:
              IsLogging: true
              S3BucketName: audit-bucket
              CloudWatchLogsLogGroupArn: !GetAtt AuditLogs.Arn
        """),
      RuleExample(
        "trail.json",
        """
        {
          "Resources": {
            "AuditTrail": {
              "Type": "AWS::CloudTrail::Trail",
              "Properties": {
                "IsLogging": true,
                "S3BucketName": "audit-bucket",
                "CloudWatchLogsLogGroupArn": "arn:aws:logs:us-east-1:123456789012:log-group:audit:*",
                "CloudWatchLogsRoleArn": ↓null
              }
            }
          }
        }
        """),
      RuleExample(
        "tfplan.json",
        """
        {
          "format_version": "1.2",
          "terraform_version": "1.9.8",
          "resource_changes": [
            {
              ↓"address": "aws_cloudtrail.audit",
              "mode": "managed",
              "type": "aws_cloudtrail",
              "name": "audit",
              "change": {
                "actions": ["update"],
                "before": {"cloud_watch_logs_group_arn": null, "cloud_watch_logs_role_arn": null, "name": "audit"},
                "after": {
                  "cloud_watch_logs_group_arn": "arn:aws:logs:us-east-1:123456789012:log-group:audit:*",
                  "cloud_watch_logs_role_arn": null,
                  "name": "audit"
                },
                "after_unknown": {}
              }
            }
          ]
        }
        """),
      RuleExample(
        "trail.tf",
        """
        ↓resource "aws_cloudtrail" "audit" {
          name                       = "audit"
          s3_bucket_name             = "audit-bucket"
          cloud_watch_logs_group_arn = "${aws_cloudwatch_log_group.audit.arn}:*"
        }
        resource "aws_cloudwatch_log_group" "audit" {
          retention_in_days = 365
        }
        """),
    ],
    nonTriggeringExamples: [
      RuleExample(
        "trail.yaml",
        """
        Resources:
          AuditTrail:
            Type: AWS::CloudTrail::Trail
            Properties:
              IsLogging: true
              S3BucketName: audit-bucket
              CloudWatchLogsLogGroupArn: arn:aws:logs:us-east-1:123456789012:log-group:audit:*
              CloudWatchLogsRoleArn: !GetAtt [DeliveryRole, Arn]
          DeliveryRole:
            Type: AWS::IAM::Role
            Properties:
              AssumeRolePolicyDocument:
                Statement:
                  - {Effect: Allow, Principal: {Service: cloudtrail.amazonaws.com}, Action: sts:AssumeRole}
        """),
      RuleExample(
        "tfplan.json",
        """
        {
          "format_version": "1.2",
          "terraform_version": "1.9.8",
          "resource_changes": [
            {
              "address": "aws_cloudtrail.audit",
              "mode": "managed",
              "type": "aws_cloudtrail",
              "name": "audit",
              "change": {
                "actions": ["create"],
                "before": null,
                "after": {
                  "cloud_watch_logs_group_arn": "arn:aws:logs:us-east-1:123456789012:log-group:audit:*",
                  "name": "audit"
                },
                "after_unknown": {"arn": true, "cloud_watch_logs_role_arn": true}
              }
            }
          ]
        }
        """),
      RuleExample(
        "trail.tf",
        """
        resource "aws_iam_role" "delivery" {
          name               = "cloudtrail-to-logs"
          assume_role_policy = data.aws_iam_policy_document.trust.json
        }
        resource "aws_cloudtrail" "audit" {
          name                       = "audit"
          s3_bucket_name             = "audit-bucket"
          cloud_watch_logs_group_arn = "arn:aws:logs:eu-west-1:123456789012:log-group:audit:*"
          cloud_watch_logs_role_arn  = aws_iam_role.delivery.arn
        }
        """),
    ]
  )

  public func check(_ infrastructure: Infrastructure, settings: RuleSettings) -> [Violation] {
    TrailAttributeCheck(attribute: \.role, consequence: "CloudTrail cannot deliver its events to CloudWatch Logs")
      .violations(in: infrastructure, settings: settings)
  }
}
