import Rules
import Testing

/// `Fn::If` branches and resource conditions: each finding names its condition and, when the
/// parameter defaults decide it, how it turns out with them.
struct ConditionTests {
  static let role = "arn:aws:iam::123456789012:role/CloudTrailToLogs"

  @Test("a branch that drops the log group ARN names its condition and its value with the defaults")
  func noValueBranch() {
    LintCase(
      name: "If with NoValue",
      yaml: """
        Parameters:
          Environment: {Type: String, Default: dev, AllowedValues: [dev, prod]}
        Conditions:
          IsProd: !Equals [!Ref Environment, prod]
        Resources:
          LG:
            Type: AWS::Logs::LogGroup
            Properties: {RetentionInDays: 365}
          Trail:
            Type: AWS::CloudTrail::Trail
            Properties:
              IsLogging: true
              S3BucketName: bucket
              CloudWatchLogsLogGroupArn: !If [IsProd, !GetAtt LG.Arn, ↓!Ref AWS::NoValue]
              CloudWatchLogsRoleArn: \(Self.role)
        """,
      json: """
        {
          "Parameters": {"Environment": {"Type": "String", "Default": "dev", "AllowedValues": ["dev", "prod"]}},
          "Conditions": {"IsProd": {"Fn::Equals": [{"Ref": "Environment"}, "prod"]}},
          "Resources": {
            "LG": {"Type": "AWS::Logs::LogGroup", "Properties": {"RetentionInDays": 365}},
            "Trail": {"Type": "AWS::CloudTrail::Trail", "Properties": {
              "IsLogging": true, "S3BucketName": "bucket",
              "CloudWatchLogsLogGroupArn": {"Fn::If": ["IsProd", {"Fn::GetAtt": ["LG", "Arn"]}, ↓{"Ref": "AWS::NoValue"}]},
              "CloudWatchLogsRoleArn": "\(Self.role)"}}
          }
        }
        """,
      expected: [
        "TW101 error: trail 'Trail' has no CloudWatchLogsLogGroupArn when condition IsProd is false, so its events never reach CloudWatch Logs; with the parameter defaults IsProd is false"
      ]
    ).verify()
  }

  @Test("a condition that depends on a pseudo parameter is named without a default value")
  func undecidableCondition() {
    LintCase(
      name: "If on AccountId",
      yaml: """
        Conditions:
          InAudit: !Equals [!Ref AWS::AccountId, "111111111111"]
        Resources:
          Trail:
            Type: AWS::CloudTrail::Trail
            Properties:
              IsLogging: true
              S3BucketName: bucket
              CloudWatchLogsLogGroupArn: !If [InAudit, arn:aws:logs:us-east-1:111111111111:log-group:audit:*, ↓""]
              CloudWatchLogsRoleArn: !If [InAudit, ↓null, \(Self.role)]
        """,
      json: """
        {"Conditions": {"InAudit": {"Fn::Equals": [{"Ref": "AWS::AccountId"}, "111111111111"]}},
         "Resources": {"Trail": {"Type": "AWS::CloudTrail::Trail", "Properties": {"IsLogging": true, "S3BucketName": "bucket",
           "CloudWatchLogsLogGroupArn": {"Fn::If": ["InAudit", "arn:aws:logs:us-east-1:111111111111:log-group:audit:*", ↓""]},
           "CloudWatchLogsRoleArn": {"Fn::If": ["InAudit", ↓null, "\(Self.role)"]}}}}}
        """,
      expected: [
        "TW101 error: trail 'Trail' has no CloudWatchLogsLogGroupArn when condition InAudit is false, so its events never reach CloudWatch Logs",
        "TW102 error: trail 'Trail' has no CloudWatchLogsRoleArn when condition InAudit is true, so CloudTrail cannot deliver its events to CloudWatch Logs",
      ]
    ).verify()
  }

  @Test("a resource-level Condition is still linted, and the message says when the resource exists")
  func resourceCondition() {
    LintCase(
      name: "resource Condition",
      yaml: """
        Parameters:
          CreateTrail: {Type: String, Default: "false"}
          KeepLogs: {Type: String, Default: "yes"}
        Conditions:
          HasTrail: !Equals [!Ref CreateTrail, "true"]
          UseLogs: !Not [!Equals [!Ref KeepLogs, "no"]]
        Resources:
          LG:
            Type: AWS::Logs::LogGroup
            Properties: {RetentionInDays: 365}
          ↓Trail:
            Type: AWS::CloudTrail::Trail
            Condition: HasTrail
            Properties:
              IsLogging: true
              S3BucketName: bucket
              CloudWatchLogsLogGroupArn: !If [UseLogs, !GetAtt LG.Arn, ↓!Ref AWS::NoValue]
        """,
      json: """
        {"Parameters": {"CreateTrail": {"Type": "String", "Default": "false"}, "KeepLogs": {"Type": "String", "Default": "yes"}},
         "Conditions": {"HasTrail": {"Fn::Equals": [{"Ref": "CreateTrail"}, "true"]},
                        "UseLogs": {"Fn::Not": [{"Fn::Equals": [{"Ref": "KeepLogs"}, "no"]}]}},
         "Resources": {
           "LG": {"Type": "AWS::Logs::LogGroup", "Properties": {"RetentionInDays": 365}},
           ↓"Trail": {"Type": "AWS::CloudTrail::Trail", "Condition": "HasTrail", "Properties": {"IsLogging": true,
             "S3BucketName": "bucket", "CloudWatchLogsLogGroupArn": {"Fn::If": ["UseLogs", {"Fn::GetAtt": ["LG", "Arn"]}, ↓{"Ref": "AWS::NoValue"}]}}}}}
        """,
      expected: [
        "TW102 error: trail 'Trail' has no CloudWatchLogsRoleArn, so CloudTrail cannot deliver its events to CloudWatch Logs; the trail is deployed only when condition HasTrail is true; with the parameter defaults HasTrail is false",
        "TW101 error: trail 'Trail' has no CloudWatchLogsLogGroupArn when condition UseLogs is false, so its events never reach CloudWatch Logs; the trail is deployed only when condition HasTrail is true; with the parameter defaults UseLogs is true and HasTrail is false",
      ]
    ).verify()
  }

  @Test("nested Fn::If and Fn::And, Fn::Or, Fn::Not and Condition name every condition on the way")
  func nestedConditions() {
    LintCase(
      name: "nested",
      yaml: """
        Parameters:
          Stage: {Type: String, Default: test}
          Region: {Type: String, Default: eu-west-1}
        Conditions:
          IsTest: !Equals [!Ref Stage, test]
          InEurope: !Or [!Equals [!Ref Region, eu-west-1], !Equals [!Ref Region, eu-central-1]]
          TestInEurope: !And [!Condition IsTest, !Condition InEurope]
          Elsewhere: !Not [!Condition InEurope]
        Resources:
          LG:
            Type: AWS::Logs::LogGroup
            Properties:
              RetentionInDays: !If [TestInEurope, ↓30, !If [Elsewhere, ↓90, 400]]
          Trail:
            Type: AWS::CloudTrail::Trail
            Properties:
              IsLogging: true
              S3BucketName: bucket
              CloudWatchLogsLogGroupArn: !GetAtt LG.Arn
              CloudWatchLogsRoleArn: \(Self.role)
        """,
      json: """
        {"Parameters": {"Stage": {"Type": "String", "Default": "test"}, "Region": {"Type": "String", "Default": "eu-west-1"}},
         "Conditions": {
           "IsTest": {"Fn::Equals": [{"Ref": "Stage"}, "test"]},
           "InEurope": {"Fn::Or": [{"Fn::Equals": [{"Ref": "Region"}, "eu-west-1"]}, {"Fn::Equals": [{"Ref": "Region"}, "eu-central-1"]}]},
           "TestInEurope": {"Fn::And": [{"Condition": "IsTest"}, {"Condition": "InEurope"}]},
           "Elsewhere": {"Fn::Not": [{"Condition": "InEurope"}]}},
         "Resources": {
           "LG": {"Type": "AWS::Logs::LogGroup", "Properties": {"RetentionInDays":
             {"Fn::If": ["TestInEurope", ↓30, {"Fn::If": ["Elsewhere", ↓90, 400]}]}}},
           "Trail": {"Type": "AWS::CloudTrail::Trail", "Properties": {"IsLogging": true, "S3BucketName": "bucket",
             "CloudWatchLogsLogGroupArn": {"Fn::GetAtt": ["LG", "Arn"]}, "CloudWatchLogsRoleArn": "\(Self.role)"}}}}
        """,
      expected: [
        "TW202 error: log group 'LG' keeps the events of trail 'Trail' for 30 days when condition TestInEurope is true, fewer than the minimum of 365; with the parameter defaults TestInEurope is true",
        "TW202 error: log group 'LG' keeps the events of trail 'Trail' for 90 days when condition Elsewhere is true and condition TestInEurope is false, fewer than the minimum of 365; with the parameter defaults Elsewhere is false and TestInEurope is true",
      ]
    ).verify()
  }

  @Test("a condition no parameter can change settles the branch, and a resource it rules out is not deployed")
  func constantConditions() {
    LintCase(
      name: "constant",
      yaml: """
        Conditions:
          Always: !Equals [on, on]
          Never: !Not [!Condition Always]
        Resources:
          LG:
            Type: AWS::Logs::LogGroup
            Properties: {RetentionInDays: 365}
          Trail:
            Type: AWS::CloudTrail::Trail
            Properties:
              IsLogging: true
              S3BucketName: bucket
              CloudWatchLogsLogGroupArn: !If [Always, !GetAtt LG.Arn, !Ref AWS::NoValue]
              CloudWatchLogsRoleArn: !If [Never, !Ref AWS::NoValue, \(Self.role)]
          Unused:
            Type: AWS::CloudTrail::Trail
            Condition: Never
            Properties: {IsLogging: false, S3BucketName: bucket}
        """,
      json: """
        {"Conditions": {"Always": {"Fn::Equals": ["on", "on"]}, "Never": {"Fn::Not": [{"Condition": "Always"}]}},
         "Resources": {
           "LG": {"Type": "AWS::Logs::LogGroup", "Properties": {"RetentionInDays": 365}},
           "Trail": {"Type": "AWS::CloudTrail::Trail", "Properties": {"IsLogging": true, "S3BucketName": "bucket",
             "CloudWatchLogsLogGroupArn": {"Fn::If": ["Always", {"Fn::GetAtt": ["LG", "Arn"]}, {"Ref": "AWS::NoValue"}]},
             "CloudWatchLogsRoleArn": {"Fn::If": ["Never", {"Ref": "AWS::NoValue"}, "\(Self.role)"]}}},
           "Unused": {"Type": "AWS::CloudTrail::Trail", "Condition": "Never", "Properties": {"IsLogging": false, "S3BucketName": "bucket"}}}}
        """,
      expected: []
    ).verify()
  }

  @Test("with the values of one deployment, conditions are decided and only the branch taken is reported", arguments: [
    ("prod", [String]()),
    ("dev", ["TW101 error: trail 'Trail' has no CloudWatchLogsLogGroupArn, so its events never reach CloudWatch Logs"]),
  ])
  func concreteDeployment(environment: String, expected: [String]) {
    var yaml = """
      Parameters:
        Environment: {Type: String, Default: prod}
      Conditions:
        IsProd: !Equals [!Ref Environment, prod]
      Resources:
        LG:
          Type: AWS::Logs::LogGroup
          Properties: {RetentionInDays: 365}
        Trail:
          Type: AWS::CloudTrail::Trail
          Properties:
            IsLogging: true
            S3BucketName: bucket
            CloudWatchLogsLogGroupArn: !If [IsProd, !GetAtt LG.Arn, ↓!Ref AWS::NoValue]
            CloudWatchLogsRoleArn: \(Self.role)
      """
    var json = """
      {"Parameters": {"Environment": {"Type": "String", "Default": "prod"}},
       "Conditions": {"IsProd": {"Fn::Equals": [{"Ref": "Environment"}, "prod"]}},
       "Resources": {"LG": {"Type": "AWS::Logs::LogGroup", "Properties": {"RetentionInDays": 365}},
         "Trail": {"Type": "AWS::CloudTrail::Trail", "Properties": {"IsLogging": true, "S3BucketName": "bucket",
           "CloudWatchLogsLogGroupArn": {"Fn::If": ["IsProd", {"Fn::GetAtt": ["LG", "Arn"]}, ↓{"Ref": "AWS::NoValue"}]},
           "CloudWatchLogsRoleArn": "\(Self.role)"}}}}
      """
    if expected.isEmpty {
      yaml = yaml.replacing("↓", with: "")
      json = json.replacing("↓", with: "")
    }
    LintCase(name: "Environment=\(environment)", yaml: yaml, json: json, expected: expected, parameters: ["Environment": environment])
      .verify()
  }

  @Test("circular conditions are left undecided instead of hanging")
  func circularConditions() {
    LintCase(
      name: "circular",
      yaml: """
        Conditions:
          A: !Condition B
          B: !And [!Condition A, !Equals [x, x]]
          Self: !Not [!Condition Self]
          AfterCycle: !Or [!Condition A, !Equals [y, z]]
        Resources:
          Trail:
            Type: AWS::CloudTrail::Trail
            Properties:
              IsLogging: !If [Self, ↓false, !If [AfterCycle, ↓false, true]]
              S3BucketName: bucket
              CloudWatchLogsLogGroupArn: !If [A, ↓!Ref AWS::NoValue, arn:aws:logs:us-east-1:111111111111:log-group:audit:*]
              CloudWatchLogsRoleArn: \(Self.role)
        """,
      json: """
        {"Conditions": {"A": {"Condition": "B"}, "B": {"Fn::And": [{"Condition": "A"}, {"Fn::Equals": ["x", "x"]}]},
                        "Self": {"Fn::Not": [{"Condition": "Self"}]}, "AfterCycle": {"Fn::Or": [{"Condition": "A"}, {"Fn::Equals": ["y", "z"]}]}},
         "Resources": {"Trail": {"Type": "AWS::CloudTrail::Trail", "Properties": {
           "IsLogging": {"Fn::If": ["Self", ↓false, {"Fn::If": ["AfterCycle", ↓false, true]}]}, "S3BucketName": "bucket",
           "CloudWatchLogsLogGroupArn": {"Fn::If": ["A", ↓{"Ref": "AWS::NoValue"}, "arn:aws:logs:us-east-1:111111111111:log-group:audit:*"]},
           "CloudWatchLogsRoleArn": "\(Self.role)"}}}}
        """,
      expected: [
        "TW105 warning: trail 'Trail' has IsLogging false when condition Self is true, so it records no events",
        "TW105 warning: trail 'Trail' has IsLogging false when condition AfterCycle is true and condition Self is false, so it records no events",
        "TW101 error: trail 'Trail' has no CloudWatchLogsLogGroupArn when condition A is true, so its events never reach CloudWatch Logs",
      ]
    ).verify()
  }
}
