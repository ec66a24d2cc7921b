import Rules
import Testing

/// TW104 (the log group ARN's shape) and TW105 (logging switched off), through every way a value
/// reaches the property.
struct TrailPropertyTests {
  static let role = "arn:aws:iam::123456789012:role/CloudTrailToLogs"

  static func trailYAML(_ name: String, _ arn: String) -> String {
    """
      \(name):
        Type: AWS::CloudTrail::Trail
        Properties:
          IsLogging: true
          S3BucketName: bucket
          CloudWatchLogsRoleArn: \(role)
          CloudWatchLogsLogGroupArn: \(arn)
    """
  }

  static func trailJSON(_ name: String, _ arn: String) -> String {
    #""\#(name)": {"Type": "AWS::CloudTrail::Trail", "Properties": {"IsLogging": true, "S3BucketName": "bucket", "CloudWatchLogsRoleArn": "\#(role)", "CloudWatchLogsLogGroupArn": \#(arn)}}"#
  }

  @Test("a log group ARN that is a name, another kind of ARN, or lacks ':*' is reported at the value")
  func malformedArns() {
    let trails: [(String, yaml: String, json: String)] = [
      ("Named", "↓!Ref AuditLogs", #"↓{"Ref": "AuditLogs"}"#),
      ("Generated", "↓!Ref GenLogs", #"↓{"Ref": "GenLogs"}"#),
      ("NoWildcard", "↓arn:aws:logs:us-east-1:123456789012:log-group:audit", #"↓"arn:aws:logs:us-east-1:123456789012:log-group:audit""#),
      ("Bucket", "↓arn:aws:s3:::audit-bucket", #"↓"arn:aws:s3:::audit-bucket""#),
      ("Stream", "↓arn:aws:logs:us-east-1:123456789012:log-group:audit:log-stream:x", #"↓"arn:aws:logs:us-east-1:123456789012:log-group:audit:log-stream:x""#),
      ("FromDefault", "↓!Ref GroupArn", #"↓{"Ref": "GroupArn"}"#),
      ("Switched", "!If [Legacy, ↓!Ref AuditLogs, !GetAtt AuditLogs.Arn]", #"{"Fn::If": ["Legacy", ↓{"Ref": "AuditLogs"}, {"Fn::GetAtt": ["AuditLogs", "Arn"]}]}"#),
      ("Fine", "!GetAtt AuditLogs.Arn", #"{"Fn::GetAtt": ["AuditLogs", "Arn"]}"#),
      ("FineSub", #"!Sub "arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:${GenLogs}:*""#,
       #"{"Fn::Sub": "arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:${GenLogs}:*"}"#),
      ("Unknowable", #"!Sub "arn:aws:logs:${AWS::Region}:${AWS::AccountId}:log-group:${Unset}""#,
       #"{"Fn::Sub": "arn:aws:logs:${AWS::Region}:${AWS::AccountId}:log-group:${Unset}"}"#),
    ]
    let yaml = """
      Parameters:
        GroupArn: {Type: String, Default: "arn:aws:logs:eu-west-1:123456789012:log-group:audit"}
        Unset: {Type: String}
        Stage: {Type: String, Default: prod}
      Conditions:
        Legacy: !Equals [!Ref Stage, legacy]
      Resources:
        AuditLogs: {Type: AWS::Logs::LogGroup, Properties: {LogGroupName: audit, RetentionInDays: 365}}
        GenLogs: {Type: AWS::Logs::LogGroup, Properties: {RetentionInDays: 365}}
      \(trails.map { Self.trailYAML($0.0, $0.yaml) }.joined(separator: "\n"))
      """
    let json = """
      {"Parameters": {"GroupArn": {"Type": "String", "Default": "arn:aws:logs:eu-west-1:123456789012:log-group:audit"},
        "Unset": {"Type": "String"}, "Stage": {"Type": "String", "Default": "prod"}},
       "Conditions": {"Legacy": {"Fn::Equals": [{"Ref": "Stage"}, "legacy"]}},
       "Resources": {
        "AuditLogs": {"Type": "AWS::Logs::LogGroup", "Properties": {"LogGroupName": "audit", "RetentionInDays": 365}},
        "GenLogs": {"Type": "AWS::Logs::LogGroup", "Properties": {"RetentionInDays": 365}},
        \(trails.map { Self.trailJSON($0.0, $0.json) }.joined(separator: ",\n  "))}}
      """
    let shape = "(arn:PARTITION:logs:REGION:ACCOUNT:log-group:NAME:*)"
    LintCase(
      name: "TW104", yaml: yaml, json: json,
      expected: [
        "TW104 warning: CloudWatchLogsLogGroupArn of trail 'Named' is 'audit', which is not an ARN (it is the name of log group 'AuditLogs'); CloudTrail needs the log group's ARN, ending in ':*'",
        "TW104 warning: CloudWatchLogsLogGroupArn of trail 'Generated' is '${GenLogs}', which is not an ARN (it is the name of log group 'GenLogs'); CloudTrail needs the log group's ARN, ending in ':*'",
        "TW104 warning: CloudWatchLogsLogGroupArn of trail 'NoWildcard' is 'arn:aws:logs:us-east-1:123456789012:log-group:audit', which lacks the ':*' ending CloudTrail requires of a log group ARN",
        "TW104 warning: CloudWatchLogsLogGroupArn of trail 'Bucket' is 'arn:aws:s3:::audit-bucket', which is not a CloudWatch Logs log group ARN \(shape)",
        "TW104 warning: CloudWatchLogsLogGroupArn of trail 'Stream' is 'arn:aws:logs:us-east-1:123456789012:log-group:audit:log-stream:x', which is not a CloudWatch Logs log group ARN \(shape)",
        "TW104 warning: CloudWatchLogsLogGroupArn of trail 'FromDefault' is 'arn:aws:logs:eu-west-1:123456789012:log-group:audit' (parameter GroupArn, default arn:aws:logs:eu-west-1:123456789012:log-group:audit), which lacks the ':*' ending CloudTrail requires of a log group ARN",
        "TW104 warning: CloudWatchLogsLogGroupArn of trail 'Switched' is 'audit' when condition Legacy is true, which is not an ARN (it is the name of log group 'AuditLogs'); CloudTrail needs the log group's ARN, ending in ':*'; with the parameter defaults Legacy is false",
      ]
    ).verify()
  }

  @Test("IsLogging false is reported at the value, from a literal, a parameter default or an allowed value")
  func loggingDisabled() {
    LintCase(
      name: "TW105",
      yaml: """
        Parameters:
          Logging: {Type: String, Default: "false"}
          Toggle: {Type: String, Default: "true", AllowedValues: ["true", "false"]}
        Resources:
          Literal: {Type: AWS::CloudTrail::Trail, Properties: {IsLogging: ↓False, S3BucketName: bucket}}
          Defaulted: {Type: AWS::CloudTrail::Trail, Properties: {IsLogging: ↓!Ref Logging, S3BucketName: bucket}}
          Allowed: {Type: AWS::CloudTrail::Trail, Properties: {IsLogging: ↓!Ref Toggle, S3BucketName: bucket}}
          On: {Type: AWS::CloudTrail::Trail, Properties: {IsLogging: "true", S3BucketName: bucket}}
          Absent: {Type: AWS::CloudTrail::Trail, Properties: {S3BucketName: bucket}}
        """.replacing("S3BucketName: bucket}", with: "S3BucketName: bucket, CloudWatchLogsLogGroupArn: 'arn:aws:logs:us-east-1:123456789012:log-group:audit:*', CloudWatchLogsRoleArn: \(Self.role)}"),
      json: """
        {"Parameters": {"Logging": {"Type": "String", "Default": "false"},
          "Toggle": {"Type": "String", "Default": "true", "AllowedValues": ["true", "false"]}},
         "Resources": {
          "Literal": {"Type": "AWS::CloudTrail::Trail", "Properties": {"IsLogging": ↓false, "S3BucketName": "bucket"}},
          "Defaulted": {"Type": "AWS::CloudTrail::Trail", "Properties": {"IsLogging": ↓{"Ref": "Logging"}, "S3BucketName": "bucket"}},
          "Allowed": {"Type": "AWS::CloudTrail::Trail", "Properties": {"IsLogging": ↓{"Ref": "Toggle"}, "S3BucketName": "bucket"}},
          "On": {"Type": "AWS::CloudTrail::Trail", "Properties": {"IsLogging": "true", "S3BucketName": "bucket"}},
          "Absent": {"Type": "AWS::CloudTrail::Trail", "Properties": {"S3BucketName": "bucket"}}}}
        """.replacing(#""S3BucketName": "bucket"}"#, with: #""S3BucketName": "bucket", "CloudWatchLogsLogGroupArn": "arn:aws:logs:us-east-1:123456789012:log-group:audit:*", "CloudWatchLogsRoleArn": "\#(Self.role)"}"#),
      expected: [
        "TW105 warning: trail 'Literal' has IsLogging false, so it records no events",
        "TW105 warning: trail 'Defaulted' has IsLogging false (parameter Logging, default false), so it records no events",
        "TW105 warning: trail 'Allowed' has IsLogging false when parameter Toggle is false (one of its AllowedValues; the default is true), so it records no events",
      ]
    ).verify()
  }
}
