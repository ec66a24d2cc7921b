import InfraModel

/// TW104: a trail's log group ARN that is not the `…:log-group:NAME:*` CloudTrail requires.
public struct TrailLogGroupArnMalformedRule: Rule {
  public init() {}

  public static let description = RuleDescription(
    id: "TW104",
    name: "trail-log-group-arn-malformed",
    severity: .warning,
    summary: "A trail's log group ARN is not a CloudWatch Logs log group ARN ending in ':*'.",
    rationale: """
      CloudTrail accepts only arn:PARTITION:logs:REGION:ACCOUNT:log-group:NAME:* in \
      CloudWatchLogsLogGroupArn (Terraform: cloud_watch_logs_group_arn); anything else fails the deploy \
      with "CloudTrail cannot validate the specified log group ARN", often after the log group and role \
      were created. Two mistakes are common: !Ref LogGroup, which returns the group's name, not its \
      ARN; and an ARN written out (or a Terraform aws_cloudwatch_log_group's arn) without the :* ending. \
      Values known only at deploy time are not judged.
      """,
    remediation: """
      Use !GetAtt LogGroup.Arn, which already ends in :*, or write the ending yourself: \
      !Sub "arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:${LogGroup}:*" \
      (Terraform: "${aws_cloudwatch_log_group.audit.arn}:*").
      """,
    references: [
      RuleReference(
        "AWS::CloudTrail::Trail CloudWatchLogsLogGroupArn",
        "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-cloudtrail-trail.html#cfn-cloudtrail-trail-cloudwatchlogsloggrouparn"),
      RuleReference(
        "AWS::Logs::LogGroup return values",
        "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-logs-loggroup.html#aws-resource-logs-loggroup-return-values"),
      RuleReference(
        "Terraform aws_cloudtrail: cloud_watch_logs_group_arn",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cloudtrail#cloud_watch_logs_group_arn"),
    ],
    triggeringExamples: [
      RuleExample(
        "trail.yaml",
        """
        Resources:
          AuditLogs:
            Type: AWS::Logs::LogGroup
            Properties: {RetentionInDays: 365}
          AuditTrail:
            Type: AWS::CloudTrail::Trail
            Properties:
              IsLogging: true
              S3BucketName: audit-bucket
              CloudWatchLogsLogGroupArn: ↓!Ref AuditLogs
              CloudWatchLogsRoleArn: arn:aws:iam::123456789012:role/CloudTrailToLogs
          RegionalTrail:
            Type: AWS::CloudTrail::Trail
            Properties:
              IsLogging: true
              S3BucketName: audit-bucket
              CloudWatchLogsLogGroupArn: ↓!Sub "arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:${AuditLogs}"
              CloudWatchLogsRoleArn: arn:aws:iam::123456789012:role/CloudTrailToLogs
        """),
      RuleExample(
        "trail.json",
        """
        {"Resources": {"AuditTrail": {"Type": "AWS::CloudTrail::Trail", "Properties": {"IsLogging": true, \
        "S3BucketName": "audit-bucket", "CloudWatchLogsLogGroupArn": ↓"arn:aws:logs:us-east-1:123456789012:log-group:audit", \
        "CloudWatchLogsRoleArn": "arn:aws:iam::123456789012:role/CloudTrailToLogs"}}}}
        """),
      RuleExample(
        "tfplan.json",
        """
        {
          "format_version": "1.2",
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
                  "name": "audit",
                  "cloud_watch_logs_group_arn": ↓"arn:aws:logs:us-east-1:123456789012:log-group:audit",
                  "cloud_watch_logs_role_arn": "arn:aws:iam::123456789012:role/CloudTrailToLogs"
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
        Parameters:
          LogGroupArn: {Type: String}
        Resources:
          AuditLogs:
            Type: AWS::Logs::LogGroup
            Properties: {RetentionInDays: 365}
          AuditTrail:
            Type: AWS::CloudTrail::Trail
            Properties:
              IsLogging: true
              S3BucketName: audit-bucket
              CloudWatchLogsLogGroupArn: !GetAtt AuditLogs.Arn
              CloudWatchLogsRoleArn: arn:aws:iam::123456789012:role/CloudTrailToLogs
          OtherTrail:
            Type: AWS::CloudTrail::Trail
            Properties:
              IsLogging: true
              S3BucketName: audit-bucket
              CloudWatchLogsLogGroupArn: !Ref LogGroupArn
              CloudWatchLogsRoleArn: arn:aws:iam::123456789012:role/CloudTrailToLogs
        """),
      RuleExample(
        "trail.json",
        """
        {"Resources": {"AuditTrail": {"Type": "AWS::CloudTrail::Trail", "Properties": {"IsLogging": true, \
        "S3BucketName": "audit-bucket", "CloudWatchLogsLogGroupArn": \
        {"Fn::Sub": "arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:/aws/cloudtrail/audit:*"}, \
        "CloudWatchLogsRoleArn": "arn:aws:iam::123456789012:role/CloudTrailToLogs"}}}}
        """),
    ]
  )

  public func check(_ infrastructure: Infrastructure, settings: RuleSettings) -> [Violation] {
    var violations: [Violation] = []
    var index: ResourceIndex?
    for trail in infrastructure.trails {
      let value = trail.logGroup
      for outcome in value.outcomes {
        guard case .explicit(let reference) = outcome.state, let shape = reference.shape,
          let problem = LogGroupArnShape.problem(with: shape)
        else { continue }
        // Built at the first malformed ARN, as TW106 does: most files have none.
        let groups = index ?? ResourceIndex(infrastructure)
        index = groups
        let named = reference.target.flatMap(groups.logGroup(named:))
        let explanation: String
        switch problem {
        case .notAnARN:
          explanation = "which is not an ARN"
            + (named.map { " (it is the name of log group \(Wording.name($0.identity)))" } ?? "")
            + "; CloudTrail needs the log group's ARN, ending in ':*'"
        case .notALogGroup:
          explanation = "which is not a CloudWatch Logs log group ARN (arn:PARTITION:logs:REGION:ACCOUNT:log-group:NAME:*)"
        case .missingWildcard:
          explanation = "which lacks the ':*' ending CloudTrail requires of a log group ARN"
        }
        let message = "\(value.name) of trail \(Wording.name(trail.identity)) is '\(shape.description)'"
          + "\(Wording.when(outcome))\(Wording.origin(outcome)), \(explanation)"
          + Wording.circumstances(outcome, of: trail.identity, noun: "trail")
        violations.append(Violation(message, at: outcome.range, resource: trail.identity))
      }
    }
    return violations
  }
}
