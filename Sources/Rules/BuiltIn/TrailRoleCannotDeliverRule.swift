import InfraModel

/// TW103: a trail's delivery role that CloudTrail cannot assume, or that may not write to the trail's
/// log group.
public struct TrailRoleCannotDeliverRule: Rule {
  public init() {}

  static let service = "cloudtrail.amazonaws.com"
  static let deliveryActions = ["logs:CreateLogStream", "logs:PutLogEvents"]

  public static let description = RuleDescription(
    id: "TW103",
    name: "trail-role-cannot-deliver",
    severity: .error,
    summary: "A trail's delivery role does not let CloudTrail write to the trail's log group.",
    rationale: """
      CloudTrail delivers to CloudWatch Logs by assuming the role in CloudWatchLogsRoleArn (Terraform: \
      cloud_watch_logs_role_arn). When that role's trust policy does not let cloudtrail.amazonaws.com \
      assume it, or none of its policies allows logs:CreateLogStream and logs:PutLogEvents on the \
      trail's log group, the deploy fails or the trail silently delivers nothing, and the metric \
      filters and alarms on that log group never fire. trailwatch reads the role's \
      AssumeRolePolicyDocument, its inline Policies, AWS::IAM::Policy, AWS::IAM::RolePolicy and \
      AWS::IAM::ManagedPolicy resources that name it, and ManagedPolicyArns that point at a managed \
      policy of the same template. Wildcards (logs:*, logs:Put*, *) count, as do NotAction and \
      NotResource; an unconditional Deny wins. A resource covers the log group when it is *, the \
      group's ARN (!GetAtt Group.Arn, or a !Sub or literal ARN whose log-group name matches, wildcards \
      included), or one of its log streams. A role outside the template, or a managed policy from \
      elsewhere, cannot be judged: with --show-unknown it is a note. In Terraform configuration it \
      reads the aws_iam_role's assume_role_policy, inline_policy blocks and managed_policy_arns, and the \
      aws_iam_role_policy, aws_iam_role_policy_attachment and aws_iam_policy_attachment resources that \
      name the role, each policy \
      written as JSON (a heredoc, jsonencode) or as a data aws_iam_policy_document; a resource such as \
      "${aws_cloudwatch_log_group.audit.arn}:*" names that log group. In a Terraform plan it reads \
      the same from what the plan shows after apply; a policy the plan shows as (known after apply) \
      cannot be judged (a note with --show-unknown), nor can a role that a data source reads.
      """,
    remediation: """
      Let CloudTrail assume the role and allow it to write to the trail's log group:
        AssumeRolePolicyDocument:
          Statement:
            - {Effect: Allow, Principal: {Service: cloudtrail.amazonaws.com}, Action: sts:AssumeRole}
        Policies:
          - PolicyName: deliver-to-cloudwatch-logs
            PolicyDocument:
              Statement:
                - Effect: Allow
                  Action: [logs:CreateLogStream, logs:PutLogEvents]
                  Resource: !GetAtt AuditLogs.Arn
      In Terraform, the same documents in assume_role_policy and an aws_iam_role_policy.
      """,
    references: [
      RuleReference(
        "Sending events to CloudWatch Logs: role policy document",
        "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-required-policy-for-cloudwatch-logs.html"),
      RuleReference(
        "IAM JSON policy elements: NotAction, NotResource",
        "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notaction.html"),
      RuleReference(
        "Policy evaluation logic",
        "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html"),
    ],
    controls: ["CIS AWS Foundations v1.4.0 3.4"],
    triggeringExamples: [
      RuleExample(
        "trail.yaml",
        """
        Resources:
          AuditLogs:
            Type: AWS::Logs::LogGroup
            Properties: {RetentionInDays: 365}
          ↓DeliveryRole:
            Type: AWS::IAM::Role
            Properties:
              AssumeRolePolicyDocument:
                Statement:
                  - {Effect: Allow, Principal: {Service: ec2.amazonaws.com}, Action: sts:AssumeRole}
              Policies:
                - PolicyName: deliver
                  PolicyDocument:
                    Statement:
                      - {Effect: Allow, Action: "logs:*", Resource: !GetAtt AuditLogs.Arn}
          AuditTrail:
            Type: AWS::CloudTrail::Trail
            Properties:
              IsLogging: true
              S3BucketName: audit-bucket
              CloudWatchLogsLogGroupArn: !GetAtt AuditLogs.Arn
              CloudWatchLogsRoleArn: !GetAtt DeliveryRole.Arn
        """),
      RuleExample(
        "trail.json",
        """
        {
          "Resources": {
            "AuditLogs": {"Type": "AWS::Logs::LogGroup", "Properties": {"LogGroupName": "audit", "RetentionInDays": 365}},
            ↓"DeliveryRole": {
              "Type": "AWS::IAM::Role",
              "Properties": {
                "AssumeRolePolicyDocument": {"Statement": [{"Effect": "Allow", "Principal": {"Service": "cloudtrail.amazonaws.com"}, "Action": "sts:AssumeRole"}]}
              }
            },
            "DeliveryPolicy": {
              "Type": "AWS::IAM::Policy",
              "Properties": {
                "PolicyName": "deliver",
                "Roles": [{"Ref": "DeliveryRole"}],
                "PolicyDocument": {"Statement": [{"Effect": "Allow", "Action": "logs:CreateLogStream", "Resource": "arn:aws:logs:*:*:log-group:other:*"}]}
              }
            },
            "AuditTrail": {
              "Type": "AWS::CloudTrail::Trail",
              "Properties": {
                "IsLogging": true,
                "S3BucketName": "audit-bucket",
                "CloudWatchLogsLogGroupArn": {"Fn::GetAtt": ["AuditLogs", "Arn"]},
                "CloudWatchLogsRoleArn": {"Fn::GetAtt": ["DeliveryRole", "Arn"]}
              }
            }
          }
        }
        """),
      RuleExample(
        "trail.tf",
        """
        resource "aws_cloudwatch_log_group" "audit" {
          name              = "audit"
          retention_in_days = 365
        }

        ↓resource "aws_iam_role" "delivery" {
          name = "trail-delivery"
          assume_role_policy = jsonencode({
            Statement = [{ Effect = "Allow", Principal = { Service = "cloudtrail.amazonaws.com" }, Action = "sts:AssumeRole" }]
          })
        }

        resource "aws_iam_role_policy" "delivery" {
          role = aws_iam_role.delivery.id
          policy = jsonencode({
            Statement = [{ Effect = "Allow", Action = ["logs:CreateLogStream"], Resource = "${aws_cloudwatch_log_group.audit.arn}:*" }]
          })
        }

        resource "aws_cloudtrail" "audit" {
          name                       = "audit"
          s3_bucket_name             = "audit-bucket"
          cloud_watch_logs_group_arn = "${aws_cloudwatch_log_group.audit.arn}:*"
          cloud_watch_logs_role_arn  = aws_iam_role.delivery.arn
        }
        """),
    ],
    nonTriggeringExamples: [
      RuleExample(
        "trail.yaml",
        """
        Resources:
          AuditLogs:
            Type: AWS::Logs::LogGroup
            Properties: {LogGroupName: /aws/cloudtrail/audit, RetentionInDays: 365}
          DeliveryRole:
            Type: AWS::IAM::Role
            Properties:
              AssumeRolePolicyDocument:
                Statement:
                  - {Effect: Allow, Principal: {Service: [cloudtrail.amazonaws.com]}, Action: "sts:AssumeRole"}
              ManagedPolicyArns: [!Ref DeliveryPolicy]
          DeliveryPolicy:
            Type: AWS::IAM::ManagedPolicy
            Properties:
              PolicyDocument:
                Statement:
                  - Effect: Allow
                    Action: [logs:CreateLogStream, "logs:Put*"]
                    Resource: !Sub "arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:/aws/cloudtrail/*"
          AuditTrail:
            Type: AWS::CloudTrail::Trail
            Properties:
              IsLogging: true
              S3BucketName: audit-bucket
              CloudWatchLogsLogGroupArn: !GetAtt AuditLogs.Arn
              CloudWatchLogsRoleArn: !GetAtt DeliveryRole.Arn
        """),
      RuleExample(
        "trail-external-role.json",
        """
        {"Resources": {"AuditTrail": {"Type": "AWS::CloudTrail::Trail", "Properties": {"IsLogging": true, \
        "S3BucketName": "audit-bucket", "CloudWatchLogsLogGroupArn": "arn:aws:logs:us-east-1:123456789012:log-group:audit:*", \
        "CloudWatchLogsRoleArn": "arn:aws:iam::123456789012:role/CloudTrailToLogs"}}}}
        """),
      RuleExample(
        "trail.tf",
        """
        resource "aws_cloudwatch_log_group" "audit" {
          name              = "audit"
          retention_in_days = 365
        }

        data "aws_iam_policy_document" "assume" {
          statement {
            actions = ["sts:AssumeRole"]
            principals {
              type        = "Service"
              identifiers = ["cloudtrail.amazonaws.com"]
            }
          }
        }

        resource "aws_iam_role" "delivery" {
          name               = "trail-delivery"
          assume_role_policy = data.aws_iam_policy_document.assume.json
        }

        resource "aws_iam_policy" "deliver" {
          policy = <<-POLICY
            {
              "Statement": [{
                "Effect": "Allow",
                "Action": ["logs:CreateLogStream", "logs:PutLogEvents"],
                "Resource": "${aws_cloudwatch_log_group.audit.arn}:log-stream:*"
              }]
            }
          POLICY
        }

        resource "aws_iam_role_policy_attachment" "deliver" {
          role       = aws_iam_role.delivery.name
          policy_arn = aws_iam_policy.deliver.arn
        }

        resource "aws_cloudtrail" "audit" {
          name                       = "audit"
          s3_bucket_name             = "audit-bucket"
          cloud_watch_logs_group_arn = "${aws_cloudwatch_log_group.audit.arn}:*"
          cloud_watch_logs_role_arn  = aws_iam_role.delivery.arn
        }
        """),
    ]
  )

  public func check(_ infrastructure: Infrastructure, settings: RuleSettings) -> [Violation] {
    var violations: [Violation] = []
    var seen: Set<String> = []
    func add(_ violation: Violation) {
      let key = "\(violation.range.start.line):\(violation.range.start.column):\(violation.message)"
      if seen.insert(key).inserted { violations.append(violation) }
    }
    // Only trails' references are looked up: a file without a trail needs no index.
    guard !infrastructure.trails.isEmpty else { return [] }
    let index = ResourceIndex(infrastructure)
    for trail in infrastructure.trails {
      for roleOutcome in trail.role.outcomes {
        guard case .explicit(let reference) = roleOutcome.state else { continue }
        guard let target = reference.target, let role = index.role(named: target) else {
          if settings.showUnknown { add(unlinkedRole(trail, roleOutcome, reference)) }
          continue
        }
        guard role.isDescribed else { continue }
        let trailName = "trail \(Wording.name(trail.identity))"
        let when = Wording.when(roleOutcome)
        if let violation = trust(of: role, for: trailName, when: when, settings: settings) { add(violation) }
        // One check per log group the trail may deliver to, under the conditions that lead to it.
        var groups: [(key: String, group: Reference, conditions: [String])] = []
        for groupOutcome in trail.logGroup.outcomes {
          guard case .explicit(let group) = groupOutcome.state else { continue }
          let key = group.target ?? group.shape?.description ?? ""
          let condition = groupOutcome.condition ?? ""
          if let index = groups.firstIndex(where: { $0.key == key }) {
            groups[index].conditions.append(condition)
          } else {
            groups.append((key, group, [condition]))
          }
        }
        for (_, group, conditions) in groups {
          // A group reached in every outcome, or unconditionally, needs no condition in the message.
          let always = conditions.contains("") || conditions.count == trail.logGroup.outcomes.count
          let groupWhen = always ? "" : conditions.joined(separator: " or ")
          let both = groupWhen.isEmpty ? when : (when.isEmpty ? " when \(groupWhen)" : "\(when) and \(groupWhen)")
          if let violation = permissions(of: role, to: group, in: index, for: trailName, when: both, settings: settings) {
            add(violation)
          }
        }
      }
    }
    return violations
  }

  private func unlinkedRole(_ trail: Trail, _ outcome: Outcome<Reference>, _ reference: Reference) -> Violation {
    let subject = "whether the role of trail \(Wording.name(trail.identity)) can deliver to CloudWatch Logs"
    let message: String
    if let reason = reference.shape?.unknownReason {
      message = "\(subject) cannot be checked before deploy\(Wording.when(outcome)): \(reason)"
    } else {
      let role = reference.shape.map { "\($0.description) is" } ?? "it is"
      message = "\(subject) cannot be checked\(Wording.when(outcome)): \(role) not a role in this file"
    }
    return Violation(message, at: outcome.range, resource: trail.identity, severity: .note)
  }

  private func trust(of role: Role, for trail: String, when: String, settings: RuleSettings) -> Violation? {
    let service = TextPattern(literal: Self.service)
    let principal = PatternMatch.targetAtoms(service, caseInsensitive: true)
    let evaluation = PolicyEvaluation([role.trustPolicy])
    let subject = "role \(Wording.name(role.identity)) does not let \(Self.service) assume it"
    let consequence = "so \(trail) cannot deliver its events to CloudWatch Logs\(when)"
    if role.trustPolicy.outcomes.contains(where: { $0.state == .absent }) {
      return Violation(
        "\(subject) (it has no \(role.trustPolicy.name)), \(consequence)", at: role.identity.range, resource: role.identity)
    }
    let verdict = evaluation.verdict { statement in
      let principals = Match.any(statement.principals.lazy.map {
        PatternMatch.match(PatternMatch.policyAtoms($0, caseInsensitive: true), principal)
      }).negated(statement.negatesPrincipals)
      return Match.all([principals, PolicyEvaluation.actions(of: statement, match: "sts:AssumeRole")])
    }
    switch verdict {
    case .allowed:
      return nil
    case .denied:
      return Violation(
        "\(subject) (a Deny statement in its \(role.trustPolicy.name) refuses it), \(consequence)",
        at: role.identity.range, resource: role.identity)
    case .notAllowed:
      var trusted: [String] = []
      for (_, document) in evaluation.documents {
        for statement in document.statements where statement.effect == .allow && !statement.negatesPrincipals
          && PolicyEvaluation.actions(of: statement, match: "sts:AssumeRole") == .yes
        {
          for principal in statement.principals where !trusted.contains(principal.description) {
            trusted.append(principal.description)
          }
        }
      }
      let detail = trusted.isEmpty
        ? "its \(role.trustPolicy.name) lets no one assume it"
        : "its \(role.trustPolicy.name) trusts only \(trusted.joined(separator: ", "))"
      return Violation("\(subject) (\(detail)), \(consequence)", at: role.identity.range, resource: role.identity)
    case .undecided(let reason):
      guard settings.showUnknown else { return nil }
      return Violation(
        "whether role \(Wording.name(role.identity)) lets \(Self.service) assume it cannot be checked before deploy: \(reason)",
        at: role.identity.range, resource: role.identity, severity: .note)
    }
  }

  private func permissions(
    of role: Role, to group: Reference, in index: ResourceIndex, for trail: String, when: String,
    settings: RuleSettings
  ) -> Violation? {
    let linked = group.target.flatMap(index.logGroup(named:))
    let groupName = linked.map { "log group \(Wording.name($0.identity))" } ?? "log group \(group.shape?.description ?? "?")"
    guard let arn = linked?.arn ?? Self.withoutWildcard(group.shape) else { return nil }
    // What the delivery actions name: a log stream of the group, or (leniently) the group itself.
    let stream = PatternMatch.targetAtoms(arn, caseInsensitive: false)
      + PatternMatch.targetAtoms(TextPattern(literal: ":log-stream:"), caseInsensitive: false) + [.segment]
    let itself = PatternMatch.targetAtoms(arn, caseInsensitive: false)
    func covers(_ resource: Reference) -> Match {
      if resource.target != nil && resource.target == group.target && linked != nil { return .yes }
      guard let shape = resource.shape else { return .maybe }
      let policy = PatternMatch.policyAtoms(shape, caseInsensitive: false)
      return Match.any([PatternMatch.match(policy, stream), PatternMatch.match(policy, itself)])
    }
    let evaluation = PolicyEvaluation(role.policies)
    var missing: [String] = []
    var denied: [(action: String, by: String)] = []
    var undecided: String?
    for action in Self.deliveryActions {
      let verdict = evaluation.verdict { statement in
        let resources = Match.any(statement.resources.lazy.map(covers)).negated(statement.negatesResources)
        return Match.all([PolicyEvaluation.actions(of: statement, match: action), resources])
      }
      switch verdict {
      case .allowed: break
      case .notAllowed: missing.append(action)
      case .denied(let by): denied.append((action, by))
      case .undecided(let reason): undecided = undecided ?? reason
      }
    }
    var problems: [String] = []
    if !missing.isEmpty {
      problems.append("has no policy that allows \(missing.joined(separator: " and ")) on \(groupName)")
    }
    if !denied.isEmpty {
      let names = denied.map(\.by).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
      problems.append(
        "denies \(denied.map(\.action).joined(separator: " and ")) on \(missing.isEmpty ? groupName : "it") "
          + "(\(names.joined(separator: ", ")))")
    }
    if !problems.isEmpty {
      let message = "role \(Wording.name(role.identity)) \(problems.joined(separator: " and ")), "
        + "so \(trail) cannot deliver its events to CloudWatch Logs\(when)"
      return Violation(message, at: role.identity.range, resource: role.identity)
    }
    if let undecided, settings.showUnknown {
      let message = "whether role \(Wording.name(role.identity)) allows \(Self.deliveryActions.joined(separator: " and ")) "
        + "on \(groupName) cannot be checked before deploy: \(undecided)"
      return Violation(message, at: role.identity.range, resource: role.identity, severity: .note)
    }
    return nil
  }

  /// A log group ARN as a trail writes it, without the `:*` ending.
  private static func withoutWildcard(_ shape: TextPattern?) -> TextPattern? {
    guard var pieces = shape?.pieces, case .literal(let last)? = pieces.last else { return shape }
    guard last.hasSuffix(":*") else { return shape }
    pieces[pieces.count - 1] = .literal(String(last.dropLast(2)))
    return TextPattern(pieces)
  }
}
