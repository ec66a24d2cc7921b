import Rules
import Testing

/// TW103: the trail's role must let CloudTrail assume it and allow logs:CreateLogStream and
/// logs:PutLogEvents on the trail's log group, through whichever policies the template attaches.
struct DeliveryRoleTests {
  /// One role `R` (and its policies) beside a log group `LG` named /aws/cloudtrail/audit and a trail
  /// that delivers to `LG` through `R`.
  struct RoleCase: Sendable, CustomTestStringConvertible {
    var name: String
    var yaml: String
    var json: String
    var expected: [String] = []
    var showUnknown = false

    var testDescription: String { name }

    func verify() {
      let yaml = """
        Parameters:
          Unset: {Type: String}
        Resources:
          LG:
            Type: AWS::Logs::LogGroup
            Properties: {LogGroupName: /aws/cloudtrail/audit, RetentionInDays: 365}
          Trail:
            Type: AWS::CloudTrail::Trail
            Properties:
              IsLogging: true
              S3BucketName: bucket
              CloudWatchLogsLogGroupArn: !GetAtt LG.Arn
              CloudWatchLogsRoleArn: !GetAtt R.Arn
        \(self.yaml)
        """
      let json = """
        {"Parameters": {"Unset": {"Type": "String"}},
         "Resources": {
          "LG": {"Type": "AWS::Logs::LogGroup", "Properties": {"LogGroupName": "/aws/cloudtrail/audit", "RetentionInDays": 365}},
          "Trail": {"Type": "AWS::CloudTrail::Trail", "Properties": {"IsLogging": true, "S3BucketName": "bucket",
            "CloudWatchLogsLogGroupArn": {"Fn::GetAtt": ["LG", "Arn"]}, "CloudWatchLogsRoleArn": {"Fn::GetAtt": ["R", "Arn"]}}},
          \(self.json)}}
        """
      LintCase(name: name, yaml: yaml, json: json, expected: expected, settings: RuleSettings(showUnknown: showUnknown)).verify()
    }
  }

  static let trustYAML = #"AssumeRolePolicyDocument: {Statement: [{Effect: Allow, Principal: {Service: cloudtrail.amazonaws.com}, Action: "sts:AssumeRole"}]}"#
  static let trustJSON = #""AssumeRolePolicyDocument": {"Statement": [{"Effect": "Allow", "Principal": {"Service": "cloudtrail.amazonaws.com"}, "Action": "sts:AssumeRole"}]}"#

  /// A role trusted by CloudTrail with one inline policy of these statements.
  static func inline(_ name: String, yaml statements: String, json: String, expected: [String] = [], showUnknown: Bool = false) -> RoleCase {
    RoleCase(
      name: name,
      yaml: """
          \(expected.isEmpty ? "" : String(repeating: "↓", count: expected.count))R:
            Type: AWS::IAM::Role
            Properties:
              \(trustYAML)
              Policies:
                - PolicyName: deliver
                  PolicyDocument:
                    Statement: \(statements)
        """,
      json: """
        \(expected.isEmpty ? "" : String(repeating: "↓", count: expected.count))"R": {"Type": "AWS::IAM::Role", "Properties": {\(trustJSON),
            "Policies": [{"PolicyName": "deliver", "PolicyDocument": {"Statement": \(json)}}]}}
        """,
      expected: expected, showUnknown: showUnknown)
  }

  static let neither = "TW103 error: role 'R' has no policy that allows logs:CreateLogStream and logs:PutLogEvents on log group 'LG', so trail 'Trail' cannot deliver its events to CloudWatch Logs"

  static let permissionCases: [RoleCase] = [
    inline(
      "logs:* on *", yaml: #"[{Effect: Allow, Action: "logs:*", Resource: "*"}]"#,
      json: #"[{"Effect": "Allow", "Action": "logs:*", "Resource": "*"}]"#),
    inline(
      "* on the group's Arn", yaml: #"[{Effect: Allow, Action: "*", Resource: !GetAtt LG.Arn}]"#,
      json: #"[{"Effect": "Allow", "Action": "*", "Resource": {"Fn::GetAtt": ["LG", "Arn"]}}]"#),
    inline(
      "Put* and Create* on a Sub ARN of the group's streams",
      yaml: #"[{Effect: Allow, Action: ["logs:Put*", "LOGS:CREATE*"], Resource: !Sub "arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:${LG}:log-stream:*"}]"#,
      json: #"[{"Effect": "Allow", "Action": ["logs:Put*", "LOGS:CREATE*"], "Resource": {"Fn::Sub": "arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:${LG}:log-stream:*"}}]"#),
    inline(
      "a literal ARN whose name matches with wildcards",
      yaml: #"[{Effect: Allow, Action: [logs:CreateLogStream, logs:PutLogEvents], Resource: "arn:aws:logs:*:*:log-group:/aws/cloudtrail/*"}]"#,
      json: #"[{"Effect": "Allow", "Action": ["logs:CreateLogStream", "logs:PutLogEvents"], "Resource": "arn:aws:logs:*:*:log-group:/aws/cloudtrail/*"}]"#),
    inline(
      "a literal ARN of another group",
      yaml: #"[{Effect: Allow, Action: [logs:CreateLogStream, logs:PutLogEvents], Resource: "arn:aws:logs:*:*:log-group:/aws/lambda/*"}]"#,
      json: #"[{"Effect": "Allow", "Action": ["logs:CreateLogStream", "logs:PutLogEvents"], "Resource": "arn:aws:logs:*:*:log-group:/aws/lambda/*"}]"#,
      expected: [neither]),
    inline(
      "only PutLogEvents",
      yaml: #"[{Effect: Allow, Action: logs:PutLogEvents, Resource: "*"}]"#,
      json: #"[{"Effect": "Allow", "Action": "logs:PutLogEvents", "Resource": "*"}]"#,
      expected: [
        "TW103 error: role 'R' has no policy that allows logs:CreateLogStream on log group 'LG', so trail 'Trail' cannot deliver its events to CloudWatch Logs"
      ]),
    inline(
      "NotAction that spares logs", yaml: #"[{Effect: Allow, NotAction: ["s3:*", "iam:*"], Resource: "*"}]"#,
      json: #"[{"Effect": "Allow", "NotAction": ["s3:*", "iam:*"], "Resource": "*"}]"#),
    inline(
      "NotAction that excludes logs", yaml: #"[{Effect: Allow, NotAction: "logs:*", Resource: "*"}]"#,
      json: #"[{"Effect": "Allow", "NotAction": "logs:*", "Resource": "*"}]"#, expected: [neither]),
    inline(
      "NotResource elsewhere", yaml: #"[{Effect: Allow, Action: "logs:*", NotResource: "arn:aws:s3:::*"}]"#,
      json: #"[{"Effect": "Allow", "Action": "logs:*", "NotResource": "arn:aws:s3:::*"}]"#),
    inline(
      "a Deny wins",
      yaml: #"[{Effect: Allow, Action: "logs:*", Resource: "*"}, {Effect: Deny, Action: logs:PutLogEvents, Resource: "*"}]"#,
      json: #"[{"Effect": "Allow", "Action": "logs:*", "Resource": "*"}, {"Effect": "Deny", "Action": "logs:PutLogEvents", "Resource": "*"}]"#,
      expected: [
        "TW103 error: role 'R' denies logs:PutLogEvents on log group 'LG' (inline policy 'deliver'), so trail 'Trail' cannot deliver its events to CloudWatch Logs"
      ]),
    inline(
      "a Deny under an IAM Condition is not counted on",
      yaml: #"[{Effect: Allow, Action: "logs:*", Resource: "*"}, {Effect: Deny, Action: "logs:*", Resource: "*", Condition: {Bool: {aws:SecureTransport: "false"}}}]"#,
      json: #"[{"Effect": "Allow", "Action": "logs:*", "Resource": "*"}, {"Effect": "Deny", "Action": "logs:*", "Resource": "*", "Condition": {"Bool": {"aws:SecureTransport": "false"}}}]"#),
    inline(
      "a statement under Fn::If may allow",
      yaml: #"[!If [Always, {Effect: Allow, Action: "logs:*", Resource: "*"}, !Ref AWS::NoValue]]"#,
      json: #"[{"Fn::If": ["Always", {"Effect": "Allow", "Action": "logs:*", "Resource": "*"}, {"Ref": "AWS::NoValue"}]}]"#),
    inline(
      "a resource known only at deploy time: a note",
      yaml: #"[{Effect: Allow, Action: "logs:*", Resource: !Ref Unset}]"#,
      json: #"[{"Effect": "Allow", "Action": "logs:*", "Resource": {"Ref": "Unset"}}]"#,
      expected: [
        "TW103 note: whether role 'R' allows logs:CreateLogStream and logs:PutLogEvents on log group 'LG' cannot be checked before deploy: inline policy 'deliver': its Resource is known only at deploy time: it comes from parameter Unset, which has no default"
      ], showUnknown: true),
  ]

  @Test("inline policies: wildcards, NotAction, NotResource, Deny, conditions", arguments: permissionCases)
  func inlinePolicies(_ role: RoleCase) {
    role.verify()
  }

  static let attachmentCases: [RoleCase] = [
    RoleCase(
      name: "AWS::IAM::Policy naming the role",
      yaml: """
          R: {Type: AWS::IAM::Role, Properties: {\(trustYAML)}}
          P:
            Type: AWS::IAM::Policy
            Properties:
              PolicyName: deliver
              Roles: [!Ref R]
              PolicyDocument: {Statement: [{Effect: Allow, Action: "logs:*", Resource: "*"}]}
        """,
      json: """
        "R": {"Type": "AWS::IAM::Role", "Properties": {\(trustJSON)}},
        "P": {"Type": "AWS::IAM::Policy", "Properties": {"PolicyName": "deliver", "Roles": [{"Ref": "R"}],
          "PolicyDocument": {"Statement": [{"Effect": "Allow", "Action": "logs:*", "Resource": "*"}]}}}
        """),
    RoleCase(
      name: "AWS::IAM::RolePolicy, and a policy as a JSON string",
      yaml: """
          R: {Type: AWS::IAM::Role, Properties: {\(trustYAML)}}
          P:
            Type: AWS::IAM::RolePolicy
            Properties:
              PolicyName: deliver
              RoleName: !Ref R
              PolicyDocument: '{"Statement": [{"Effect": "Allow", "Action": "logs:*", "Resource": "*"}]}'
        """,
      json: """
        "R": {"Type": "AWS::IAM::Role", "Properties": {\(trustJSON)}},
        "P": {"Type": "AWS::IAM::RolePolicy", "Properties": {"PolicyName": "deliver", "RoleName": {"Ref": "R"},
          "PolicyDocument": "{\\"Statement\\": [{\\"Effect\\": \\"Allow\\", \\"Action\\": \\"logs:*\\", \\"Resource\\": \\"*\\"}]}"}}
        """),
    RoleCase(
      name: "AWS::IAM::ManagedPolicy naming the role by its RoleName",
      yaml: """
          R: {Type: AWS::IAM::Role, Properties: {RoleName: delivery, \(trustYAML)}}
          P:
            Type: AWS::IAM::ManagedPolicy
            Properties:
              Roles: [delivery]
              PolicyDocument: {Statement: [{Effect: Allow, Action: "logs:*", Resource: "*"}]}
        """,
      json: """
        "R": {"Type": "AWS::IAM::Role", "Properties": {"RoleName": "delivery", \(trustJSON)}},
        "P": {"Type": "AWS::IAM::ManagedPolicy", "Properties": {"Roles": ["delivery"],
          "PolicyDocument": {"Statement": [{"Effect": "Allow", "Action": "logs:*", "Resource": "*"}]}}}
        """),
    RoleCase(
      name: "a policy attached to another role does not count",
      yaml: """
          ↓R: {Type: AWS::IAM::Role, Properties: {\(trustYAML)}}
          Other: {Type: AWS::IAM::Role, Properties: {\(trustYAML)}}
          P:
            Type: AWS::IAM::Policy
            Properties:
              PolicyName: deliver
              Roles: [!Ref Other]
              PolicyDocument: {Statement: [{Effect: Allow, Action: "logs:*", Resource: "*"}]}
        """,
      json: """
        ↓"R": {"Type": "AWS::IAM::Role", "Properties": {\(trustJSON)}},
        "Other": {"Type": "AWS::IAM::Role", "Properties": {\(trustJSON)}},
        "P": {"Type": "AWS::IAM::Policy", "Properties": {"PolicyName": "deliver", "Roles": [{"Ref": "Other"}],
          "PolicyDocument": {"Statement": [{"Effect": "Allow", "Action": "logs:*", "Resource": "*"}]}}}
        """,
      expected: [neither]),
    RoleCase(
      name: "ManagedPolicyArns: one of the template, and one from elsewhere (a note)",
      yaml: """
          ↓R:
            Type: AWS::IAM::Role
            Properties:
              ManagedPolicyArns: [arn:aws:iam::aws:policy/CloudWatchLogsFullAccess]
              \(trustYAML)
          Fine:
            Type: AWS::IAM::Role
            Properties:
              ManagedPolicyArns: [!Ref P]
              \(trustYAML)
          P:
            Type: AWS::IAM::ManagedPolicy
            Properties:
              PolicyDocument: {Statement: [{Effect: Allow, Action: "logs:*", Resource: "*"}]}
          Second:
            Type: AWS::CloudTrail::Trail
            Properties:
              IsLogging: true
              S3BucketName: bucket
              CloudWatchLogsLogGroupArn: !GetAtt LG.Arn
              CloudWatchLogsRoleArn: !GetAtt Fine.Arn
        """,
      json: """
        ↓"R": {"Type": "AWS::IAM::Role", "Properties": {"ManagedPolicyArns": ["arn:aws:iam::aws:policy/CloudWatchLogsFullAccess"], \(trustJSON)}},
        "Fine": {"Type": "AWS::IAM::Role", "Properties": {"ManagedPolicyArns": [{"Ref": "P"}], \(trustJSON)}},
        "P": {"Type": "AWS::IAM::ManagedPolicy", "Properties": {
          "PolicyDocument": {"Statement": [{"Effect": "Allow", "Action": "logs:*", "Resource": "*"}]}}},
        "Second": {"Type": "AWS::CloudTrail::Trail", "Properties": {"IsLogging": true, "S3BucketName": "bucket",
          "CloudWatchLogsLogGroupArn": {"Fn::GetAtt": ["LG", "Arn"]}, "CloudWatchLogsRoleArn": {"Fn::GetAtt": ["Fine", "Arn"]}}}
        """,
      expected: [
        "TW103 note: whether role 'R' allows logs:CreateLogStream and logs:PutLogEvents on log group 'LG' cannot be checked before deploy: managed policy arn:aws:iam::aws:policy/CloudWatchLogsFullAccess is not in this template"
      ],
      showUnknown: true),
  ]

  @Test("policies attached by separate resources and managed policies", arguments: attachmentCases)
  func attachedPolicies(_ role: RoleCase) {
    role.verify()
  }

  static let allowAll = #"Policies: [{PolicyName: all, PolicyDocument: {Statement: [{Effect: Allow, Action: "logs:*", Resource: "*"}]}}]"#
  static let allowAllJSON = #""Policies": [{"PolicyName": "all", "PolicyDocument": {"Statement": [{"Effect": "Allow", "Action": "logs:*", "Resource": "*"}]}}]"#

  static func trust(_ name: String, yaml: String, json: String, expected: [String] = []) -> RoleCase {
    RoleCase(
      name: name,
      yaml: """
          \(expected.isEmpty ? "" : "↓")R:
            Type: AWS::IAM::Role
            Properties:
              \(allowAll)
        \(yaml)
        """,
      json: """
        \(expected.isEmpty ? "" : "↓")"R": {"Type": "AWS::IAM::Role", "Properties": {\(allowAllJSON)\(json)}}
        """,
      expected: expected)
  }

  static let trustCases: [RoleCase] = [
    trust(
      "one of several services",
      yaml: """
              AssumeRolePolicyDocument:
                Statement: [{Effect: Allow, Principal: {Service: [ec2.amazonaws.com, cloudtrail.amazonaws.com]}, Action: ["sts:AssumeRole"]}]
        """,
      json: #", "AssumeRolePolicyDocument": {"Statement": [{"Effect": "Allow", "Principal": {"Service": ["ec2.amazonaws.com", "cloudtrail.amazonaws.com"]}, "Action": ["sts:AssumeRole"]}]}"#),
    trust(
      "anyone, with sts:*",
      yaml: """
              AssumeRolePolicyDocument: {Statement: [{Effect: Allow, Principal: "*", Action: "sts:*"}]}
        """,
      json: #", "AssumeRolePolicyDocument": {"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "sts:*"}]}"#),
    trust(
      "another service",
      yaml: """
              AssumeRolePolicyDocument:
                Statement: [{Effect: Allow, Principal: {Service: lambda.amazonaws.com}, Action: "sts:AssumeRole"}]
        """,
      json: #", "AssumeRolePolicyDocument": {"Statement": [{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]}"#,
      expected: [
        "TW103 error: role 'R' does not let cloudtrail.amazonaws.com assume it (its AssumeRolePolicyDocument trusts only lambda.amazonaws.com), so trail 'Trail' cannot deliver its events to CloudWatch Logs"
      ]),
    trust(
      "the wrong action",
      yaml: """
              AssumeRolePolicyDocument:
                Statement: [{Effect: Allow, Principal: {Service: cloudtrail.amazonaws.com}, Action: "sts:AssumeRoleWithSAML"}]
        """,
      json: #", "AssumeRolePolicyDocument": {"Statement": [{"Effect": "Allow", "Principal": {"Service": "cloudtrail.amazonaws.com"}, "Action": "sts:AssumeRoleWithSAML"}]}"#,
      expected: [
        "TW103 error: role 'R' does not let cloudtrail.amazonaws.com assume it (its AssumeRolePolicyDocument lets no one assume it), so trail 'Trail' cannot deliver its events to CloudWatch Logs"
      ]),
    trust(
      "a Deny",
      yaml: """
              AssumeRolePolicyDocument:
                Statement:
                  - {Effect: Allow, Principal: "*", Action: "sts:AssumeRole"}
                  - {Effect: Deny, Principal: {Service: cloudtrail.amazonaws.com}, Action: "sts:*"}
        """,
      json: #", "AssumeRolePolicyDocument": {"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "sts:AssumeRole"}, {"Effect": "Deny", "Principal": {"Service": "cloudtrail.amazonaws.com"}, "Action": "sts:*"}]}"#,
      expected: [
        "TW103 error: role 'R' does not let cloudtrail.amazonaws.com assume it (a Deny statement in its AssumeRolePolicyDocument refuses it), so trail 'Trail' cannot deliver its events to CloudWatch Logs"
      ]),
    trust(
      "no trust policy", yaml: "", json: "",
      expected: [
        "TW103 error: role 'R' does not let cloudtrail.amazonaws.com assume it (it has no AssumeRolePolicyDocument), so trail 'Trail' cannot deliver its events to CloudWatch Logs"
      ]),
  ]

  @Test("the trust policy must let cloudtrail.amazonaws.com assume the role", arguments: trustCases)
  func trustPolicies(_ role: RoleCase) {
    role.verify()
  }
}
