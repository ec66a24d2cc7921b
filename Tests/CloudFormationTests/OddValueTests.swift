import Rules
import Testing

/// Values users write that are neither a plain value nor missing: a branch that contradicts the
/// resource's own Condition, dynamic references, values of the wrong kind, removed Properties, and
/// retention periods CloudWatch Logs refuses.
struct OddValueTests {
  @Test("an Fn::If branch the resource's own Condition rules out is never reported; the one it keeps is")
  func branchRuledOutByResourceCondition() {
    LintCase(
      name: "resource condition",
      yaml: """
        Conditions:
          HasTrail: !Equals [!Ref "AWS::Region", us-east-1]
        Resources:
          Logs: {Type: AWS::Logs::LogGroup, Properties: {RetentionInDays: 365}}
          Trail:
            Type: AWS::CloudTrail::Trail
            Condition: HasTrail
            Properties:
              IsLogging: true
              S3BucketName: bucket
              CloudWatchLogsLogGroupArn: !If [HasTrail, !GetAtt Logs.Arn, !Ref AWS::NoValue]
              CloudWatchLogsRoleArn: !If [HasTrail, arn:aws:iam::123456789012:role/Deliver, !Ref AWS::NoValue]
          Other:
            Type: AWS::CloudTrail::Trail
            Condition: HasTrail
            Properties:
              IsLogging: true
              S3BucketName: bucket
              CloudWatchLogsLogGroupArn: !If [HasTrail, ↓!Ref AWS::NoValue, !GetAtt Logs.Arn]
              CloudWatchLogsRoleArn: arn:aws:iam::123456789012:role/Deliver
        """,
      json: """
        {"Conditions": {"HasTrail": {"Fn::Equals": [{"Ref": "AWS::Region"}, "us-east-1"]}},
         "Resources": {
          "Logs": {"Type": "AWS::Logs::LogGroup", "Properties": {"RetentionInDays": 365}},
          "Trail": {"Type": "AWS::CloudTrail::Trail", "Condition": "HasTrail", "Properties": {"IsLogging": true, "S3BucketName": "bucket",
            "CloudWatchLogsLogGroupArn": {"Fn::If": ["HasTrail", {"Fn::GetAtt": ["Logs", "Arn"]}, {"Ref": "AWS::NoValue"}]},
            "CloudWatchLogsRoleArn": {"Fn::If": ["HasTrail", "arn:aws:iam::123456789012:role/Deliver", {"Ref": "AWS::NoValue"}]}}},
          "Other": {"Type": "AWS::CloudTrail::Trail", "Condition": "HasTrail", "Properties": {"IsLogging": true, "S3BucketName": "bucket",
            "CloudWatchLogsLogGroupArn": {"Fn::If": ["HasTrail", ↓{"Ref": "AWS::NoValue"}, {"Fn::GetAtt": ["Logs", "Arn"]}]},
            "CloudWatchLogsRoleArn": "arn:aws:iam::123456789012:role/Deliver"}}}}
        """,
      expected: [
        "TW101 error: trail 'Other' has no CloudWatchLogsLogGroupArn, so its events never reach CloudWatch Logs; "
          + "the trail is deployed only when condition HasTrail is true"
      ]
    ).verify()
  }

  @Test("dynamic references are unknown, not malformed")
  func dynamicReferences() {
    LintCase(
      name: "resolve",
      yaml: """
        Resources:
          Logs: {Type: AWS::Logs::LogGroup, Properties: {RetentionInDays: ↓"{{resolve:ssm:/org/retention}}"}}
          Trail:
            Type: AWS::CloudTrail::Trail
            Properties:
              IsLogging: true
              S3BucketName: bucket
              CloudWatchLogsLogGroupArn: !GetAtt Logs.Arn
              CloudWatchLogsRoleArn: ↓"{{resolve:ssm:/org/delivery-role-arn}}"
        """,
      json: """
        {"Resources": {
          "Logs": {"Type": "AWS::Logs::LogGroup", "Properties": {"RetentionInDays": ↓"{{resolve:ssm:/org/retention}}"}},
          "Trail": {"Type": "AWS::CloudTrail::Trail", "Properties": {"IsLogging": true, "S3BucketName": "bucket",
            "CloudWatchLogsLogGroupArn": {"Fn::GetAtt": ["Logs", "Arn"]}, "CloudWatchLogsRoleArn": ↓"{{resolve:ssm:/org/delivery-role-arn}}"}}}}
        """,
      expected: [
        "TW202 note: RetentionInDays of log group 'Logs' cannot be checked before deploy: it is a dynamic reference resolved at deploy time",
        "TW102 note: CloudWatchLogsRoleArn of trail 'Trail' cannot be checked before deploy: it is a dynamic reference resolved at deploy time",
      ],
      settings: RuleSettings(showUnknown: true)
    ).verify()
  }

  @Test("an ARN of the wrong kind is reported at the value")
  func wrongKind() {
    LintCase(
      name: "wrong kind",
      yaml: """
        Resources:
          Trail:
            Type: AWS::CloudTrail::Trail
            Properties:
              IsLogging: true
              S3BucketName: bucket
              CloudWatchLogsLogGroupArn: ↓[a, b]
              CloudWatchLogsRoleArn: ↓{Role: x}
        """,
      json: """
        {"Resources": {"Trail": {"Type": "AWS::CloudTrail::Trail", "Properties": {"IsLogging": true, "S3BucketName": "bucket",
          "CloudWatchLogsLogGroupArn": ↓["a", "b"], "CloudWatchLogsRoleArn": ↓{"Role": "x"}}}}}
        """,
      expected: [
        "TW101 error: trail 'Trail' has a list as CloudWatchLogsLogGroupArn, not an ARN, so its events never reach CloudWatch Logs",
        "TW102 error: trail 'Trail' has a mapping as CloudWatchLogsRoleArn, not an ARN, so CloudTrail cannot deliver its events to CloudWatch Logs",
      ]
    ).verify()
  }

  @Test("Properties removed with AWS::NoValue are absent")
  func propertiesNoValue() {
    LintCase(
      name: "no properties",
      yaml: """
        Resources:
          ↓Logs:
            Type: AWS::Logs::LogGroup
            Properties: !Ref AWS::NoValue
        """,
      json: """
        {"Resources": {↓"Logs": {"Type": "AWS::Logs::LogGroup", "Properties": {"Ref": "AWS::NoValue"}}}}
        """,
      expected: ["TW201 warning: log group 'Logs' has no RetentionInDays, so it keeps its events forever"]
    ).verify()
  }

  @Test("a retention CloudWatch Logs refuses is TW203 alone, not also too short")
  func refusedRetentionIsNotTooShort() {
    LintCase(
      name: "refused",
      yaml: """
        Resources:
          Logs: {Type: AWS::Logs::LogGroup, Properties: {RetentionInDays: ↓0}}
          Trail:
            Type: AWS::CloudTrail::Trail
            Properties:
              IsLogging: true
              S3BucketName: bucket
              CloudWatchLogsLogGroupArn: !GetAtt Logs.Arn
              CloudWatchLogsRoleArn: arn:aws:iam::123456789012:role/Deliver
        """,
      json: """
        {"Resources": {"Logs": {"Type": "AWS::Logs::LogGroup", "Properties": {"RetentionInDays": ↓0}},
          "Trail": {"Type": "AWS::CloudTrail::Trail", "Properties": {"IsLogging": true, "S3BucketName": "bucket",
            "CloudWatchLogsLogGroupArn": {"Fn::GetAtt": ["Logs", "Arn"]}, "CloudWatchLogsRoleArn": "arn:aws:iam::123456789012:role/Deliver"}}}}
        """,
      expected: [
        "TW203 error: RetentionInDays 0 of log group 'Logs' is not a period CloudWatch Logs accepts, so the deploy fails; the nearest accepted value is 1"
      ]
    ).verify()
  }

  @Test("an optional existing log group: the branch that uses the parameter is not judged by its empty default")
  func optionalExistingLogGroup() {
    LintCase(
      name: "optional ARN",
      yaml: """
        Parameters:
          ExistingLogGroupArn: {Type: String, Default: ""}
        Conditions:
          HasLogGroup: !Not [!Equals [!Ref ExistingLogGroupArn, ""]]
        Resources:
          Trail:
            Type: AWS::CloudTrail::Trail
            Properties:
              IsLogging: true
              S3BucketName: bucket
              CloudWatchLogsLogGroupArn: !If [HasLogGroup, !Ref ExistingLogGroupArn, ↓!Ref AWS::NoValue]
              CloudWatchLogsRoleArn: arn:aws:iam::123456789012:role/Deliver
        """,
      json: """
        {"Parameters": {"ExistingLogGroupArn": {"Type": "String", "Default": ""}},
         "Conditions": {"HasLogGroup": {"Fn::Not": [{"Fn::Equals": [{"Ref": "ExistingLogGroupArn"}, ""]}]}},
         "Resources": {"Trail": {"Type": "AWS::CloudTrail::Trail", "Properties": {"IsLogging": true, "S3BucketName": "bucket",
           "CloudWatchLogsLogGroupArn": {"Fn::If": ["HasLogGroup", {"Ref": "ExistingLogGroupArn"}, ↓{"Ref": "AWS::NoValue"}]},
           "CloudWatchLogsRoleArn": "arn:aws:iam::123456789012:role/Deliver"}}}}
        """,
      expected: [
        "TW101 error: trail 'Trail' has no CloudWatchLogsLogGroupArn when condition HasLogGroup is false, so its events never "
          + "reach CloudWatch Logs; with the parameter defaults HasLogGroup is false"
      ]
    ).verify()
  }

  @Test("names built from a parameter link a trail to its log group for every allowed value")
  func namesAcrossAllowedValues() {
    LintCase(
      name: "names per value",
      yaml: """
        Parameters:
          Env: {Type: String, Default: prod, AllowedValues: [prod, staging]}
        Resources:
          Logs:
            Type: AWS::Logs::LogGroup
            Properties:
              LogGroupName: !Join ["/", ["", audit, !Ref Env]]
              RetentionInDays: ↓180
          Trail:
            Type: AWS::CloudTrail::Trail
            Properties:
              IsLogging: true
              S3BucketName: bucket
              CloudWatchLogsLogGroupArn: !Sub "arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:/audit/${Env}:*"
              CloudWatchLogsRoleArn: ↓arn:aws:iam::123456789012:role/Deliver
        """,
      json: """
        {"Parameters": {"Env": {"Type": "String", "Default": "prod", "AllowedValues": ["prod", "staging"]}},
         "Resources": {
          "Logs": {"Type": "AWS::Logs::LogGroup", "Properties": {"LogGroupName": {"Fn::Join": ["/", ["", "audit", {"Ref": "Env"}]]}, "RetentionInDays": ↓180}},
          "Trail": {"Type": "AWS::CloudTrail::Trail", "Properties": {"IsLogging": true, "S3BucketName": "bucket",
            "CloudWatchLogsLogGroupArn": {"Fn::Sub": "arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:/audit/${Env}:*"},
            "CloudWatchLogsRoleArn": ↓"arn:aws:iam::123456789012:role/Deliver"}}}}
        """,
      expected: [
        "TW202 error: log group 'Logs' keeps the events of trail 'Trail' for 180 days, fewer than the minimum of 365",
        "TW103 note: whether the role of trail 'Trail' can deliver to CloudWatch Logs cannot be checked: "
          + "arn:aws:iam::123456789012:role/Deliver is not a role in this file",
      ],
      settings: RuleSettings(showUnknown: true)
    ).verify()
  }
}
