import Rules
import Testing

/// Intrinsic functions are evaluated as CloudFormation does, so a trail is linked to its log group
/// however the ARN is written; each log group here keeps events for 30 days, so a TW202 finding at its
/// retention proves the link.
struct EvaluationTests {
  static let role = "arn:aws:iam::123456789012:role/CloudTrailToLogs"

  @Test("Sub (both forms, ${X}, ${X.Arn}), Join, Select and Split, FindInMap (and DefaultValue) and literal ARNs all link")
  func linking() {
    let yaml = """
      Parameters:
        Env: {Type: String, Default: staging}
      Mappings:
        Groups:
          prod: {Arn: "arn:aws:logs:us-east-1:123456789012:log-group:/audit/mapped:*"}
      Resources:
        SubLogs: {Type: AWS::Logs::LogGroup, Properties: {RetentionInDays: ↓30}}
        SubListLogs: {Type: AWS::Logs::LogGroup, Properties: {RetentionInDays: ↓30}}
        SubArnLogs: {Type: AWS::Logs::LogGroup, Properties: {RetentionInDays: ↓30}}
        JoinLogs: {Type: AWS::Logs::LogGroup, Properties: {RetentionInDays: ↓30}}
        SplitLogs: {Type: AWS::Logs::LogGroup, Properties: {RetentionInDays: ↓30}}
        MappedLogs: {Type: AWS::Logs::LogGroup, Properties: {LogGroupName: /audit/mapped, RetentionInDays: ↓30}}
        LiteralLogs: {Type: AWS::Logs::LogGroup, Properties: {LogGroupName: /audit/literal, RetentionInDays: ↓30}}
        T1:
          Type: AWS::CloudTrail::Trail
          Properties:
            IsLogging: true
            S3BucketName: bucket
            CloudWatchLogsRoleArn: \(Self.role)
            CloudWatchLogsLogGroupArn: !Sub "arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:${SubLogs}:*"
        T2:
          Type: AWS::CloudTrail::Trail
          Properties:
            IsLogging: true
            S3BucketName: bucket
            CloudWatchLogsRoleArn: \(Self.role)
            CloudWatchLogsLogGroupArn: !Sub
              - "arn:aws:logs:${Region}:${AWS::AccountId}:log-group:${Name}:*"
              - {Name: !Ref SubListLogs, Region: !Ref "AWS::Region"}
        T3:
          Type: AWS::CloudTrail::Trail
          Properties:
            IsLogging: true
            S3BucketName: bucket
            CloudWatchLogsRoleArn: \(Self.role)
            CloudWatchLogsLogGroupArn: !Sub "${SubArnLogs.Arn}"
        T4:
          Type: AWS::CloudTrail::Trail
          Properties:
            IsLogging: true
            S3BucketName: bucket
            CloudWatchLogsRoleArn: \(Self.role)
            CloudWatchLogsLogGroupArn: !Join [":", [arn, !Ref AWS::Partition, logs, !Ref AWS::Region, !Ref AWS::AccountId, log-group, !Ref JoinLogs, "*"]]
        T5:
          Type: AWS::CloudTrail::Trail
          Properties:
            IsLogging: true
            S3BucketName: bucket
            CloudWatchLogsRoleArn: \(Self.role)
            CloudWatchLogsLogGroupArn: !Select [1, !Split ["|", !Sub "ignored|${SplitLogs.Arn}|ignored"]]
        T6:
          Type: AWS::CloudTrail::Trail
          Properties:
            IsLogging: true
            S3BucketName: bucket
            CloudWatchLogsRoleArn: \(Self.role)
            CloudWatchLogsLogGroupArn: !FindInMap [Groups, !Ref Env, Arn, {DefaultValue: "arn:aws:logs:us-east-1:123456789012:log-group:/audit/mapped:*"}]
        T7:
          Type: AWS::CloudTrail::Trail
          Properties:
            IsLogging: true
            S3BucketName: bucket
            CloudWatchLogsRoleArn: \(Self.role)
            CloudWatchLogsLogGroupArn: arn:aws:logs:eu-west-1:123456789012:log-group:/audit/literal:*
      """
    let json = """
      {"Parameters": {"Env": {"Type": "String", "Default": "staging"}},
       "Mappings": {"Groups": {"prod": {"Arn": "arn:aws:logs:us-east-1:123456789012:log-group:/audit/mapped:*"}}},
       "Resources": {
        "SubLogs": {"Type": "AWS::Logs::LogGroup", "Properties": {"RetentionInDays": ↓30}},
        "SubListLogs": {"Type": "AWS::Logs::LogGroup", "Properties": {"RetentionInDays": ↓30}},
        "SubArnLogs": {"Type": "AWS::Logs::LogGroup", "Properties": {"RetentionInDays": ↓30}},
        "JoinLogs": {"Type": "AWS::Logs::LogGroup", "Properties": {"RetentionInDays": ↓30}},
        "SplitLogs": {"Type": "AWS::Logs::LogGroup", "Properties": {"RetentionInDays": ↓30}},
        "MappedLogs": {"Type": "AWS::Logs::LogGroup", "Properties": {"LogGroupName": "/audit/mapped", "RetentionInDays": ↓30}},
        "LiteralLogs": {"Type": "AWS::Logs::LogGroup", "Properties": {"LogGroupName": "/audit/literal", "RetentionInDays": ↓30}},
        "T1": {"Type": "AWS::CloudTrail::Trail", "Properties": {"IsLogging": true, "S3BucketName": "bucket", "CloudWatchLogsRoleArn": "\(Self.role)",
          "CloudWatchLogsLogGroupArn": {"Fn::Sub": "arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:${SubLogs}:*"}}},
        "T2": {"Type": "AWS::CloudTrail::Trail", "Properties": {"IsLogging": true, "S3BucketName": "bucket", "CloudWatchLogsRoleArn": "\(Self.role)",
          "CloudWatchLogsLogGroupArn": {"Fn::Sub": ["arn:aws:logs:${Region}:${AWS::AccountId}:log-group:${Name}:*",
            {"Name": {"Ref": "SubListLogs"}, "Region": {"Ref": "AWS::Region"}}]}}},
        "T3": {"Type": "AWS::CloudTrail::Trail", "Properties": {"IsLogging": true, "S3BucketName": "bucket", "CloudWatchLogsRoleArn": "\(Self.role)",
          "CloudWatchLogsLogGroupArn": {"Fn::Sub": "${SubArnLogs.Arn}"}}},
        "T4": {"Type": "AWS::CloudTrail::Trail", "Properties": {"IsLogging": true, "S3BucketName": "bucket", "CloudWatchLogsRoleArn": "\(Self.role)",
          "CloudWatchLogsLogGroupArn": {"Fn::Join": [":", ["arn", {"Ref": "AWS::Partition"}, "logs", {"Ref": "AWS::Region"},
            {"Ref": "AWS::AccountId"}, "log-group", {"Ref": "JoinLogs"}, "*"]]}}},
        "T5": {"Type": "AWS::CloudTrail::Trail", "Properties": {"IsLogging": true, "S3BucketName": "bucket", "CloudWatchLogsRoleArn": "\(Self.role)",
          "CloudWatchLogsLogGroupArn": {"Fn::Select": [1, {"Fn::Split": ["|", {"Fn::Sub": "ignored|${SplitLogs.Arn}|ignored"}]}]}}},
        "T6": {"Type": "AWS::CloudTrail::Trail", "Properties": {"IsLogging": true, "S3BucketName": "bucket", "CloudWatchLogsRoleArn": "\(Self.role)",
          "CloudWatchLogsLogGroupArn": {"Fn::FindInMap": ["Groups", {"Ref": "Env"}, "Arn",
            {"DefaultValue": "arn:aws:logs:us-east-1:123456789012:log-group:/audit/mapped:*"}]}}},
        "T7": {"Type": "AWS::CloudTrail::Trail", "Properties": {"IsLogging": true, "S3BucketName": "bucket", "CloudWatchLogsRoleArn": "\(Self.role)",
          "CloudWatchLogsLogGroupArn": "arn:aws:logs:eu-west-1:123456789012:log-group:/audit/literal:*"}}}}
      """
    let groups = [
      ("SubLogs", "T1"), ("SubListLogs", "T2"), ("SubArnLogs", "T3"), ("JoinLogs", "T4"), ("SplitLogs", "T5"),
      ("MappedLogs", "T6"), ("LiteralLogs", "T7"),
    ]
    LintCase(
      name: "linking", yaml: yaml, json: json,
      expected: groups.map {
        "TW202 error: log group '\($0.0)' keeps the events of trail '\($0.1)' for 30 days, fewer than the minimum of 365"
      }
    ).verify()
  }

  /// A role that lets CloudTrail write anywhere, so only the notes under test appear.
  static let openRoleYAML = """
      Role:
        Type: AWS::IAM::Role
        Properties:
          AssumeRolePolicyDocument:
            Statement: [{Effect: Allow, Principal: {Service: cloudtrail.amazonaws.com}, Action: "sts:AssumeRole"}]
          Policies: [{PolicyName: all, PolicyDocument: {Statement: [{Effect: Allow, Action: "logs:*", Resource: "*"}]}}]
    """
  static let openRoleJSON = """
    "Role": {"Type": "AWS::IAM::Role", "Properties": {
      "AssumeRolePolicyDocument": {"Statement": [{"Effect": "Allow", "Principal": {"Service": "cloudtrail.amazonaws.com"}, "Action": "sts:AssumeRole"}]},
      "Policies": [{"PolicyName": "all", "PolicyDocument": {"Statement": [{"Effect": "Allow", "Action": "logs:*", "Resource": "*"}]}}]}}
    """

  @Test("values known only at deploy time are never findings; --show-unknown notes each once, with why")
  func unknownValues() {
    let yaml = """
      Parameters:
        GroupName: {Type: String}
      Resources:
      \(Self.openRoleYAML)
        AZLogs: {Type: AWS::Logs::LogGroup, Properties: {RetentionInDays: ↓!Select [0, !GetAZs ""]}}
        EncodedLogs: {Type: AWS::Logs::LogGroup, Properties: {RetentionInDays: ↓!Base64 "30"}}
        CidrLogs: {Type: AWS::Logs::LogGroup, Properties: {RetentionInDays: ↓!Select [0, !Cidr [10.0.0.0/16, 2, 8]]}}
        Imported:
          Type: AWS::CloudTrail::Trail
          Properties:
            IsLogging: true
            S3BucketName: bucket
            CloudWatchLogsRoleArn: !GetAtt Role.Arn
            CloudWatchLogsLogGroupArn: ↓!ImportValue AuditLogGroupArn
        Named:
          Type: AWS::CloudTrail::Trail
          Properties:
            IsLogging: true
            S3BucketName: bucket
            CloudWatchLogsRoleArn: !GetAtt Role.Arn
            CloudWatchLogsLogGroupArn: ↓!Sub "arn:aws:logs:${AWS::Region}:${AWS::AccountId}:log-group:${GroupName}:*"
        Elsewhere:
          Type: AWS::CloudTrail::Trail
          Properties:
            IsLogging: true
            S3BucketName: bucket
            CloudWatchLogsRoleArn: !GetAtt Role.Arn
            CloudWatchLogsLogGroupArn: ↓arn:aws:logs:us-east-1:123456789012:log-group:elsewhere:*
      """
    let json = """
      {"Parameters": {"GroupName": {"Type": "String"}},
       "Resources": {
        \(Self.openRoleJSON),
        "AZLogs": {"Type": "AWS::Logs::LogGroup", "Properties": {"RetentionInDays": ↓{"Fn::Select": [0, {"Fn::GetAZs": ""}]}}},
        "EncodedLogs": {"Type": "AWS::Logs::LogGroup", "Properties": {"RetentionInDays": ↓{"Fn::Base64": "30"}}},
        "CidrLogs": {"Type": "AWS::Logs::LogGroup", "Properties": {"RetentionInDays": ↓{"Fn::Select": [0, {"Fn::Cidr": ["10.0.0.0/16", 2, 8]}]}}},
        "Imported": {"Type": "AWS::CloudTrail::Trail", "Properties": {"IsLogging": true, "S3BucketName": "bucket",
          "CloudWatchLogsRoleArn": {"Fn::GetAtt": ["Role", "Arn"]}, "CloudWatchLogsLogGroupArn": ↓{"Fn::ImportValue": "AuditLogGroupArn"}}},
        "Named": {"Type": "AWS::CloudTrail::Trail", "Properties": {"IsLogging": true, "S3BucketName": "bucket",
          "CloudWatchLogsRoleArn": {"Fn::GetAtt": ["Role", "Arn"]},
          "CloudWatchLogsLogGroupArn": ↓{"Fn::Sub": "arn:aws:logs:${AWS::Region}:${AWS::AccountId}:log-group:${GroupName}:*"}}},
        "Elsewhere": {"Type": "AWS::CloudTrail::Trail", "Properties": {"IsLogging": true, "S3BucketName": "bucket",
          "CloudWatchLogsRoleArn": {"Fn::GetAtt": ["Role", "Arn"]},
          "CloudWatchLogsLogGroupArn": ↓"arn:aws:logs:us-east-1:123456789012:log-group:elsewhere:*"}}}}
      """
    LintCase(name: "quiet", yaml: yaml.replacing("↓", with: ""), json: json.replacing("↓", with: ""), expected: []).verify()
    LintCase(
      name: "--show-unknown", yaml: yaml, json: json,
      expected: [
        "TW201 note: RetentionInDays of log group 'AZLogs' cannot be checked before deploy: it is the list of the region's Availability Zones, known at deploy time",
        "TW201 note: RetentionInDays of log group 'EncodedLogs' cannot be checked before deploy: it is encoded with Fn::Base64",
        "TW201 note: RetentionInDays of log group 'CidrLogs' cannot be checked before deploy: it is computed by Fn::Cidr at deploy time",
        "TW101 note: CloudWatchLogsLogGroupArn of trail 'Imported' cannot be checked before deploy: it is imported from another stack with Fn::ImportValue",
        "TW202 note: the retention of the log group that trail 'Named' delivers to cannot be checked before deploy: it comes from parameter GroupName, which has no default",
        "TW202 note: the retention of the log group that trail 'Elsewhere' delivers to cannot be checked: arn:aws:logs:us-east-1:123456789012:log-group:elsewhere:* is not a log group in this file",
      ],
      settings: RuleSettings(showUnknown: true)
    ).verify()
  }
}
