import Rules
import Testing

/// Parameters count with their default (the message names the parameter and the default), every
/// other `AllowedValues` entry is a deployment of its own, and given values replace both.
struct ParameterTests {
  static let yaml = """
    Parameters:
      Days:
        Type: Number
        Default: 30
        AllowedValues: [7, 30, 365, 366]
    Resources:
      LG:
        Type: AWS::Logs::LogGroup
        Properties:
          RetentionInDays: ↓!Ref Days
      Trail:
        Type: AWS::CloudTrail::Trail
        Properties:
          IsLogging: true
          S3BucketName: bucket
          CloudWatchLogsLogGroupArn: !GetAtt LG.Arn
          CloudWatchLogsRoleArn: arn:aws:iam::123456789012:role/CloudTrailToLogs
    """
  static let json = """
    {
      "Parameters": {"Days": {"Type": "Number", "Default": 30, "AllowedValues": [7, 30, 365, 366]}},
      "Resources": {
        "LG": {"Type": "AWS::Logs::LogGroup", "Properties": {"RetentionInDays": ↓{"Ref": "Days"}}},
        "Trail": {"Type": "AWS::CloudTrail::Trail", "Properties": {"IsLogging": true, "S3BucketName": "bucket",
          "CloudWatchLogsLogGroupArn": {"Fn::GetAtt": ["LG", "Arn"]},
          "CloudWatchLogsRoleArn": "arn:aws:iam::123456789012:role/CloudTrailToLogs"}}
      }
    }
    """

  /// The same template with one marker for each finding at the `Ref`.
  static func marked(_ count: Int) -> (String, String) {
    let markers = String(repeating: "↓", count: count)
    return (yaml.replacing("↓", with: markers), json.replacing("↓", with: markers))
  }

  @Test("the default and the allowed values below the minimum are one finding at the Ref; one not accepted is another")
  func defaultsAndAllowedValues() {
    let (yaml, json) = Self.marked(2)
    LintCase(
      name: "AllowedValues", yaml: yaml, json: json,
      expected: [
        "TW202 error: log group 'LG' keeps the events of trail 'Trail' for fewer than the minimum of 365 days when parameter Days is any of 7 or 30 (its default)",
        "TW203 error: RetentionInDays 366 of log group 'LG' when parameter Days is 366 (one of its AllowedValues; the default is 30) is not a period CloudWatch Logs accepts, so the deploy fails; the nearest accepted values are 365 or 400",
      ]
    ).verify()
  }

  @Test("a given value replaces the default and the other allowed values", arguments: [
    ("7", ["TW202 error: log group 'LG' keeps the events of trail 'Trail' for 7 days (parameter Days = 7), fewer than the minimum of 365"]),
    ("365", []),
    ("366", ["TW203 error: RetentionInDays 366 of log group 'LG' (parameter Days = 366) is not a period CloudWatch Logs accepts, so the deploy fails; the nearest accepted values are 365 or 400"]),
  ])
  func givenValue(days: String, expected: [String]) {
    let (yaml, json) = Self.marked(expected.count)
    LintCase(name: "Days=\(days)", yaml: yaml, json: json, expected: expected, parameters: ["Days": days]).verify()
  }

  @Test("--min-retention moves the threshold of the default and the allowed values alike")
  func minimum() {
    let (yaml, json) = Self.marked(2)
    LintCase(
      name: "minimum 14", yaml: yaml, json: json,
      expected: [
        "TW202 error: log group 'LG' keeps the events of trail 'Trail' for 7 days when parameter Days is 7 (one of its AllowedValues; the default is 30), fewer than the minimum of 14",
        "TW203 error: RetentionInDays 366 of log group 'LG' when parameter Days is 366 (one of its AllowedValues; the default is 30) is not a period CloudWatch Logs accepts, so the deploy fails; the nearest accepted values are 365 or 400",
      ],
      settings: RuleSettings(minRetentionDays: 14)
    ).verify()
  }

  @Test("values given for a deployment make the defaults of the other parameters definitive too")
  func otherParametersGiven() {
    let (yaml, json) = Self.marked(1)
    LintCase(
      name: "Unrelated=x",
      yaml: yaml.replacing("Default: 30", with: "Default: 1"),
      json: json.replacing("\"Default\": 30", with: "\"Default\": 1"),
      expected: [
        "TW202 error: log group 'LG' keeps the events of trail 'Trail' for 1 day (parameter Days, default 1), fewer than the minimum of 14"
      ],
      settings: RuleSettings(minRetentionDays: 14),
      parameters: ["Unrelated": "x"]
    ).verify()
  }

  @Test("a parameter without a default is unknown: nothing by default, a note with --show-unknown")
  func noDefault() {
    let yaml = """
      Parameters:
        Days: {Type: Number}
        LogGroupArn: {Type: String}
      Resources:
        LG:
          Type: AWS::Logs::LogGroup
          Properties: {RetentionInDays: ↓!Ref Days}
        Other:
          Type: AWS::Logs::LogGroup
          Properties: {RetentionInDays: ↓!Ref Days}
        Trail:
          Type: AWS::CloudTrail::Trail
          Properties:
            IsLogging: true
            S3BucketName: bucket
            CloudWatchLogsLogGroupArn: !GetAtt LG.Arn
            CloudWatchLogsRoleArn: !GetAtt Role.Arn
        Elsewhere:
          Type: AWS::CloudTrail::Trail
          Properties:
            IsLogging: true
            S3BucketName: bucket
            CloudWatchLogsLogGroupArn: ↓!Ref LogGroupArn
            CloudWatchLogsRoleArn: !GetAtt Role.Arn
        Role:
          Type: AWS::IAM::Role
          Properties:
            AssumeRolePolicyDocument:
              Statement: [{Effect: Allow, Principal: {Service: cloudtrail.amazonaws.com}, Action: "sts:AssumeRole"}]
            Policies:
              - PolicyName: deliver
                PolicyDocument:
                  Statement: [{Effect: Allow, Action: ["logs:CreateLogStream", "logs:PutLogEvents"], Resource: "*"}]
      """
    let json = """
      {"Parameters": {"Days": {"Type": "Number"}, "LogGroupArn": {"Type": "String"}},
       "Resources": {
        "LG": {"Type": "AWS::Logs::LogGroup", "Properties": {"RetentionInDays": ↓{"Ref": "Days"}}},
        "Other": {"Type": "AWS::Logs::LogGroup", "Properties": {"RetentionInDays": ↓{"Ref": "Days"}}},
        "Trail": {"Type": "AWS::CloudTrail::Trail", "Properties": {"IsLogging": true, "S3BucketName": "bucket",
          "CloudWatchLogsLogGroupArn": {"Fn::GetAtt": ["LG", "Arn"]}, "CloudWatchLogsRoleArn": {"Fn::GetAtt": ["Role", "Arn"]}}},
        "Elsewhere": {"Type": "AWS::CloudTrail::Trail", "Properties": {"IsLogging": true, "S3BucketName": "bucket",
          "CloudWatchLogsLogGroupArn": ↓{"Ref": "LogGroupArn"}, "CloudWatchLogsRoleArn": {"Fn::GetAtt": ["Role", "Arn"]}}},
        "Role": {"Type": "AWS::IAM::Role", "Properties": {
          "AssumeRolePolicyDocument": {"Statement": [{"Effect": "Allow", "Principal": {"Service": "cloudtrail.amazonaws.com"}, "Action": "sts:AssumeRole"}]},
          "Policies": [{"PolicyName": "deliver", "PolicyDocument": {"Statement": [{"Effect": "Allow",
            "Action": ["logs:CreateLogStream", "logs:PutLogEvents"], "Resource": "*"}]}}]}}}}
      """
    LintCase(name: "no default, quiet", yaml: yaml.replacing("↓", with: ""), json: json.replacing("↓", with: ""), expected: []).verify()
    LintCase(
      name: "no default, --show-unknown", yaml: yaml, json: json,
      expected: [
        "TW202 note: RetentionInDays of log group 'LG' cannot be checked before deploy: it comes from parameter Days, which has no default",
        "TW201 note: RetentionInDays of log group 'Other' cannot be checked before deploy: it comes from parameter Days, which has no default",
        "TW101 note: CloudWatchLogsLogGroupArn of trail 'Elsewhere' cannot be checked before deploy: it comes from parameter LogGroupArn, which has no default",
      ],
      settings: RuleSettings(showUnknown: true)
    ).verify()
  }
}
