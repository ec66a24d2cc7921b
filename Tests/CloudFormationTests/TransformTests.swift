import Rules
import Testing

/// Transforms: SAM templates lint their plain resources, `AWS::LanguageExtensions` loops expand, and
/// `AWS::Include` content is unknown rather than missing.
struct TransformTests {
  static let role = "arn:aws:iam::123456789012:role/CloudTrailToLogs"

  @Test("a SAM template lints its CloudFormation resources and leaves the serverless ones alone")
  func sam() {
    LintCase(
      name: "SAM",
      yaml: """
        Transform: AWS::Serverless-2016-10-31
        Globals:
          Function: {Runtime: python3.12, Timeout: 10}
        Resources:
          Handler:
            Type: AWS::Serverless::Function
            Properties: {Handler: app.handler, CodeUri: src/}
          HandlerLogs:
            Type: AWS::Logs::LogGroup
            Properties:
              LogGroupName: !Sub /aws/lambda/${Handler}
              RetentionInDays: ↓400000
          ↓↓AuditTrail:
            Type: AWS::CloudTrail::Trail
            Properties: {IsLogging: true, S3BucketName: bucket}
        """,
      json: """
        {"Transform": "AWS::Serverless-2016-10-31",
         "Globals": {"Function": {"Runtime": "python3.12", "Timeout": 10}},
         "Resources": {
          "Handler": {"Type": "AWS::Serverless::Function", "Properties": {"Handler": "app.handler", "CodeUri": "src/"}},
          "HandlerLogs": {"Type": "AWS::Logs::LogGroup", "Properties": {"LogGroupName": {"Fn::Sub": "/aws/lambda/${Handler}"}, "RetentionInDays": ↓400000}},
          ↓↓"AuditTrail": {"Type": "AWS::CloudTrail::Trail", "Properties": {"IsLogging": true, "S3BucketName": "bucket"}}}}
        """,
      expected: [
        "TW203 error: RetentionInDays 400000 of log group 'HandlerLogs' is not a period CloudWatch Logs accepts, so the deploy fails; the nearest accepted value is 3653",
        "TW101 error: trail 'AuditTrail' has no CloudWatchLogsLogGroupArn, so its events never reach CloudWatch Logs",
        "TW102 error: trail 'AuditTrail' has no CloudWatchLogsRoleArn, so CloudTrail cannot deliver its events to CloudWatch Logs",
      ]
    ).verify()
  }

  @Test("Fn::ForEach makes one trail and log group per element, reported in the loop body under the expanded id")
  func forEach() {
    LintCase(
      name: "ForEach literal",
      yaml: """
        Transform: AWS::LanguageExtensions
        Resources:
          Fn::ForEach::Audits:
            - Team
            - [Payments, Web-Shop]
            - Logs&{Team}:
                Type: AWS::Logs::LogGroup
                Properties:
                  LogGroupName: !Sub /audit/${Team}
                  RetentionInDays: ↓↓30
              Trail&{Team}:
                Type: AWS::CloudTrail::Trail
                Properties:
                  IsLogging: ↓↓false
                  S3BucketName: !Ref Team
                  CloudWatchLogsLogGroupArn: !GetAtt [!Sub "Logs&{Team}", Arn]
                  CloudWatchLogsRoleArn: \(Self.role)
        """,
      json: """
        {"Transform": "AWS::LanguageExtensions",
         "Resources": {
          "Fn::ForEach::Audits": ["Team", ["Payments", "Web-Shop"], {
            "Logs&{Team}": {"Type": "AWS::Logs::LogGroup", "Properties": {"LogGroupName": {"Fn::Sub": "/audit/${Team}"}, "RetentionInDays": ↓↓30}},
            "Trail&{Team}": {"Type": "AWS::CloudTrail::Trail", "Properties": {"IsLogging": ↓↓false, "S3BucketName": {"Ref": "Team"},
              "CloudWatchLogsLogGroupArn": {"Fn::GetAtt": [{"Fn::Sub": "Logs&{Team}"}, "Arn"]},
              "CloudWatchLogsRoleArn": "\(Self.role)"}}}]}}
        """,
      expected: [
        "TW202 error: log group 'LogsPayments' keeps the events of trail 'TrailPayments' for 30 days, fewer than the minimum of 365",
        "TW202 error: log group 'LogsWebShop' keeps the events of trail 'TrailWebShop' for 30 days, fewer than the minimum of 365",
        "TW105 warning: trail 'TrailPayments' has IsLogging false, so it records no events",
        "TW105 warning: trail 'TrailWebShop' has IsLogging false, so it records no events",
      ]
    ).verify()
  }

  @Test("a loop over a CommaDelimitedList parameter uses its default, or the given value; nested loops expand too")
  func forEachOverParameter() {
    let yaml = """
      Transform: AWS::LanguageExtensions
      Parameters:
        Regions: {Type: CommaDelimitedList, Default: "eu,us"}
      Resources:
        Fn::ForEach::Regions:
          - Region
          - !Ref Regions
          - Fn::ForEach::Tiers:
              - Tier
              - [Hot, Cold]
              - Logs${Region}${Tier}:
                  Type: AWS::Logs::LogGroup
                  Properties: {RetentionInDays: ↓MARK400000}
      """
    let json = """
      {"Transform": "AWS::LanguageExtensions",
       "Parameters": {"Regions": {"Type": "CommaDelimitedList", "Default": "eu,us"}},
       "Resources": {"Fn::ForEach::Regions": ["Region", {"Ref": "Regions"}, {
         "Fn::ForEach::Tiers": ["Tier", ["Hot", "Cold"], {
           "Logs${Region}${Tier}": {"Type": "AWS::Logs::LogGroup", "Properties": {"RetentionInDays": ↓MARK400000}}}]}]}}
      """
    func expected(_ regions: [String]) -> [String] {
      regions.flatMap { region in
        ["Cold", "Hot"].map { tier in
          "TW203 error: RetentionInDays 400000 of log group 'Logs\(region)\(tier)' is not a period CloudWatch Logs accepts, so the deploy fails; the nearest accepted value is 3653"
        }
      }
    }
    func marked(_ count: Int) -> (String, String) {
      let markers = String(repeating: "↓", count: count)
      return (yaml.replacing("↓MARK", with: markers), json.replacing("↓MARK", with: markers))
    }
    let (defaultYAML, defaultJSON) = marked(4)
    LintCase(name: "default", yaml: defaultYAML, json: defaultJSON, expected: expected(["eu", "us"])).verify()
    let (givenYAML, givenJSON) = marked(6)
    LintCase(
      name: "given", yaml: givenYAML, json: givenJSON, expected: expected(["ap", "eu", "us"]),
      parameters: ["Regions": "us, eu, ap"]
    ).verify()
  }

  @Test("a loop over a collection known only at deploy time is not expanded: a note with --show-unknown")
  func forEachUnknown() {
    let yaml = """
      Transform: AWS::LanguageExtensions
      Parameters:
        Teams: {Type: CommaDelimitedList}
      Resources:
        Fn::ForEach::Audits:
          - Team
          - !Ref Teams
          - ↓↓↓Trail${Team}:
              Type: AWS::CloudTrail::Trail
              Properties: {IsLogging: false, S3BucketName: bucket}
            ↓Logs${Team}:
              Type: AWS::Logs::LogGroup
              Properties: {RetentionInDays: 1}
      """
    let json = """
      {"Transform": "AWS::LanguageExtensions",
       "Parameters": {"Teams": {"Type": "CommaDelimitedList"}},
       "Resources": {"Fn::ForEach::Audits": ["Team", {"Ref": "Teams"}, {
         ↓↓↓"Trail${Team}": {"Type": "AWS::CloudTrail::Trail", "Properties": {"IsLogging": false, "S3BucketName": "bucket"}},
         ↓"Logs${Team}": {"Type": "AWS::Logs::LogGroup", "Properties": {"RetentionInDays": 1}}}]}}
      """
    let reason = "Fn::ForEach::Audits repeats it for each element of a collection that is known only at deploy time: it comes from parameter Teams, which has no default"
    LintCase(name: "quiet", yaml: yaml.replacing("↓", with: ""), json: json.replacing("↓", with: ""), expected: []).verify()
    LintCase(
      name: "--show-unknown", yaml: yaml, json: json,
      expected: [
        "TW101 note: CloudWatchLogsLogGroupArn of trail 'Trail${Team}' cannot be checked before deploy: \(reason)",
        "TW102 note: CloudWatchLogsRoleArn of trail 'Trail${Team}' cannot be checked before deploy: \(reason)",
        "TW105 note: IsLogging of trail 'Trail${Team}' cannot be checked before deploy: \(reason)",
        "TW201 note: RetentionInDays of log group 'Logs${Team}' cannot be checked before deploy: \(reason)",
      ],
      settings: RuleSettings(showUnknown: true)
    ).verify()
  }

  @Test("AWS::Include content is unknown, not missing")
  func include() {
    let yaml = """
      Resources:
        Included:
          Type: AWS::CloudTrail::Trail
          Properties:
            IsLogging: true
            S3BucketName: bucket
            Fn::Transform: ↓↓{Name: AWS::Include, Parameters: {Location: s3://bucket/trail-logging.yaml}}
        Computed:
          Type: AWS::Logs::LogGroup
          Properties:
            ↓Fn::Transform: {Name: AWS::Include, Parameters: {Location: s3://bucket/retention.yaml}}
        Inserted:
          Type: AWS::Logs::LogGroup
          Properties:
            RetentionInDays: ↓!Transform {Name: AWS::Include, Parameters: {Location: s3://bucket/days.yaml}}
      """
    let json = """
      {"Resources": {
        "Included": {"Type": "AWS::CloudTrail::Trail", "Properties": {"IsLogging": true, "S3BucketName": "bucket",
          "Fn::Transform": ↓↓{"Name": "AWS::Include", "Parameters": {"Location": "s3://bucket/trail-logging.yaml"}}}},
        "Computed": {"Type": "AWS::Logs::LogGroup", "Properties": ↓{"Fn::Transform": {"Name": "AWS::Include", "Parameters": {"Location": "s3://bucket/retention.yaml"}}}},
        "Inserted": {"Type": "AWS::Logs::LogGroup", "Properties": {"RetentionInDays": ↓{"Fn::Transform": {"Name": "AWS::Include", "Parameters": {"Location": "s3://bucket/days.yaml"}}}}}}}
      """
    LintCase(name: "quiet", yaml: yaml.replacing("↓", with: ""), json: json.replacing("↓", with: ""), expected: []).verify()
    LintCase(
      name: "--show-unknown", yaml: yaml, json: json,
      expected: [
        "TW101 note: CloudWatchLogsLogGroupArn of trail 'Included' cannot be checked before deploy: the AWS::Include transform may set it at deploy time",
        "TW102 note: CloudWatchLogsRoleArn of trail 'Included' cannot be checked before deploy: the AWS::Include transform may set it at deploy time",
        "TW201 note: RetentionInDays of log group 'Computed' cannot be checked before deploy: its Properties are inserted by the AWS::Include transform at deploy time",
        "TW201 note: RetentionInDays of log group 'Inserted' cannot be checked before deploy: it is inserted by the AWS::Include transform at deploy time",
      ],
      settings: RuleSettings(showUnknown: true)
    ).verify()
  }
}
