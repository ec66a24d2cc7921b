import InfraModel

/// TW105: a trail deployed with logging turned off.
public struct TrailLoggingDisabledRule: Rule {
  public init() {}

  public static let description = RuleDescription(
    id: "TW105",
    name: "trail-logging-disabled",
    severity: .warning,
    summary: "A CloudTrail trail is deployed with logging turned off.",
    rationale: """
      IsLogging: false (Terraform: enable_logging = false) creates the trail but records nothing: no \
      events reach S3 or CloudWatch Logs, and the metric filters and alarms built on them stay silent \
      while everything looks deployed. false in a branch of Fn::If, or from a parameter's default or \
      AllowedValues, is reported with the condition or parameter that leads to it.
      """,
    remediation: """
      Set IsLogging: true (Terraform: enable_logging = true, its default). If an environment must not \
      have the trail, deploy the trail there under a resource Condition rather than switching it off.
      """,
    references: [
      RuleReference(
        "AWS::CloudTrail::Trail IsLogging",
        "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-cloudtrail-trail.html#cfn-cloudtrail-trail-islogging"),
      RuleReference(
        "Security Hub control CloudTrail.1",
        "https://docs.aws.amazon.com/securityhub/latest/userguide/cloudtrail-controls.html#cloudtrail-1"),
    ],
    controls: ["CIS AWS Foundations v1.4.0 3.1", "AWS FSBP CloudTrail.1"],
    triggeringExamples: [
      RuleExample(
        "trail.yaml",
        """
        Parameters:
          Environment: {Type: String, Default: prod, AllowedValues: [prod, test]}
        Conditions:
          IsTest: !Equals [!Ref Environment, test]
        Resources:
          AuditTrail:
            Type: AWS::CloudTrail::Trail
            Properties:
              IsLogging: !If [IsTest, ↓false, true]
              S3BucketName: audit-bucket
        """),
      RuleExample(
        "trail.json",
        """
        {"Resources": {"AuditTrail": {"Type": "AWS::CloudTrail::Trail", "Properties": {"IsLogging": ↓"false", \
        "S3BucketName": "audit-bucket"}}}}
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
                "actions": ["update"],
                "before": {"enable_logging": true, "name": "audit"},
                "after": {
                  "cloud_watch_logs_group_arn": "arn:aws:logs:eu-west-1:123456789012:log-group:audit:*",
                  "cloud_watch_logs_role_arn": "arn:aws:iam::123456789012:role/CloudTrailToLogs",
                  "enable_logging": ↓false,
                  "name": "audit",
                  "s3_bucket_name": "audit-bucket"
                },
                "after_unknown": {}
              }
            }
          ]
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
            Properties: {IsLogging: true, S3BucketName: audit-bucket}
        """),
      RuleExample(
        "trail.json",
        """
        {"Parameters": {"Logging": {"Type": "String"}}, "Resources": {"AuditTrail": {"Type": "AWS::CloudTrail::Trail", \
        "Properties": {"IsLogging": {"Ref": "Logging"}, "S3BucketName": "audit-bucket"}}}}
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
                  "cloud_watch_logs_group_arn": "arn:aws:logs:eu-west-1:123456789012:log-group:audit:*",
                  "cloud_watch_logs_role_arn": "arn:aws:iam::123456789012:role/CloudTrailToLogs",
                  "enable_logging": true,
                  "name": "audit",
                  "s3_bucket_name": "audit-bucket"
                },
                "after_unknown": {"arn": true, "id": true}
              }
            }
          ]
        }
        """),
    ]
  )

  public func check(_ infrastructure: Infrastructure, settings: RuleSettings) -> [Violation] {
    var violations: [Violation] = []
    for trail in infrastructure.trails {
      let value = trail.isLogging
      for outcome in value.outcomes {
        switch outcome.state {
        case .explicit(false):
          let message = "trail \(Wording.name(trail.identity)) has \(value.name) false\(Wording.when(outcome))"
            + "\(Wording.origin(outcome)), so it records no events"
            + Wording.circumstances(outcome, of: trail.identity, noun: "trail")
          violations.append(Violation(message, at: outcome.range, resource: trail.identity))
        case .unknown(let reason) where settings.showUnknown:
          let message = Wording.undecided(value, outcome, of: trail.identity, noun: "trail", reason: reason)
          violations.append(Violation(message, at: outcome.range, resource: trail.identity, severity: .note))
        case .explicit, .absent, .unknown, .malformed:
          break
        }
      }
    }
    return violations
  }
}
