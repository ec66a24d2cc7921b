import InfraModel
import SourceMap

/// TW202: a log group that drops a trail's events before an audit needs them.
public struct LogGroupRetentionTooShortRule: Rule {
  public init() {}

  public static let description = RuleDescription(
    id: "TW202",
    name: "log-group-retention-too-short",
    severity: .error,
    summary: "A log group that a trail delivers to keeps its events for fewer than the minimum days (365).",
    rationale: """
      Breaches take on average about 210 days to be noticed; an audit log that expires sooner is gone \
      when the investigation starts. The minimum is 365 days by default (--min-retention, or \
      min-retention-days in .trailwatch.yml). By default the rule looks at the log groups a trail of the \
      same template or plan delivers to, followed through !GetAtt, !Ref, !Sub, Fn::Join and parameter \
      defaults (in a Terraform plan, through the configuration's references across modules, or the name \
      in a known ARN); with retention-scope: all-log-groups it looks at every log group. An existing log \
      group that a plan only reads through a data source is checked when a trail delivers to it.
      """,
    remediation: """
      Raise RetentionInDays to at least 365 (Terraform: retention_in_days = 365), or to the next value \
      CloudWatch Logs accepts above your minimum (400, 545, 731, …).
      """,
    references: [
      RuleReference(
        "Change log data retention in CloudWatch Logs",
        "https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/Working-with-log-groups-and-streams.html#SettingLogRetention"),
      RuleReference(
        "Security Hub control CloudWatch.16",
        "https://docs.aws.amazon.com/securityhub/latest/userguide/cloudwatch-controls.html#cloudwatch-16"),
    ],
    controls: ["AWS FSBP CloudWatch.16"],
    triggeringExamples: [
      RuleExample(
        "trail.yaml",
        """
        Resources:
          AuditLogs:
            Type: AWS::Logs::LogGroup
            Properties:
              RetentionInDays: ↓90
          AuditTrail:
            Type: AWS::CloudTrail::Trail
            Properties:
              IsLogging: true
              S3BucketName: audit-bucket
              CloudWatchLogsLogGroupArn: !GetAtt "AuditLogs.Arn"
              CloudWatchLogsRoleArn: arn:aws:iam::123456789012:role/CloudTrailToLogs
        """),
      RuleExample(
        "trail.json",
        """
        {
          "Resources": {
            "AuditLogs": {"Type": "AWS::Logs::LogGroup", "Properties": {"RetentionInDays": ↓"30"}},
            "AuditTrail": {
              "Type": "AWS::CloudTrail::Trail",
              "Properties": {
                "IsLogging": true,
                "S3BucketName": "audit-bucket",
                "CloudWatchLogsLogGroupArn": {"Fn::GetAtt": ["AuditLogs", "Arn"]},
                "CloudWatchLogsRoleArn": "arn:aws:iam::123456789012:role/CloudTrailToLogs"
              }
            }
          }
        }
        """),
      RuleExample(
        "tfplan.json",
        """
        {
          "format_version": "1.2",
          "terraform_version": "1.9.8",
          "resource_changes": [
            {
              "address": "module.audit.aws_cloudtrail.this",
              "module_address": "module.audit",
              "mode": "managed",
              "type": "aws_cloudtrail",
              "name": "this",
              "change": {
                "actions": ["create"],
                "before": null,
                "after": {"cloud_watch_logs_role_arn": "arn:aws:iam::123456789012:role/CloudTrailToLogs", "name": "audit"},
                "after_unknown": {"arn": true, "cloud_watch_logs_group_arn": true}
              }
            },
            {
              "address": "module.audit.aws_cloudwatch_log_group.this",
              "module_address": "module.audit",
              "mode": "managed",
              "type": "aws_cloudwatch_log_group",
              "name": "this",
              "change": {
                "actions": ["create"],
                "before": null,
                "after": {"name": "/aws/cloudtrail/audit", "retention_in_days": ↓30},
                "after_unknown": {"arn": true}
              }
            }
          ],
          "configuration": {
            "root_module": {
              "module_calls": {
                "audit": {
                  "source": "./modules/audit",
                  "module": {
                    "resources": [
                      {
                        "address": "aws_cloudtrail.this",
                        "mode": "managed",
                        "type": "aws_cloudtrail",
                        "name": "this",
                        "expressions": {
                          "cloud_watch_logs_group_arn": {
                            "references": ["aws_cloudwatch_log_group.this.arn", "aws_cloudwatch_log_group.this"]
                          }
                        }
                      }
                    ]
                  }
                }
              }
            }
          }
        }
        """),
      RuleExample(
        "trail.tf",
        """
        resource "aws_cloudwatch_log_group" "audit" {
          name              = "/audit/trail"
          retention_in_days = ↓var.days
        }
        variable "days" {
          default = 90
        }
        resource "aws_cloudtrail" "audit" {
          name                       = "audit"
          s3_bucket_name             = "audit-bucket"
          cloud_watch_logs_group_arn = format("%s:*", aws_cloudwatch_log_group.audit.arn)
          cloud_watch_logs_role_arn  = "arn:aws:iam::123456789012:role/CloudTrailToLogs"
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
            Properties:
              RetentionInDays: 400
          AppLogs:
            Type: AWS::Logs::LogGroup
            Properties:
              RetentionInDays: 7
          AuditTrail:
            Type: AWS::CloudTrail::Trail
            Properties:
              IsLogging: true
              S3BucketName: audit-bucket
              CloudWatchLogsLogGroupArn: !GetAtt AuditLogs.Arn
              CloudWatchLogsRoleArn: arn:aws:iam::123456789012:role/CloudTrailToLogs
        """),
      RuleExample(
        "tfplan.json",
        """
        {
          "format_version": "1.2",
          "terraform_version": "1.9.8",
          "resource_changes": [
            {
              "address": "aws_cloudtrail.audit",
              "mode": "managed",
              "type": "aws_cloudtrail",
              "name": "audit",
              "change": {
                "actions": ["no-op"],
                "before": null,
                "after": {
                  "cloud_watch_logs_group_arn": "arn:aws:logs:us-east-1:123456789012:log-group:audit:*",
                  "cloud_watch_logs_role_arn": "arn:aws:iam::123456789012:role/CloudTrailToLogs"
                },
                "after_unknown": {}
              }
            },
            {
              "address": "aws_cloudwatch_log_group.audit",
              "mode": "managed",
              "type": "aws_cloudwatch_log_group",
              "name": "audit",
              "change": {
                "actions": ["update"],
                "before": {"name": "audit", "retention_in_days": 30},
                "after": {"name": "audit", "retention_in_days": 400},
                "after_unknown": {}
              }
            },
            {
              "address": "aws_cloudwatch_log_group.app",
              "mode": "managed",
              "type": "aws_cloudwatch_log_group",
              "name": "app",
              "change": {
                "actions": ["create"],
                "before": null,
                "after": {"name": "app", "retention_in_days": 7},
                "after_unknown": {"arn": true}
              }
            }
          ]
        }
        """),
      RuleExample(
        "trail.tf",
        """
        resource "aws_cloudwatch_log_group" "audit" {
          name              = "/audit/trail"
          retention_in_days = 400
        }
        resource "aws_cloudwatch_log_group" "app" {
          retention_in_days = 7
        }
        resource "aws_cloudtrail" "audit" {
          name                       = "audit"
          s3_bucket_name             = "audit-bucket"
          cloud_watch_logs_group_arn = "${aws_cloudwatch_log_group.audit.arn}:*"
          cloud_watch_logs_role_arn  = "arn:aws:iam::123456789012:role/CloudTrailToLogs"
        }
        """),
    ]
  )

  public func check(_ infrastructure: Infrastructure, settings: RuleSettings) -> [Violation] {
    var violations: [Violation] = []
    let minimum = settings.minRetentionDays
    for (group, trails) in LogGroupsInScope.find(in: infrastructure, scope: settings.retentionScope) {
      let purpose = trails.isEmpty
        ? "its events"
        : "the events of trail \(trails.map { "'\($0)'" }.joined(separator: ", "))"
      // Outcomes that are too short at the same place (one per allowed value of a parameter, say) are
      // one finding that lists them, not one finding each.
      var tooShort: [(days: Int, outcome: Outcome<Int>)] = []
      for outcome in group.retentionInDays.outcomes {
        switch outcome.state {
        // A period CloudWatch Logs refuses is TW203's: the deploy fails before anything is kept.
        case .explicit(let days) where days < minimum && AllowedRetention.isAllowed(days):
          tooShort.append((days, outcome))
        case .unknown(let reason) where settings.showUnknown:
          let message = Wording.undecided(group.retentionInDays, outcome, of: group.identity, noun: "log group", reason: reason)
          violations.append(Violation(message, at: outcome, of: group.identity, severity: .note))
        case .explicit, .absent, .unknown, .malformed:
          break
        }
      }
      var places: [SourceRange] = []
      var byPlace: [SourceRange: [(days: Int, outcome: Outcome<Int>)]] = [:]
      for entry in tooShort {
        if byPlace[entry.outcome.range] == nil { places.append(entry.outcome.range) }
        byPlace[entry.outcome.range, default: []].append(entry)
      }
      let managed = group.managedElsewhere.map { "; \($0)" } ?? ""
      for place in places {
        let entries = (byPlace[place] ?? []).sorted { $0.days < $1.days }
        guard let first = entries.first else { continue }
        let message: String
        if entries.count == 1 {
          message = "log group \(Wording.name(group.identity)) keeps \(purpose) for \(Self.days(first.days))"
            + "\(Wording.when(first.outcome))\(Wording.origin(first.outcome)), fewer than the minimum of \(minimum)"
            + managed + Wording.circumstances(first.outcome, of: group.identity, noun: "log group")
        } else if let input = entries[0].outcome.input,
          entries.allSatisfy({ $0.outcome.input?.name == input.name && $0.outcome.input?.kind == input.kind })
        {
          let values = entries.map { entry in
            (entry.outcome.input?.value ?? String(entry.days)) + (entry.outcome.input?.isDefault == true ? " (its default)" : "")
          }
          let listed = values.count == 2
            ? values.joined(separator: " or ")
            : values.dropLast().joined(separator: ", ") + " or " + (values.last ?? "")
          message = "log group \(Wording.name(group.identity)) keeps \(purpose) for fewer than the minimum of "
            + "\(minimum) days when \(input.kind) \(input.name) is any of \(listed)"
            + managed + Wording.circumstances(of: group.identity, noun: "log group")
        } else {
          let ways = entries.map { "\(Self.days($0.days))\(Wording.when($0.outcome))\(Wording.origin($0.outcome))" }
          message = "log group \(Wording.name(group.identity)) keeps \(purpose) for fewer than the minimum of "
            + "\(minimum) days in \(entries.count) ways it can deploy: \(ways.joined(separator: "; "))"
            + managed + Wording.circumstances(of: group.identity, noun: "log group")
        }
        // The place may be in another file than the group's (a separate retention resource).
        violations.append(Violation(message, at: place, resource: group.identity, file: first.outcome.file))
      }
    }
    if settings.showUnknown {
      violations += unlinkedLogGroups(in: infrastructure)
    }
    return violations
  }

  private static func days(_ count: Int) -> String {
    count == 1 ? "1 day" : "\(count) days"
  }

  /// Notes for trails that deliver to a log group this input does not hold: its retention cannot be
  /// judged here.
  private func unlinkedLogGroups(in infrastructure: Infrastructure) -> [Violation] {
    var violations: [Violation] = []
    for trail in infrastructure.trails {
      for outcome in trail.logGroup.outcomes {
        guard case .explicit(let reference) = outcome.state, reference.target == nil else { continue }
        let subject = "the retention of the log group that trail \(Wording.name(trail.identity)) delivers to"
        let message: String
        if let reason = reference.shape?.unknownReason {
          message = "\(subject) cannot be checked before deploy\(Wording.when(outcome)): \(reason)"
        } else if let shape = reference.shape {
          message = "\(subject) cannot be checked\(Wording.when(outcome)): \(shape.description) is not a log group in this file"
        } else {
          message = "\(subject) cannot be checked\(Wording.when(outcome)): it is not a log group in this file"
        }
        violations.append(Violation(message, at: outcome.range, resource: trail.identity, severity: .note))
      }
    }
    return violations
  }
}
