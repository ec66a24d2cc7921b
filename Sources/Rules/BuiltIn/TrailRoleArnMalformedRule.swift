import InfraModel

/// TW106: a trail's role ARN that is not an IAM role ARN.
public struct TrailRoleArnMalformedRule: Rule {
  public init() {}

  public static let description = RuleDescription(
    id: "TW106",
    name: "trail-role-arn-malformed",
    severity: .warning,
    summary: "A trail's CloudWatch Logs role ARN is not an IAM role ARN.",
    rationale: """
      CloudTrail assumes the role in CloudWatchLogsRoleArn (Terraform: cloud_watch_logs_role_arn) to \
      write to CloudWatch Logs, and accepts only arn:PARTITION:iam::ACCOUNT:role/NAME there; anything \
      else fails the deploy with "Access denied. Verify in IAM that the role has adequate permissions" \
      or an invalid-ARN error. The common mistake is !Ref Role, which returns the role's name, not its \
      ARN; another is pointing at the log group's ARN instead of the role's. Values known only at \
      deploy time are not judged.
      """,
    remediation: """
      Use !GetAtt DeliveryRole.Arn (Terraform: aws_iam_role.delivery.arn), or write the ARN out: \
      !Sub "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/CloudTrailToLogs".
      """,
    references: [
      RuleReference(
        "AWS::CloudTrail::Trail CloudWatchLogsRoleArn",
        "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-cloudtrail-trail.html#cfn-cloudtrail-trail-cloudwatchlogsrolearn"),
      RuleReference(
        "AWS::IAM::Role return values",
        "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-iam-role.html#aws-resource-iam-role-return-values"),
    ],
    triggeringExamples: [
      RuleExample(
        "trail.yaml",
        """
        Resources:
          AuditLogs:
            Type: AWS::Logs::LogGroup
            Properties: {RetentionInDays: 365}
          DeliveryRole:
            Type: AWS::IAM::Role
            Properties:
              AssumeRolePolicyDocument:
                Statement: [{Effect: Allow, Principal: {Service: cloudtrail.amazonaws.com}, Action: sts:AssumeRole}]
          AuditTrail:
            Type: AWS::CloudTrail::Trail
            Properties:
              IsLogging: true
              S3BucketName: audit-bucket
              CloudWatchLogsLogGroupArn: !GetAtt AuditLogs.Arn
              CloudWatchLogsRoleArn: ↓!Ref DeliveryRole
          OtherTrail:
            Type: AWS::CloudTrail::Trail
            Properties:
              IsLogging: true
              S3BucketName: audit-bucket
              CloudWatchLogsLogGroupArn: !GetAtt AuditLogs.Arn
              CloudWatchLogsRoleArn: ↓!GetAtt AuditLogs.Arn
        """),
      RuleExample(
        "trail.json",
        """
        {"Resources": {"AuditTrail": {"Type": "AWS::CloudTrail::Trail", "Properties": {"IsLogging": true, \
        "S3BucketName": "audit-bucket", \
        "CloudWatchLogsLogGroupArn": "arn:aws:logs:us-east-1:123456789012:log-group:audit:*", \
        "CloudWatchLogsRoleArn": ↓"arn:aws:iam::123456789012:user/CloudTrailToLogs"}}}}
        """),
    ],
    nonTriggeringExamples: [
      RuleExample(
        "trail.yaml",
        """
        Parameters:
          RoleArn: {Type: String}
        Resources:
          DeliveryRole:
            Type: AWS::IAM::Role
            Properties:
              Path: /service/
              AssumeRolePolicyDocument:
                Statement: [{Effect: Allow, Principal: {Service: cloudtrail.amazonaws.com}, Action: sts:AssumeRole}]
          AuditTrail:
            Type: AWS::CloudTrail::Trail
            Properties:
              IsLogging: true
              S3BucketName: audit-bucket
              CloudWatchLogsLogGroupArn: arn:aws:logs:us-east-1:123456789012:log-group:audit:*
              CloudWatchLogsRoleArn: !GetAtt DeliveryRole.Arn
          OtherTrail:
            Type: AWS::CloudTrail::Trail
            Properties:
              IsLogging: true
              S3BucketName: audit-bucket
              CloudWatchLogsLogGroupArn: arn:aws:logs:us-east-1:123456789012:log-group:audit:*
              CloudWatchLogsRoleArn: !Ref RoleArn
        """),
      RuleExample(
        "trail.json",
        """
        {"Resources": {"AuditTrail": {"Type": "AWS::CloudTrail::Trail", "Properties": {"IsLogging": true, \
        "S3BucketName": "audit-bucket", \
        "CloudWatchLogsLogGroupArn": "arn:aws:logs:us-east-1:123456789012:log-group:audit:*", \
        "CloudWatchLogsRoleArn": {"Fn::Sub": "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/service/CloudTrailToLogs"}}}}}
        """),
    ]
  )

  public func check(_ infrastructure: Infrastructure, settings: RuleSettings) -> [Violation] {
    var violations: [Violation] = []
    for trail in infrastructure.trails {
      let value = trail.role
      for outcome in value.outcomes {
        guard case .explicit(let reference) = outcome.state, let shape = reference.shape,
          let problem = RoleArnShape.problem(with: shape)
        else { continue }
        let named = reference.target.flatMap { target in infrastructure.roles.first { $0.identity.name == target } }
        let explanation: String
        switch problem {
        case .notAnARN:
          explanation = "which is not an ARN"
            + (named.map { " (it is the name of role \(Wording.name($0.identity)))" } ?? "")
            + "; CloudTrail needs the role's ARN"
        case .notARole:
          explanation = "which is not an IAM role ARN (arn:PARTITION:iam::ACCOUNT:role/NAME)"
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
