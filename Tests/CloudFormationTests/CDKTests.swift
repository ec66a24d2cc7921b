import Rules
import Testing

/// CDK output: messages name the construct path, and `Custom::LogRetention` sets the retention of
/// the log group it names, or stands for Lambda's implicit group when the template has none.
struct CDKTests {
  @Test("messages name the resource's aws:cdk:path")
  func constructPath() {
    LintCase(
      name: "cdk.out",
      yaml: """
        Parameters:
          BootstrapVersion: {Type: AWS::SSM::Parameter::Value<String>, Default: /cdk-bootstrap/hnb659fds/version}
        Resources:
          TrailLogGroupA1B2C3D4:
            Type: AWS::Logs::LogGroup
            Properties: {RetentionInDays: ↓30}
            UpdateReplacePolicy: Retain
            DeletionPolicy: Retain
            Metadata: {aws:cdk:path: AuditStack/Trail/LogGroup/Resource}
          ↓TrailE7F8A9B0:
            Type: AWS::CloudTrail::Trail
            Properties:
              IsLogging: true
              S3BucketName: {Ref: TrailBucket}
              CloudWatchLogsLogGroupArn: {Fn::GetAtt: [TrailLogGroupA1B2C3D4, Arn]}
            Metadata: {aws:cdk:path: AuditStack/Trail/Resource}
          TrailBucket:
            Type: AWS::S3::Bucket
            Metadata: {aws:cdk:path: AuditStack/Trail/S3/Resource}
          CDKMetadata:
            Type: AWS::CDK::Metadata
            Properties: {Analytics: "v2:deflate64:H4sI"}
            Metadata: {aws:cdk:path: AuditStack/CDKMetadata/Default}
        Rules:
          CheckBootstrapVersion:
            Assertions:
              - Assert: {Fn::Not: [{Fn::Contains: [["1", "2"], {Ref: BootstrapVersion}]}]}
        """,
      json: """
        {
         "Parameters": {"BootstrapVersion": {"Type": "AWS::SSM::Parameter::Value<String>", "Default": "/cdk-bootstrap/hnb659fds/version"}},
         "Resources": {
          "TrailLogGroupA1B2C3D4": {"Type": "AWS::Logs::LogGroup", "Properties": {"RetentionInDays": ↓30},
           "UpdateReplacePolicy": "Retain", "DeletionPolicy": "Retain", "Metadata": {"aws:cdk:path": "AuditStack/Trail/LogGroup/Resource"}},
          ↓"TrailE7F8A9B0": {"Type": "AWS::CloudTrail::Trail", "Properties": {"IsLogging": true, "S3BucketName": {"Ref": "TrailBucket"},
            "CloudWatchLogsLogGroupArn": {"Fn::GetAtt": ["TrailLogGroupA1B2C3D4", "Arn"]}},
           "Metadata": {"aws:cdk:path": "AuditStack/Trail/Resource"}},
          "TrailBucket": {"Type": "AWS::S3::Bucket", "Metadata": {"aws:cdk:path": "AuditStack/Trail/S3/Resource"}},
          "CDKMetadata": {"Type": "AWS::CDK::Metadata", "Properties": {"Analytics": "v2:deflate64:H4sI"},
           "Metadata": {"aws:cdk:path": "AuditStack/CDKMetadata/Default"}}},
         "Rules": {"CheckBootstrapVersion": {"Assertions": [{"Assert": {"Fn::Not": [{"Fn::Contains": [["1", "2"], {"Ref": "BootstrapVersion"}]}]}}]}}
        }
        """,
      expected: [
        "TW202 error: log group 'TrailLogGroupA1B2C3D4' (AuditStack/Trail/LogGroup/Resource) keeps the events of trail 'TrailE7F8A9B0' for 30 days, fewer than the minimum of 365",
        "TW102 error: trail 'TrailE7F8A9B0' (AuditStack/Trail/Resource) has no CloudWatchLogsRoleArn, so CloudTrail cannot deliver its events to CloudWatch Logs",
      ]
    ).verify()
  }

  @Test("Custom::LogRetention sets the retention of the log group it names: by Ref, by name, or by the same Fn::Join")
  func logRetention() {
    let role = "arn:aws:iam::123456789012:role/CloudTrailToLogs"
    LintCase(
      name: "LogRetention",
      yaml: """
        Resources:
          ByRef: {Type: AWS::Logs::LogGroup, Properties: {RetentionInDays: 731}}
          ByName: {Type: AWS::Logs::LogGroup, Properties: {LogGroupName: /audit/by-name}}
          ByJoin:
            Type: AWS::Logs::LogGroup
            Properties: {LogGroupName: !Sub "/aws/lambda/${Forwarder}", RetentionInDays: 3653}
          Forwarder: {Type: AWS::Lambda::Function, Properties: {Runtime: python3.12, Handler: index.handler, Role: x, Code: {ZipFile: x}}}
          ByRefRetention:
            Type: Custom::LogRetention
            Properties: {ServiceToken: x, LogGroupName: !Ref ByRef, RetentionInDays: ↓30}
          ByNameRetention:
            Type: Custom::LogRetention
            Properties: {ServiceToken: x, LogGroupName: /audit/by-name, RetentionInDays: ↓366}
          ↓ByJoinRetention:
            Type: Custom::LogRetention
            Properties:
              ServiceToken: x
              LogGroupName: !Join ["", [/aws/lambda/, !Ref Forwarder]]
          T1:
            Type: AWS::CloudTrail::Trail
            Properties: {IsLogging: true, S3BucketName: b, CloudWatchLogsLogGroupArn: !GetAtt ByRef.Arn, CloudWatchLogsRoleArn: \(role)}
        """,
      json: """
        {"Resources": {
          "ByRef": {"Type": "AWS::Logs::LogGroup", "Properties": {"RetentionInDays": 731}},
          "ByName": {"Type": "AWS::Logs::LogGroup", "Properties": {"LogGroupName": "/audit/by-name"}},
          "ByJoin": {"Type": "AWS::Logs::LogGroup", "Properties": {"LogGroupName": {"Fn::Sub": "/aws/lambda/${Forwarder}"}, "RetentionInDays": 3653}},
          "Forwarder": {"Type": "AWS::Lambda::Function", "Properties": {"Runtime": "python3.12", "Handler": "index.handler", "Role": "x", "Code": {"ZipFile": "x"}}},
          "ByRefRetention": {"Type": "Custom::LogRetention", "Properties": {"ServiceToken": "x", "LogGroupName": {"Ref": "ByRef"}, "RetentionInDays": ↓30}},
          "ByNameRetention": {"Type": "Custom::LogRetention", "Properties": {"ServiceToken": "x", "LogGroupName": "/audit/by-name", "RetentionInDays": ↓366}},
          ↓"ByJoinRetention": {"Type": "Custom::LogRetention", "Properties": {"ServiceToken": "x",
            "LogGroupName": {"Fn::Join": ["", ["/aws/lambda/", {"Ref": "Forwarder"}]]}}},
          "T1": {"Type": "AWS::CloudTrail::Trail", "Properties": {"IsLogging": true, "S3BucketName": "b",
            "CloudWatchLogsLogGroupArn": {"Fn::GetAtt": ["ByRef", "Arn"]}, "CloudWatchLogsRoleArn": "\(role)"}}}}
        """,
      expected: [
        "TW202 error: log group 'ByRef' keeps the events of trail 'T1' for 30 days (set by Custom::LogRetention 'ByRefRetention'), fewer than the minimum of 365",
        "TW203 error: RetentionInDays 366 of log group 'ByName' (set by Custom::LogRetention 'ByNameRetention') is not a period CloudWatch Logs accepts, so the deploy fails; the nearest accepted values are 365 or 400",
        "TW201 warning: log group 'ByJoin' has no RetentionInDays (set by Custom::LogRetention 'ByJoinRetention'), so it keeps its events forever",
      ]
    ).verify()
  }

  @Test("a Custom::LogRetention for Lambda's implicit log group is checked itself")
  func implicitLogGroup() {
    LintCase(
      name: "implicit",
      yaml: """
        Resources:
          Handler: {Type: AWS::Lambda::Function, Properties: {Runtime: python3.12, Handler: index.handler, Role: x, Code: {ZipFile: x}}}
          HandlerLogRetention:
            Type: Custom::LogRetention
            Properties:
              ServiceToken: x
              LogGroupName: {Fn::Join: ["", [/aws/lambda/, {Ref: Handler}]]}
              RetentionInDays: ↓366
            Metadata: {aws:cdk:path: AppStack/Handler/LogRetention/Resource}
          ForwarderLogRetention:
            Type: Custom::LogRetention
            Properties: {ServiceToken: x, LogGroupName: /aws/lambda/audit-forwarder, RetentionInDays: ↓14}
          ↓ForgottenLogRetention:
            Type: Custom::LogRetention
            Properties: {ServiceToken: x, LogGroupName: /aws/lambda/forgotten}
          Trail:
            Type: AWS::CloudTrail::Trail
            Properties:
              IsLogging: true
              S3BucketName: bucket
              CloudWatchLogsLogGroupArn: arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/audit-forwarder:*
              CloudWatchLogsRoleArn: arn:aws:iam::123456789012:role/CloudTrailToLogs
        """,
      json: """
        {"Resources": {
          "Handler": {"Type": "AWS::Lambda::Function", "Properties": {"Runtime": "python3.12", "Handler": "index.handler", "Role": "x", "Code": {"ZipFile": "x"}}},
          "HandlerLogRetention": {"Type": "Custom::LogRetention", "Properties": {"ServiceToken": "x",
            "LogGroupName": {"Fn::Join": ["", ["/aws/lambda/", {"Ref": "Handler"}]]}, "RetentionInDays": ↓366},
            "Metadata": {"aws:cdk:path": "AppStack/Handler/LogRetention/Resource"}},
          "ForwarderLogRetention": {"Type": "Custom::LogRetention", "Properties": {"ServiceToken": "x",
            "LogGroupName": "/aws/lambda/audit-forwarder", "RetentionInDays": ↓14}},
          ↓"ForgottenLogRetention": {"Type": "Custom::LogRetention", "Properties": {"ServiceToken": "x", "LogGroupName": "/aws/lambda/forgotten"}},
          "Trail": {"Type": "AWS::CloudTrail::Trail", "Properties": {"IsLogging": true, "S3BucketName": "bucket",
            "CloudWatchLogsLogGroupArn": "arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/audit-forwarder:*",
            "CloudWatchLogsRoleArn": "arn:aws:iam::123456789012:role/CloudTrailToLogs"}}}}
        """,
      expected: [
        "TW203 error: RetentionInDays 366 of log group 'HandlerLogRetention' (AppStack/Handler/LogRetention/Resource) is not a period CloudWatch Logs accepts, so the deploy fails; the nearest accepted values are 365 or 400",
        "TW202 error: log group 'ForwarderLogRetention' keeps the events of trail 'Trail' for 14 days, fewer than the minimum of 365",
        "TW201 warning: log group 'ForgottenLogRetention' has no RetentionInDays, so it keeps its events forever",
      ]
    ).verify()
  }
}
