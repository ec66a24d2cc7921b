import Rules
import Testing

/// What a user sees for Terraform plans: exact findings at exact places, for each way a plan can
/// wire (or fail to wire) a trail to its log group and role.
struct PlanFindingsTests {
  @Test("a trail wired to a log group and a role created in the same plan has no finding, even with --show-unknown")
  func wiredInSamePlan() {
    let plan = MarkedPlan(#"""
      {
        "format_version": "1.2",
        "terraform_version": "1.9.8",
        "resource_changes": [
          {
            "address": "aws_cloudtrail.org",
            "mode": "managed", "type": "aws_cloudtrail", "name": "org",
            "change": {
              "actions": ["create"], "before": null,
              "after": {"name": "org-audit", "s3_bucket_name": "audit-bucket"},
              "after_unknown": {"arn": true, "cloud_watch_logs_group_arn": true, "cloud_watch_logs_role_arn": true}
            }
          },
          {
            "address": "aws_cloudwatch_log_group.trail",
            "mode": "managed", "type": "aws_cloudwatch_log_group", "name": "trail",
            "change": {
              "actions": ["create"], "before": null,
              "after": {"name": "/aws/cloudtrail/org-audit", "retention_in_days": 365},
              "after_unknown": {"arn": true, "id": true, "log_group_class": true}
            }
          },
          {
            "address": "aws_iam_role.delivery",
            "mode": "managed", "type": "aws_iam_role", "name": "delivery",
            "change": {"actions": ["create"], "before": null, "after": {"name": "cloudtrail-to-logs"}, "after_unknown": {"arn": true}}
          }
        ],
        "configuration": {
          "root_module": {
            "resources": [
              {
                "address": "aws_cloudtrail.org", "mode": "managed", "type": "aws_cloudtrail", "name": "org",
                "expressions": {
                  "cloud_watch_logs_group_arn": {"references": ["aws_cloudwatch_log_group.trail.arn", "aws_cloudwatch_log_group.trail"]},
                  "cloud_watch_logs_role_arn": {"references": ["aws_iam_role.delivery.arn", "aws_iam_role.delivery"]}
                }
              }
            ]
          }
        }
      }
      """#)
    #expect(plan.lint() == [])
    #expect(plan.lint(showUnknown: true) == [])
  }

  @Test("enable_logging = false is TW105 at the value; known after apply is a note with --show-unknown; unset is true")
  func enableLogging() {
    let plan = MarkedPlan(#"""
      {"format_version": "1.2", "resource_changes": [
        {"address": "aws_cloudtrail.off", "mode": "managed", "type": "aws_cloudtrail", "name": "off",
         "change": {"actions": ["update"], "after": {"enable_logging": ↓false, "cloud_watch_logs_group_arn": "arn:aws:logs:eu-west-1:1:log-group:a:*", "cloud_watch_logs_role_arn": "arn:aws:iam::1:role/r"}, "after_unknown": {}}},
        {↓"address": "aws_cloudtrail.later", "mode": "managed", "type": "aws_cloudtrail", "name": "later",
         "change": {"actions": ["create"], "after": {"cloud_watch_logs_group_arn": "arn:aws:logs:eu-west-1:1:log-group:a:*", "cloud_watch_logs_role_arn": "arn:aws:iam::1:role/r"}, "after_unknown": {"enable_logging": true}}},
        {"address": "aws_cloudtrail.unset", "mode": "managed", "type": "aws_cloudtrail", "name": "unset",
         "change": {"actions": ["create"], "after": {"cloud_watch_logs_group_arn": "arn:aws:logs:eu-west-1:1:log-group:a:*", "cloud_watch_logs_role_arn": "arn:aws:iam::1:role/r"}, "after_unknown": {}}}]}
      """#)
    let off = ("TW105", Severity.warning, "trail 'aws_cloudtrail.off' has enable_logging false, so it records no events")
    #expect(plan.lint() == plan.expected([off]))
    let unknown = plan.lint(showUnknown: true).filter { $0.contains("TW105") }
    #expect(unknown == plan.expected([
      off,
      ("TW105", .note, "enable_logging of trail 'aws_cloudtrail.later' cannot be checked before deploy: the plan shows it as (known after apply)"),
    ]))
  }

  @Test("a trail with neither log group nor role is reported at its address, twice")
  func nothingSet() {
    let plan = MarkedPlan(#"""
      {
        "format_version": "1.2",
        "planned_values": {"root_module": {}},
        "resource_changes": [
          {
            ↓"address": "aws_cloudtrail.org",
            "mode": "managed", "type": "aws_cloudtrail", "name": "org",
            "change": {
              "actions": ["create"], "before": null,
              "after": {"cloud_watch_logs_group_arn": null, "cloud_watch_logs_role_arn": null, "name": "org-audit"},
              "after_unknown": {"arn": true, "id": true}
            }
          }
        ]
      }
      """#)
    #expect(plan.lint() == [
      "6:7 TW101 error: trail 'aws_cloudtrail.org' has no cloud_watch_logs_group_arn, so its events never reach CloudWatch Logs",
      "6:7 TW102 error: trail 'aws_cloudtrail.org' has no cloud_watch_logs_role_arn, so CloudTrail cannot deliver its events to CloudWatch Logs",
    ])
    #expect(plan.markers.map { "\($0.line):\($0.column)" } == ["6:7"])
  }

  @Test("a module's trail delivering to the module's log group of 30 days: TW202 at the 30")
  func moduleLogGroupTooShort() {
    let plan = MarkedPlan(#"""
      {
        "format_version": "1.2",
        "resource_changes": [
          {
            "address": "module.audit.aws_cloudtrail.this[0]", "module_address": "module.audit",
            "mode": "managed", "type": "aws_cloudtrail", "name": "this", "index": 0,
            "change": {
              "actions": ["create"], "before": null,
              "after": {"cloud_watch_logs_role_arn": "arn:aws:iam::123456789012:role/cloudtrail-to-logs"},
              "after_unknown": {"cloud_watch_logs_group_arn": true}
            }
          },
          {
            "address": "module.audit.aws_cloudwatch_log_group.this[0]", "module_address": "module.audit",
            "mode": "managed", "type": "aws_cloudwatch_log_group", "name": "this", "index": 0,
            "change": {
              "actions": ["create"], "before": null,
              "after": {"name": "/aws/cloudtrail/org", "retention_in_days": ↓30},
              "after_unknown": {"arn": true}
            }
          }
        ],
        "configuration": {"root_module": {"module_calls": {"audit": {"source": "./audit", "module": {"resources": [
          {"address": "aws_cloudtrail.this", "mode": "managed", "type": "aws_cloudtrail", "name": "this",
           "expressions": {"cloud_watch_logs_group_arn": {"references": ["aws_cloudwatch_log_group.this[0].arn", "aws_cloudwatch_log_group.this[0]", "aws_cloudwatch_log_group.this"]}}}
        ]}}}}}
      }
      """#)
    #expect(plan.lint() == plan.expected([
      ("TW202", .error, "log group 'module.audit.aws_cloudwatch_log_group.this[0]' keeps the events of trail 'module.audit.aws_cloudtrail.this[0]' for 30 days, fewer than the minimum of 365"),
    ]))
  }

  @Test("a trail the plan deletes or forgets is not checked; the new half of a replacement is")
  func removedTrails() {
    let plan = MarkedPlan(#"""
      {
        "format_version": "1.2",
        "resource_changes": [
          {"address": "aws_cloudtrail.old", "mode": "managed", "type": "aws_cloudtrail", "name": "old",
           "change": {"actions": ["delete"], "before": {"name": "old", "cloud_watch_logs_group_arn": null}, "after": null, "after_unknown": {}}},
          {"address": "aws_cloudtrail.gone", "mode": "managed", "type": "aws_cloudtrail", "name": "gone",
           "change": {"actions": ["forget"], "before": {"name": "gone"}, "after": null, "after_unknown": {}}},
          {"address": "aws_cloudtrail.swap", "mode": "managed", "type": "aws_cloudtrail", "name": "swap", "deposed": "00000001",
           "change": {"actions": ["delete"], "before": {"name": "swap"}, "after": null, "after_unknown": {}}},
          {↓"address": "aws_cloudtrail.swap", "mode": "managed", "type": "aws_cloudtrail", "name": "swap",
           "change": {"actions": ["delete", "create"], "before": {"name": "swap"},
                      "after": {"name": "swap", "cloud_watch_logs_role_arn": "arn:aws:iam::123456789012:role/to-logs"}, "after_unknown": {"arn": true}}}
        ]
      }
      """#)
    #expect(plan.lint() == plan.expected([
      ("TW101", .error, "trail 'aws_cloudtrail.swap' has no cloud_watch_logs_group_arn, so its events never reach CloudWatch Logs"),
    ]))
  }

  @Test("count and for_each instances each pair with the log group instance of their own key")
  func countAndForEach() {
    let plan = MarkedPlan(#"""
      {
        "format_version": "1.2",
        "resource_changes": [
          {"address": "aws_cloudtrail.regional[0]", "mode": "managed", "type": "aws_cloudtrail", "name": "regional", "index": 0,
           "change": {"actions": ["create"], "before": null, "after": {"cloud_watch_logs_role_arn": "arn:aws:iam::123456789012:role/r"},
                      "after_unknown": {"cloud_watch_logs_group_arn": true}}},
          {"address": "aws_cloudtrail.regional[1]", "mode": "managed", "type": "aws_cloudtrail", "name": "regional", "index": 1,
           "change": {"actions": ["create"], "before": null, "after": {"cloud_watch_logs_role_arn": "arn:aws:iam::123456789012:role/r"},
                      "after_unknown": {"cloud_watch_logs_group_arn": true}}},
          {"address": "aws_cloudwatch_log_group.regional[0]", "mode": "managed", "type": "aws_cloudwatch_log_group", "name": "regional", "index": 0,
           "change": {"actions": ["create"], "before": null, "after": {"name": "a", "retention_in_days": 400}, "after_unknown": {"arn": true}}},
          {"address": "aws_cloudwatch_log_group.regional[1]", "mode": "managed", "type": "aws_cloudwatch_log_group", "name": "regional", "index": 1,
           "change": {"actions": ["create"], "before": null, "after": {"name": "b", "retention_in_days": ↓90}, "after_unknown": {"arn": true}}},
          {↓"address": "aws_cloudtrail.by_env[\"prod\"]", "mode": "managed", "type": "aws_cloudtrail", "name": "by_env", "index": "prod",
           "change": {"actions": ["create"], "before": null, "after": {"cloud_watch_logs_role_arn": null},
                      "after_unknown": {"cloud_watch_logs_group_arn": true}}},
          {"address": "aws_cloudwatch_log_group.by_env[\"dev\"]", "mode": "managed", "type": "aws_cloudwatch_log_group", "name": "by_env", "index": "dev",
           "change": {"actions": ["create"], "before": null, "after": {"name": "dev", "retention_in_days": 7}, "after_unknown": {"arn": true}}},
          {"address": "aws_cloudwatch_log_group.by_env[\"prod\"]", "mode": "managed", "type": "aws_cloudwatch_log_group", "name": "by_env", "index": "prod",
           "change": {"actions": ["create"], "before": null, "after": {"name": "prod", "retention_in_days": ↓180}, "after_unknown": {"arn": true}}}
        ],
        "configuration": {"root_module": {"resources": [
          {"address": "aws_cloudtrail.regional", "mode": "managed", "type": "aws_cloudtrail", "name": "regional",
           "count_expression": {"constant_value": 2},
           "expressions": {"cloud_watch_logs_group_arn": {"references": ["aws_cloudwatch_log_group.regional", "count.index"]}}},
          {"address": "aws_cloudtrail.by_env", "mode": "managed", "type": "aws_cloudtrail", "name": "by_env",
           "for_each_expression": {"references": ["var.environments"]},
           "expressions": {"cloud_watch_logs_group_arn": {"references": ["aws_cloudwatch_log_group.by_env", "each.key"]}}}
        ]}}
      }
      """#)
    #expect(plan.lint() == plan.expected([
      ("TW202", .error, "log group 'aws_cloudwatch_log_group.regional[1]' keeps the events of trail 'aws_cloudtrail.regional[1]' for 90 days, fewer than the minimum of 365"),
      ("TW102", .error, "trail 'aws_cloudtrail.by_env[\"prod\"]' has no cloud_watch_logs_role_arn, so CloudTrail cannot deliver its events to CloudWatch Logs"),
      ("TW202", .error, "log group 'aws_cloudwatch_log_group.by_env[\"prod\"]' keeps the events of trail 'aws_cloudtrail.by_env[\"prod\"]' for 180 days, fewer than the minimum of 365"),
    ]))
  }

  @Test("a DELIVERY-class log group is not asked for a retention, not even as a trail's log group")
  func deliveryClass() {
    let plan = MarkedPlan(#"""
      {
        "format_version": "1.2",
        "resource_changes": [
          {"address": "aws_cloudwatch_log_group.vended", "mode": "managed", "type": "aws_cloudwatch_log_group", "name": "vended",
           "change": {"actions": ["create"], "before": null,
                      "after": {"log_group_class": "DELIVERY", "name": "/aws/vendedlogs/x", "retention_in_days": 0}, "after_unknown": {"arn": true}}},
          {"address": "aws_cloudwatch_log_group.short", "mode": "managed", "type": "aws_cloudwatch_log_group", "name": "short",
           "change": {"actions": ["create"], "before": null,
                      "after": {"log_group_class": "DELIVERY", "name": "short", "retention_in_days": 30}, "after_unknown": {"arn": true}}},
          {"address": "aws_cloudtrail.org", "mode": "managed", "type": "aws_cloudtrail", "name": "org",
           "change": {"actions": ["no-op"], "before": null,
                      "after": {"cloud_watch_logs_group_arn": "arn:aws:logs:eu-west-1:123456789012:log-group:short:*",
                                "cloud_watch_logs_role_arn": "arn:aws:iam::123456789012:role/to-logs"}, "after_unknown": {}}}
        ]
      }
      """#)
    #expect(plan.lint() == [])
  }

  @Test("an aws_cloudwatch_log_group_retention sets the retention of the group it names")
  func separateRetentionResource() {
    let plan = MarkedPlan(#"""
      {
        "format_version": "1.2",
        "resource_changes": [
          {"address": "aws_cloudwatch_log_group.flow", "mode": "managed", "type": "aws_cloudwatch_log_group", "name": "flow",
           "change": {"actions": ["create"], "before": null, "after": {"name": "/vpc/flow", "retention_in_days": 0}, "after_unknown": {"arn": true}}},
          {"address": "aws_cloudwatch_log_group_retention.flow", "mode": "managed", "type": "aws_cloudwatch_log_group_retention", "name": "flow",
           "change": {"actions": ["create"], "before": null, "after": {"log_group_name": "/vpc/flow", "retention_in_days": 400}, "after_unknown": {"id": true}}},
          {"address": "aws_cloudwatch_log_group.trail", "mode": "managed", "type": "aws_cloudwatch_log_group", "name": "trail",
           "change": {"actions": ["create"], "before": null, "after": {"name": "/trail", "retention_in_days": 0}, "after_unknown": {"arn": true}}},
          {"address": "aws_cloudwatch_log_group_retention.trail", "mode": "managed", "type": "aws_cloudwatch_log_group_retention", "name": "trail",
           "change": {"actions": ["create"], "before": null, "after": {"log_group_name": "/trail", "retention_in_days": ↓30}, "after_unknown": {"id": true}}},
          {"address": "aws_cloudtrail.org", "mode": "managed", "type": "aws_cloudtrail", "name": "org",
           "change": {"actions": ["create"], "before": null, "after": {"cloud_watch_logs_role_arn": "arn:aws:iam::123456789012:role/r"},
                      "after_unknown": {"cloud_watch_logs_group_arn": true}}}
        ],
        "configuration": {"root_module": {"resources": [
          {"address": "aws_cloudtrail.org", "mode": "managed", "type": "aws_cloudtrail", "name": "org",
           "expressions": {"cloud_watch_logs_group_arn": {"references": ["aws_cloudwatch_log_group.trail.arn", "aws_cloudwatch_log_group.trail"]}}},
          {"address": "aws_cloudwatch_log_group_retention.trail", "mode": "managed", "type": "aws_cloudwatch_log_group_retention", "name": "trail",
           "expressions": {"log_group_name": {"references": ["aws_cloudwatch_log_group.trail.name", "aws_cloudwatch_log_group.trail"]},
                           "retention_in_days": {"constant_value": 30}}}
        ]}}
      }
      """#)
    #expect(plan.lint() == plan.expected([
      ("TW202", .error, "log group 'aws_cloudwatch_log_group.trail' keeps the events of trail 'aws_cloudtrail.org' for 30 days (set by aws_cloudwatch_log_group_retention.trail), fewer than the minimum of 365"),
    ]))
  }

  @Test("a minified plan, all on one line, gets the same findings at exact columns")
  func minified() {
    let plan = MarkedPlan(#"""
      {"format_version":"1.2","terraform_version":"1.9.8","resource_changes":[{"address":"aws_cloudtrail.org","mode":"managed","type":"aws_cloudtrail","name":"org","change":{"actions":["create"],"before":null,"after":{"cloud_watch_logs_role_arn":"arn:aws:iam::123456789012:role/r","cloud_watch_logs_group_arn":"arn:aws:logs:eu-west-1:123456789012:log-group:audit:*"},"after_unknown":{}}},{↓"address":"aws_cloudwatch_log_group.app","mode":"managed","type":"aws_cloudwatch_log_group","name":"app","change":{"actions":["create"],"before":null,"after":{"name":"app","retention_in_days":0},"after_unknown":{"arn":true}}},{"address":"aws_cloudwatch_log_group.audit","mode":"managed","type":"aws_cloudwatch_log_group","name":"audit","change":{"actions":["no-op"],"before":null,"after":{"name":"audit","retention_in_days":↓60},"after_unknown":{}}}]}
      """#)
    #expect(plan.lint() == plan.expected([
      ("TW201", .warning, "log group 'aws_cloudwatch_log_group.app' has no retention_in_days, so it keeps its events forever"),
      ("TW202", .error, "log group 'aws_cloudwatch_log_group.audit' keeps the events of trail 'aws_cloudtrail.org' for 60 days, fewer than the minimum of 365"),
    ]))
    #expect(plan.markers.map { "\($0.line):\($0.column)" } == ["1:384", "1:808"])
  }

  // MARK: Delivery roles (TW103)

  /// A no-op plan: a trail, its log group, and the role `cloudtrail-to-logs` with `trust` and `inline`
  /// as the plan shows them, and an `aws_iam_role_policy` naming the role with `policy`.
  static func rolePlan(trust: String, inline: String = "[]", policy: String, policyUnknown: Bool = false) -> MarkedPlan {
    MarkedPlan(#"""
      {"format_version": "1.2", "resource_changes": [
        {"address": "aws_cloudtrail.org", "mode": "managed", "type": "aws_cloudtrail", "name": "org",
         "change": {"actions": ["no-op"], "after": {"enable_logging": true,
           "cloud_watch_logs_group_arn": "arn:aws:logs:eu-west-1:123456789012:log-group:audit:*",
           "cloud_watch_logs_role_arn": "arn:aws:iam::123456789012:role/cloudtrail-to-logs"}, "after_unknown": {}}},
        {"address": "aws_cloudwatch_log_group.audit", "mode": "managed", "type": "aws_cloudwatch_log_group", "name": "audit",
         "change": {"actions": ["no-op"], "after": {"name": "audit", "retention_in_days": 365,
           "arn": "arn:aws:logs:eu-west-1:123456789012:log-group:audit"}, "after_unknown": {}}},
        {↓"address": "aws_iam_role.delivery", "mode": "managed", "type": "aws_iam_role", "name": "delivery",
         "change": {"actions": ["no-op"], "after": {"name": "cloudtrail-to-logs", "assume_role_policy": \#(trust),
           "inline_policy": \#(inline), "managed_policy_arns": []}, "after_unknown": {}}},
        {"address": "aws_iam_role_policy.deliver", "mode": "managed", "type": "aws_iam_role_policy", "name": "deliver",
         "change": {"actions": ["no-op"], "after": {"role": "cloudtrail-to-logs", "policy": \#(policy)},
           "after_unknown": {"policy": \#(policyUnknown)}}}
      ]}
      """#)
  }

  static let trustsCloudTrail = #""{\"Statement\":[{\"Action\":\"sts:AssumeRole\",\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"cloudtrail.amazonaws.com\"}}]}""#
  static let streamsOnly = #""{\"Statement\":[{\"Action\":\"logs:CreateLogStream\",\"Effect\":\"Allow\",\"Resource\":\"arn:aws:logs:eu-west-1:123456789012:log-group:audit:*\"}]}""#

  @Test("a plan's role: its trust and the policies that name it are read as the plan shows them")
  func planRoles() {
    let streams = Self.rolePlan(trust: Self.trustsCloudTrail, policy: Self.streamsOnly)
    #expect(streams.lint() == streams.expected([
      ("TW103", .error, "role 'aws_iam_role.delivery' has no policy that allows logs:PutLogEvents on log group 'aws_cloudwatch_log_group.audit', so trail 'aws_cloudtrail.org' cannot deliver its events to CloudWatch Logs"),
    ]))
    let inline = #"[{"name": "events", "policy": "{\"Statement\":[{\"Action\":\"logs:PutLogEvents\",\"Effect\":\"Allow\",\"Resource\":\"*\"}]}"}]"#
    #expect(Self.rolePlan(trust: Self.trustsCloudTrail, inline: inline, policy: Self.streamsOnly).lint(showUnknown: true) == [])
    let ec2 = Self.trustsCloudTrail.replacingOccurrences(of: "cloudtrail.amazonaws.com", with: "ec2.amazonaws.com")
    let wrongTrust = Self.rolePlan(trust: ec2, inline: inline, policy: Self.streamsOnly)
    #expect(wrongTrust.lint() == wrongTrust.expected([
      ("TW103", .error, "role 'aws_iam_role.delivery' does not let cloudtrail.amazonaws.com assume it (its assume_role_policy trusts only ec2.amazonaws.com), so trail 'aws_cloudtrail.org' cannot deliver its events to CloudWatch Logs"),
    ]))
  }

  @Test("a plan's policy known only after apply is a note with --show-unknown, nothing without")
  func planPolicyKnownAfterApply() {
    let plan = Self.rolePlan(trust: Self.trustsCloudTrail, policy: "null", policyUnknown: true)
    #expect(plan.lint() == [])
    #expect(plan.lint(showUnknown: true) == plan.expected([
      ("TW103", .note, "whether role 'aws_iam_role.delivery' allows logs:CreateLogStream and logs:PutLogEvents on log group 'aws_cloudwatch_log_group.audit' cannot be checked before deploy: the plan shows it as (known after apply)"),
    ]))
  }
}
