import InfraModel

/// TW101: a trail that does not deliver to CloudWatch Logs.
public struct TrailMissingLogGroupRule: Rule {
  public init() {}

  public static let description = RuleDescription(
    id: "TW101",
    name: "trail-missing-log-group",
    severity: .error,
    summary: "A CloudTrail trail does not send its events to a CloudWatch Logs log group.",
    rationale: """
      Without CloudWatchLogsLogGroupArn (Terraform: cloud_watch_logs_group_arn) a trail only writes to S3, \
      where nobody can search it in real time or alarm on it: the metric filters and alarms of the CIS \
      monitoring controls (unauthorized API calls, root account use, IAM policy changes) have nothing to \
      read. The property counts as missing when it is absent, null, an empty string, AWS::NoValue, or \
      any of those in a branch of Fn::If; the message then names the condition. In a Terraform plan, a \
      value shown as (known after apply) is not missing: it is followed through the plan's configuration \
      to the log group it names. A plan that leaves resources out (errored: true, complete: false) is \
      reported as TW006, since a trail it leaves out cannot be checked.
      """,
    remediation: """
      Create a log group that keeps its events for at least 365 days and point the trail at it, with the \
      role that lets CloudTrail write to it (see TW102):
        AuditLogs: {Type: AWS::Logs::LogGroup, Properties: {RetentionInDays: 365}}
        CloudWatchLogsLogGroupArn: !GetAtt AuditLogs.Arn
      In Terraform: cloud_watch_logs_group_arn = "${aws_cloudwatch_log_group.audit.arn}:*".
      """,
    references: [
      RuleReference(
        "Sending CloudTrail events to CloudWatch Logs",
        "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/send-cloudtrail-events-to-cloudwatch-logs.html"),
      RuleReference(
        "AWS::CloudTrail::Trail",
        "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-cloudtrail-trail.html"),
      RuleReference(
        "Security Hub control CloudTrail.5",
        "https://docs.aws.amazon.com/securityhub/latest/userguide/cloudtrail-controls.html#cloudtrail-5"),
    ],
    controls: ["CIS AWS Foundations v1.4.0 3.4", "CIS AWS Foundations v1.2.0 2.4", "AWS FSBP CloudTrail.5"],
    triggeringExamples: [
      RuleExample(
        "trail.yaml",
        """
        Resources:
          ↓AuditTrail:
            Type: AWS::CloudTrail::Trail
            Properties:
              IsLogging: true
              S3BucketName: audit-bucket
              CloudWatchLogsRoleArn: arn:aws:iam::123456789012:role/CloudTrailToLogs
        """),
      RuleExample(
        "trail-novalue.yaml",
        """
        Resources:
          AuditTrail:
            Type: AWS::CloudTrail::Trail
            Properties: {IsLogging: true, S3BucketName: audit-bucket, CloudWatchLogsLogGroupArn: ↓!Ref AWS::NoValue}
        """),
      RuleExample(
        "trail.json",
        """
        {"Resources": {↓"AuditTrail": {"Type": "AWS::CloudTrail::Trail", "Properties": {"IsLogging": true, \
        "S3BucketName": "audit-bucket"}}, "Second": {"Type": "AWS::CloudTrail::Trail", "Properties": \
        {"IsLogging": true, "S3BucketName": "audit-bucket", "CloudWatchLogsLogGroupArn": ↓""}}}}
        """),
      RuleExample(
        "tfplan.json",
        """
        {
          "format_version": "1.2",
          "terraform_version": "1.9.8",
          "resource_changes": [
            {
              ↓"address": "module.audit.aws_cloudtrail.this[0]",
              "module_address": "module.audit",
              "mode": "managed",
              "type": "aws_cloudtrail",
              "name": "this",
              "index": 0,
              "change": {
                "actions": ["create"],
                "before": null,
                "after": {
                  "cloud_watch_logs_group_arn": null,
                  "cloud_watch_logs_role_arn": "arn:aws:iam::123456789012:role/CloudTrailToLogs",
                  "name": "audit",
                  "s3_bucket_name": "audit-bucket"
                },
                "after_unknown": {"arn": true, "home_region": true, "id": true}
              }
            }
          ]
        }
        """),
      RuleExample(
        "trail.tf",
        """
        # Terraform: a missing argument is reported at the block's header.
        ↓resource "aws_cloudtrail" "audit" {
          name                      = "audit"
          s3_bucket_name            = "audit-bucket"
          cloud_watch_logs_role_arn = "arn:aws:iam::123456789012:role/CloudTrailToLogs"
        }
        resource "aws_cloudtrail" "regional" {
          name                       = "regional"
          s3_bucket_name             = "audit-bucket"
          cloud_watch_logs_group_arn = ↓var.log_group_arn
          cloud_watch_logs_role_arn  = "arn:aws:iam::123456789012:role/CloudTrailToLogs"
        }
        variable "log_group_arn" {
          default = null
        }
        """),
    ],
    nonTriggeringExamples: [
      RuleExample(
        "trail.yaml",
        """
        Resources:
          AuditLogs:
            Type: AWS::Logs::LogGroup
            Properties:
              RetentionInDays: 365
          AuditTrail:
            Type: AWS::CloudTrail::Trail
            Properties:
              IsLogging: true
              S3BucketName: audit-bucket
              CloudWatchLogsLogGroupArn: !GetAtt AuditLogs.Arn
              CloudWatchLogsRoleArn: arn:aws:iam::123456789012:role/CloudTrailToLogs
        """),
      RuleExample(
        "trail-parameter.json",
        """
        {
          "Parameters": {"LogGroupArn": {"Type": "String"}},
          "Resources": {
            "AuditTrail": {
              "Type": "AWS::CloudTrail::Trail",
              "Properties": {
                "IsLogging": true,
                "S3BucketName": "audit-bucket",
                "CloudWatchLogsLogGroupArn": {"Ref": "LogGroupArn"},
                "CloudWatchLogsRoleArn": "arn:aws:iam::123456789012:role/CloudTrailToLogs"
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
              "address": "aws_cloudtrail.audit",
              "mode": "managed",
              "type": "aws_cloudtrail",
              "name": "audit",
              "change": {
                "actions": ["create"],
                "before": null,
                "after": {
                  "cloud_watch_logs_role_arn": "arn:aws:iam::123456789012:role/CloudTrailToLogs",
                  "name": "audit",
                  "s3_bucket_name": "audit-bucket"
                },
                "after_unknown": {"arn": true, "cloud_watch_logs_group_arn": true, "id": true}
              }
            },
            {
              "address": "aws_cloudwatch_log_group.audit",
              "mode": "managed",
              "type": "aws_cloudwatch_log_group",
              "name": "audit",
              "change": {
                "actions": ["create"],
                "before": null,
                "after": {"name": "/aws/cloudtrail/audit", "retention_in_days": 365},
                "after_unknown": {"arn": true, "id": true}
              }
            }
          ],
          "configuration": {
            "root_module": {
              "resources": [
                {
                  "address": "aws_cloudtrail.audit",
                  "mode": "managed",
                  "type": "aws_cloudtrail",
                  "name": "audit",
                  "expressions": {
                    "cloud_watch_logs_group_arn": {
                      "references": ["aws_cloudwatch_log_group.audit.arn", "aws_cloudwatch_log_group.audit"]
                    }
                  }
                }
              ]
            }
          }
        }
        """),
      RuleExample(
        "trail.tf",
        """
        resource "aws_cloudwatch_log_group" "audit" {
          retention_in_days = 365
        }
        resource "aws_cloudtrail" "audit" {
          name                       = "audit"
          s3_bucket_name             = "audit-bucket"
          cloud_watch_logs_group_arn = "${aws_cloudwatch_log_group.audit.arn}:*"
          cloud_watch_logs_role_arn  = "arn:aws:iam::123456789012:role/CloudTrailToLogs"
        }
        resource "aws_cloudtrail" "from_module" {
          name                       = "from-module"
          s3_bucket_name             = "audit-bucket"
          cloud_watch_logs_group_arn = module.logs.arn
          cloud_watch_logs_role_arn  = "arn:aws:iam::123456789012:role/CloudTrailToLogs"
        }
        module "logs" {
          source = "terraform-aws-modules/cloudwatch/aws//modules/log-group"
        }
        """),
    ]
  )

  public func check(_ infrastructure: Infrastructure, settings: RuleSettings) -> [Violation] {
    TrailAttributeCheck(attribute: \.logGroup, consequence: "its events never reach CloudWatch Logs")
      .violations(in: infrastructure, settings: settings)
  }
}
