import Rules
import Testing

/// With --show-unknown every check that cannot be decided is one note, under the rule that needed
/// the value, saying what is unknown and why; without it, nothing.
struct ShowUnknownTests {
  @Test("each undecidable value is noted once, by the rule that needs it")
  func notes() {
    let yaml = """
      Parameters:
        RoleArn: {Type: String}
        Logging: {Type: String}
        Principal: {Type: String}
      Resources:
        LG: {Type: AWS::Logs::LogGroup, Properties: {RetentionInDays: 365}}
        ExternalRole:
          Type: AWS::CloudTrail::Trail
          Properties:
            IsLogging: ↓!Ref Logging
            S3BucketName: bucket
            CloudWatchLogsLogGroupArn: !GetAtt LG.Arn
            CloudWatchLogsRoleArn: ↓arn:aws:iam::123456789012:role/elsewhere
        ParameterRole:
          Type: AWS::CloudTrail::Trail
          Properties:
            IsLogging: true
            S3BucketName: bucket
            CloudWatchLogsLogGroupArn: !GetAtt LG.Arn
            CloudWatchLogsRoleArn: ↓!Ref RoleArn
        LiteralRole:
          Type: AWS::CloudTrail::Trail
          Properties:
            IsLogging: true
            S3BucketName: bucket
            CloudWatchLogsLogGroupArn: !GetAtt LG.Arn
            CloudWatchLogsRoleArn: arn:aws:iam::123456789012:role/delivery
        ↓↓Delivery:
          Type: AWS::IAM::Role
          Properties:
            RoleName: delivery
            AssumeRolePolicyDocument:
              Statement: [{Effect: Allow, Principal: {Service: !Ref Principal}, Action: "sts:AssumeRole"}]
      """
    let json = """
      {"Parameters": {"RoleArn": {"Type": "String"}, "Logging": {"Type": "String"}, "Principal": {"Type": "String"}},
       "Resources": {
        "LG": {"Type": "AWS::Logs::LogGroup", "Properties": {"RetentionInDays": 365}},
        "ExternalRole": {"Type": "AWS::CloudTrail::Trail", "Properties": {"IsLogging": ↓{"Ref": "Logging"}, "S3BucketName": "bucket",
          "CloudWatchLogsLogGroupArn": {"Fn::GetAtt": ["LG", "Arn"]}, "CloudWatchLogsRoleArn": ↓"arn:aws:iam::123456789012:role/elsewhere"}},
        "ParameterRole": {"Type": "AWS::CloudTrail::Trail", "Properties": {"IsLogging": true, "S3BucketName": "bucket",
          "CloudWatchLogsLogGroupArn": {"Fn::GetAtt": ["LG", "Arn"]}, "CloudWatchLogsRoleArn": ↓{"Ref": "RoleArn"}}},
        "LiteralRole": {"Type": "AWS::CloudTrail::Trail", "Properties": {"IsLogging": true, "S3BucketName": "bucket",
          "CloudWatchLogsLogGroupArn": {"Fn::GetAtt": ["LG", "Arn"]}, "CloudWatchLogsRoleArn": "arn:aws:iam::123456789012:role/delivery"}},
        ↓↓"Delivery": {"Type": "AWS::IAM::Role", "Properties": {"RoleName": "delivery",
          "AssumeRolePolicyDocument": {"Statement": [{"Effect": "Allow", "Principal": {"Service": {"Ref": "Principal"}}, "Action": "sts:AssumeRole"}]}}}}}
      """
    let permissions = "TW103 error: role 'Delivery' has no policy that allows logs:CreateLogStream and logs:PutLogEvents on log group 'LG', so trail 'LiteralRole' cannot deliver its events to CloudWatch Logs"
    // Without --show-unknown only the role that is in the file and can be judged is reported.
    LintCase(
      name: "quiet",
      yaml: yaml.replacing("↓", with: "").replacing("  Delivery:", with: "  ↓Delivery:"),
      json: json.replacing("↓", with: "").replacing(#""Delivery": {"#, with: #"↓"Delivery": {"#),
      expected: [permissions]
    ).verify()
    LintCase(
      name: "--show-unknown", yaml: yaml, json: json,
      expected: [
        "TW105 note: IsLogging of trail 'ExternalRole' cannot be checked before deploy: it comes from parameter Logging, which has no default",
        "TW103 note: whether the role of trail 'ExternalRole' can deliver to CloudWatch Logs cannot be checked: arn:aws:iam::123456789012:role/elsewhere is not a role in this file",
        "TW102 note: CloudWatchLogsRoleArn of trail 'ParameterRole' cannot be checked before deploy: it comes from parameter RoleArn, which has no default",
        permissions,
        "TW103 note: whether role 'Delivery' lets cloudtrail.amazonaws.com assume it cannot be checked before deploy: AssumeRolePolicyDocument: its Principal is known only at deploy time: it comes from parameter Principal, which has no default",
      ],
      settings: RuleSettings(showUnknown: true)
    ).verify()
  }
}
