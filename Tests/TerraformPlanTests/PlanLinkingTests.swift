import InfraModel
import Rules
import SourceMap
import Testing

@testable import TerraformPlan

/// How a trail is linked to its log group and role: through `configuration` references across
/// modules, or through the name in an ARN Terraform already knows.
struct PlanLinkingTests {
  static func model(_ text: String) throws -> Infrastructure {
    let root = try #require(try JSONReader.read(SourceText(text)))
    #expect(TerraformPlanAdapter.isPlan(root))
    return try TerraformPlanAdapter().infrastructure(from: root)
  }

  @Test("a known ARN keeps its text (without Terraform's missing :*) and links to the group of that name")
  func knownARN() throws {
    let model = try Self.model(#"""
      {"format_version": "1.2", "resource_changes": [
        {"address": "aws_cloudtrail.org", "mode": "managed", "type": "aws_cloudtrail", "name": "org",
         "change": {"actions": ["no-op"], "after": {
           "cloud_watch_logs_group_arn": "arn:aws:logs:eu-west-1:123456789012:log-group:/aws/cloudtrail/org",
           "cloud_watch_logs_role_arn": "arn:aws:iam::123456789012:role/service/cloudtrail-to-logs"}, "after_unknown": {}}},
        {"address": "aws_cloudwatch_log_group.org", "mode": "managed", "type": "aws_cloudwatch_log_group", "name": "org",
         "change": {"actions": ["no-op"], "after": {"name": "/aws/cloudtrail/org", "retention_in_days": 365}, "after_unknown": {}}},
        {"address": "aws_iam_role.delivery", "mode": "managed", "type": "aws_iam_role", "name": "delivery",
         "change": {"actions": ["no-op"], "after": {"name": "cloudtrail-to-logs"}, "after_unknown": {}}}
      ]}
      """#)
    let trail = try #require(model.trails.first)
    #expect(trail.logGroup.outcomes.map(\.state) == [
      .explicit(Reference(text: "arn:aws:logs:eu-west-1:123456789012:log-group:/aws/cloudtrail/org", target: "aws_cloudwatch_log_group.org"))
    ])
    #expect(trail.role.outcomes.map(\.state) == [
      .explicit(Reference(text: "arn:aws:iam::123456789012:role/service/cloudtrail-to-logs", target: "aws_iam_role.delivery"))
    ])
    #expect(trail.logGroup.outcomes[0].range.start.line == 4)
    #expect(trail.logGroup.outcomes[0].range.start.column == 36)
    #expect(model.roles.map(\.identity.name) == ["aws_iam_role.delivery"])
  }

  @Test("known after apply is unknown, never missing: a reference still links it; only true counts")
  func knownAfterApply() throws {
    let model = try Self.model(#"""
      {"format_version": "0.1", "resource_changes": [
        {"address": "aws_cloudtrail.linked", "mode": "managed", "type": "aws_cloudtrail", "name": "linked",
         "change": {"actions": ["create"], "after": {}, "after_unknown": {"cloud_watch_logs_group_arn": true, "cloud_watch_logs_role_arn": false}}},
        {"address": "aws_cloudtrail.unlinked", "mode": "managed", "type": "aws_cloudtrail", "name": "unlinked",
         "change": {"actions": ["create"], "after": {}, "after_unknown": {"cloud_watch_logs_group_arn": true}}},
        {"address": "aws_cloudwatch_log_group.t", "mode": "managed", "type": "aws_cloudwatch_log_group", "name": "t",
         "change": {"actions": ["create"], "after": {"name": "t"}, "after_unknown": {"retention_in_days": true}}}
      ], "configuration": {"root_module": {"resources": [
        {"address": "aws_cloudtrail.linked", "mode": "managed", "type": "aws_cloudtrail", "name": "linked",
         "expressions": {"cloud_watch_logs_group_arn": {"references": ["aws_cloudwatch_log_group.t.arn", "aws_cloudwatch_log_group.t"]}}}
      ]}}}
      """#)
    #expect(model.trails.map { $0.logGroup.outcomes.map(\.state) } == [
      [.explicit(Reference(text: nil, target: "aws_cloudwatch_log_group.t"))],
      [.unknown(reason: "the plan shows it as (known after apply)")],
    ])
    // `false` in after_unknown is a known value: here, absent from `after`, so not set.
    #expect(model.trails[0].role.outcomes.map(\.state) == [.absent])
    #expect(model.logGroups[0].retentionInDays.outcomes.map(\.state) == [.unknown(reason: "the plan shows it as (known after apply)")])
  }

  @Test("var.* is followed through the calling module's argument, module.x.out through the output's expression")
  func acrossModules() throws {
    let model = try Self.model(#"""
      {"format_version": "1.2", "resource_changes": [
        {"address": "module.trail[\"eu\"].aws_cloudtrail.this", "module_address": "module.trail[\"eu\"]",
         "mode": "managed", "type": "aws_cloudtrail", "name": "this",
         "change": {"actions": ["create"], "after": {}, "after_unknown": {"cloud_watch_logs_group_arn": true, "cloud_watch_logs_role_arn": true}}},
        {"address": "module.logs.module.group.aws_cloudwatch_log_group.this[0]", "module_address": "module.logs.module.group",
         "mode": "managed", "type": "aws_cloudwatch_log_group", "name": "this", "index": 0,
         "change": {"actions": ["create"], "after": {"name": "x", "retention_in_days": 731}, "after_unknown": {}}},
        {"address": "aws_iam_role.delivery", "mode": "managed", "type": "aws_iam_role", "name": "delivery",
         "change": {"actions": ["create"], "after": {"name": "delivery"}, "after_unknown": {"arn": true}}}
      ], "configuration": {"root_module": {
        "resources": [{"address": "aws_iam_role.delivery", "mode": "managed", "type": "aws_iam_role", "name": "delivery", "expressions": {}}],
        "module_calls": {
          "trail": {"for_each_expression": {"references": ["var.regions"]},
            "expressions": {"group_arn": {"references": ["module.logs.arn", "module.logs"]},
                            "role_arn": {"references": ["aws_iam_role.delivery.arn", "aws_iam_role.delivery"]}},
            "module": {"resources": [{"address": "aws_cloudtrail.this", "mode": "managed", "type": "aws_cloudtrail", "name": "this",
              "expressions": {"cloud_watch_logs_group_arn": {"references": ["var.group_arn"]},
                              "cloud_watch_logs_role_arn": {"references": ["var.role_arn"]}}}]}},
          "logs": {"module": {
            "outputs": {"arn": {"expression": {"references": ["module.group.arn", "module.group"]}}},
            "module_calls": {"group": {"module": {
              "outputs": {"arn": {"expression": {"references": ["aws_cloudwatch_log_group.this[0].arn", "aws_cloudwatch_log_group.this[0]", "aws_cloudwatch_log_group.this"]}}},
              "resources": [{"address": "aws_cloudwatch_log_group.this", "mode": "managed", "type": "aws_cloudwatch_log_group", "name": "this"}]}}}}}
        }}}}
      """#)
    let trail = try #require(model.trails.first)
    #expect(trail.identity.name == "module.trail[\"eu\"].aws_cloudtrail.this")
    #expect(trail.logGroup.outcomes.map(\.state) == [
      .explicit(Reference(target: "module.logs.module.group.aws_cloudwatch_log_group.this[0]"))
    ])
    #expect(trail.role.outcomes.map(\.state) == [.explicit(Reference(target: "aws_iam_role.delivery"))])
  }

  @Test("variables that refer to each other in a loop end without a link")
  func referenceLoop() throws {
    let model = try Self.model(#"""
      {"format_version": "1.2", "resource_changes": [
        {"address": "module.a.aws_cloudtrail.t", "module_address": "module.a", "mode": "managed", "type": "aws_cloudtrail", "name": "t",
         "change": {"actions": ["create"], "after": {}, "after_unknown": {"cloud_watch_logs_group_arn": true}}}
      ], "configuration": {"root_module": {"module_calls": {"a": {
        "expressions": {"x": {"references": ["module.a.y"]}},
        "module": {"outputs": {"y": {"expression": {"references": ["var.x"]}}},
          "resources": [{"address": "aws_cloudtrail.t", "mode": "managed", "type": "aws_cloudtrail", "name": "t",
            "expressions": {"cloud_watch_logs_group_arn": {"references": ["var.x"]}}}]}}}}}}
      """#)
    #expect(model.trails[0].logGroup.outcomes.map(\.state) == [.unknown(reason: "the plan shows it as (known after apply)")])
  }

  @Test("a data source's log group links by reference, keeps its retention, and is marked as managed elsewhere")
  func dataSource() throws {
    let model = try Self.model(#"""
      {"format_version": "1.2", "planned_values": {"root_module": {}},
       "resource_changes": [
        {"address": "aws_cloudtrail.org", "mode": "managed", "type": "aws_cloudtrail", "name": "org",
         "change": {"actions": ["create"], "after": {"cloud_watch_logs_group_arn": "arn:aws:logs:eu-west-1:1:log-group:shared:*"}, "after_unknown": {}}}
       ],
       "prior_state": {"format_version": "1.0", "values": {"root_module": {"child_modules": [{"address": "module.shared", "resources": [
        {"address": "module.shared.data.aws_cloudwatch_log_group.existing", "mode": "data", "type": "aws_cloudwatch_log_group", "name": "existing",
         "values": {"name": "shared", "retention_in_days": 14}}]}]}}}}
      """#)
    let group = try #require(model.logGroups.first)
    #expect(group.identity.name == "module.shared.data.aws_cloudwatch_log_group.existing")
    #expect(group.managedElsewhere != nil)
    #expect(group.retentionInDays.outcomes.map(\.state) == [.explicit(14)])
    #expect(model.trails[0].logGroup.outcomes.map(\.state) == [
      .explicit(Reference(text: "arn:aws:logs:eu-west-1:1:log-group:shared:*", target: "module.shared.data.aws_cloudwatch_log_group.existing"))
    ])
  }

  @Test("ARN names are read with and without CloudTrail's :* suffix", arguments: [
    ("arn:aws:logs:us-east-1:123456789012:log-group:audit:*", "audit"),
    ("arn:aws:logs:us-east-1:123456789012:log-group:/aws/cloudtrail/a-b_c.d#e", "/aws/cloudtrail/a-b_c.d#e"),
    ("arn:aws:logs:us-east-1:123456789012:log-group:", nil),
    ("audit", nil),
  ])
  func logGroupNames(arn: String, name: String?) {
    #expect(ARNName.logGroup(in: arn) == name)
  }

  @Test("a role ARN's name is the last part of its path", arguments: [
    ("arn:aws:iam::123456789012:role/CloudTrailToLogs", "CloudTrailToLogs"),
    ("arn:aws-us-gov:iam::123456789012:role/service/audit/CloudTrailToLogs", "CloudTrailToLogs"),
    ("arn:aws:iam::123456789012:role/", nil),
    ("arn:aws:iam::123456789012:user/alice", nil),
  ])
  func roleNames(arn: String, name: String?) {
    #expect(ARNName.role(in: arn) == name)
  }
}
