import Foundation
import Rules
import Testing
import TrailwatchKit

/// Plans as files arrive: encodings, the setup-terraform wrapper's text, format versions, partial
/// plans, and every plan of the shared corpus.
struct PlanInputTests {
  static let trailWithoutDelivery = MarkedPlan(#"""
    {
      "format_version": "1.2",
      "terraform_version": "1.9.8",
      "resource_changes": [
        {
          ↓"address": "aws_cloudtrail.überwachung",
          "mode": "managed", "type": "aws_cloudtrail", "name": "überwachung",
          "change": {
            "actions": ["create"], "before": null,
            "after": {"name": "Überwachung 🔍", "cloud_watch_logs_group_arn": null, "cloud_watch_logs_role_arn": "arn:aws:iam::123456789012:role/r"},
            "after_unknown": {"arn": true}
          }
        }
      ]
    }
    """#)

  static let expectedWithoutDelivery = trailWithoutDelivery.expected([
    ("TW101", .error, "trail 'aws_cloudtrail.überwachung' has no cloud_watch_logs_group_arn, so its events never reach CloudWatch Logs")
  ])

  /// `text` as UTF-16 with a byte-order mark, as PowerShell 5's `>` writes it.
  static func utf16(_ text: String, bigEndian: Bool) -> [UInt8] {
    var bytes: [UInt8] = bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]
    for unit in text.utf16 {
      let high = UInt8(unit >> 8)
      let low = UInt8(unit & 0xFF)
      bytes += bigEndian ? [high, low] : [low, high]
    }
    return bytes
  }

  @Test("UTF-8 with and without a byte-order mark, and UTF-16 with one, give the same findings at the same places")
  func encodings() {
    let plan = Self.trailWithoutDelivery
    #expect(plan.lint() == Self.expectedWithoutDelivery)
    #expect(plan.lint(bytes: [0xEF, 0xBB, 0xBF] + Array(plan.text.utf8)) == Self.expectedWithoutDelivery)
    #expect(plan.lint(bytes: Self.utf16(plan.text, bigEndian: false)) == Self.expectedWithoutDelivery)
    #expect(plan.lint(bytes: Self.utf16(plan.text, bigEndian: true)) == Self.expectedWithoutDelivery)
  }

  @Test("a UTF-16LE plan file, named plan.out rather than .json, is found and linted from disk")
  func utf16File() async throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("trailwatch-plan-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let file = directory.appendingPathComponent("plan.out")
    try Data(Self.utf16(Self.trailWithoutDelivery.text, bigEndian: false)).write(to: file)
    let run = await Linter(options: LintOptions(paths: [file.path], jobs: 1)).run()
    #expect(run.problems == [])
    #expect(run.report.filesLinted == 1)
    #expect(run.report.findings.map { "\($0.file):" + MarkedPlan.describe($0) } == Self.expectedWithoutDelivery.map { "\(file.path):\($0)" })
  }

  @Test("a plan saved with the setup-terraform wrapper's text gets TW001 on its first line, saying how to save it")
  func wrapperPrefix() {
    let text = #"""
      [command]/home/runner/work/_temp/3d212771/terraform-bin show -json plan.tfplan
      {"format_version":"1.2","terraform_version":"1.9.8","planned_values":{"root_module":{}},"resource_changes":[]}
      ::debug::Terraform exited with code 0.
      ::set-output name=exitcode::0
      """#
    let plan = MarkedPlan(text)
    #expect(plan.lint() == [
      "1:1 TW001 error: text before the plan JSON (`[command]/home/runner/work/_temp/3d212771/terraform-bin show…`): "
        + "the hashicorp/setup-terraform wrapper adds it to terraform's output; write the plan with "
        + "`terraform show -json tf.plan > plan.json` and terraform_wrapper: false"
    ])
  }

  @Test("format versions 0.1 to 1.x are read; another major version is TW001 at the version", arguments: [
    ("0.1", nil), ("0.2", nil), ("1.0", nil), ("1.2", nil), ("1.27", nil),
    ("2.0", "plan format_version \"2.0\" is not one trailwatch reads (0.1 to 1.x): its meaning may have changed, so the plan is not checked; use a trailwatch that reads format 2.x"),
    ("one", "the plan's format_version \"one\" is not a version such as \"1.2\""),
  ] as [(String, String?)])
  func formatVersions(version: String, error: String?) {
    let plan = MarkedPlan(#"{"format_version": ↓"# + "\"\(version)\"" + #", "resource_changes": [{"address": "aws_cloudtrail.t", "type": "aws_cloudtrail", "name": "t", "mode": "managed", "change": {"actions": ["create"], "after": {}, "after_unknown": {"cloud_watch_logs_group_arn": true, "cloud_watch_logs_role_arn": true}}}]}"#)
    #expect(plan.lint() == (error.map { plan.expected([("TW001", .error, $0)]) } ?? []))
  }

  @Test("a format_version that is a number is TW001 at the number")
  func numericVersion() {
    let plan = MarkedPlan(#"{"format_version": ↓1.2, "planned_values": {}}"#)
    #expect(plan.lint() == plan.expected([
      ("TW001", .error, "the plan's format_version is not a string: `terraform show -json` writes it as one, such as \"1.2\"")
    ]))
  }

  @Test("known after apply is no finding; --show-unknown shows it as a note at the trail's address")
  func unknownAfterApply() {
    let plan = MarkedPlan(#"""
      {"format_version": "1.2", "resource_changes": [
        {↓"address": "aws_cloudtrail.org", "mode": "managed", "type": "aws_cloudtrail", "name": "org",
         "change": {"actions": ["create"], "before": null,
                    "after": {"cloud_watch_logs_role_arn": ↓"arn:aws:iam::123456789012:role/r"},
                    "after_unknown": {"cloud_watch_logs_group_arn": true}}}]}
      """#)
    #expect(plan.lint() == [])
    // The role is not in the plan either, so TW103 cannot check it: a note of its own.
    #expect(plan.lint(showUnknown: true) == plan.expected([
      ("TW101", .note, "cloud_watch_logs_group_arn of trail 'aws_cloudtrail.org' cannot be checked before deploy: the plan shows it as (known after apply)"),
      ("TW103", .note, "whether the role of trail 'aws_cloudtrail.org' can deliver to CloudWatch Logs cannot be checked: arn:aws:iam::123456789012:role/r is not a role in this file"),
    ]))
  }

  @Test("an incomplete plan is TW006 at complete: false, always; its deferred trail is unknown, shown with --show-unknown")
  func incompletePlan() {
    let plan = MarkedPlan(#"""
      {"format_version": "1.2", "resource_changes": [],
       "deferred_changes": [
         {"reason": "instance_count_unknown", "resource_change": {↓"address": "aws_cloudtrail.org[*]", "mode": "managed", "type": "aws_cloudtrail", "name": "org",
          "change": {"actions": ["create"], "before": null, "after": {}, "after_unknown": {"cloud_watch_logs_group_arn": true}}}}],
       ↓"complete": false}
      """#)
    let warning = "the plan is incomplete (complete: false): 1 resource was not planned (Terraform deferred it) and is not checked"
    #expect(plan.lint() == ["5:2 TW006 warning: \(warning)"])
    #expect(plan.markers.map { "\($0.line):\($0.column)" } == ["3:61", "5:2"])
    let reason = "Terraform deferred planning the resource (instance_count_unknown)"
    #expect(plan.lint(showUnknown: true) == [
      "3:61 TW101 note: cloud_watch_logs_group_arn of trail 'aws_cloudtrail.org[*]' cannot be checked before deploy: \(reason)",
      "3:61 TW102 note: cloud_watch_logs_role_arn of trail 'aws_cloudtrail.org[*]' cannot be checked before deploy: \(reason)",
      "3:61 TW105 note: enable_logging of trail 'aws_cloudtrail.org[*]' cannot be checked before deploy: \(reason)",
      "5:2 TW006 warning: \(warning)",
    ])
  }

  @Test("a plan that stopped on an error or left resources out is TW006 at the key that says so", arguments: [
    (#"{"format_version": "1.2", "resource_changes": [], ↓"errored": true, "complete": false}"#,
     "the plan stopped on an error (errored: true), so it is incomplete: the resources after the error were not planned and are not checked"),
    (#"{"format_version": "1.2", "resource_changes": [], ↓"complete": false, "errored": false}"#,
     "the plan is incomplete (complete: false): the resources Terraform left out (with -target, for example) were not planned and are not checked"),
    (#"{"format_version": "1.2", "resource_changes": [], ↓"deferred_changes": [{"reason": "provider_config_unknown"}, {"reason": "instance_count_unknown"}]}"#,
     "the plan is incomplete: 2 resources were not planned (Terraform deferred them) and are not checked"),
  ])
  func planIncomplete(text: String, message: String) {
    let plan = MarkedPlan(text)
    #expect(plan.lint() == plan.expected([("TW006", .warning, message)]))
    // Its own rule: turning the trail rules off does not hide it.
    let levels = RuleLevels(["TW101": .off, "TW102": .off])
    let linter = SourceLinter(ruleLevels: levels)
    #expect(linter.lint(Array(plan.text.utf8), path: "plan.json").findings.map(MarkedPlan.describe) == plan.lint())
  }

  @Test("a finding keeps its line for the terminal excerpt, unless the line is a minified plan of over 1,000 bytes")
  func excerpts() {
    let linter = SourceLinter(keepsLineText: true)
    let pretty = linter.lint(Array(Self.trailWithoutDelivery.text.utf8), path: "plan.json").findings
    #expect(pretty.map(\.lineText) == ["      \"address\": \"aws_cloudtrail.überwachung\","])
    let padding = String(repeating: " ", count: 1000)
    let minified = #"{"format_version": "1.2", "resource_changes": [{"address": "aws_cloudtrail.t", "mode": "managed", "type": "aws_cloudtrail", "name": "t", "change": {"actions": ["create"], "after": {"cloud_watch_logs_role_arn": "arn:aws:iam::123456789012:role/r"}, "after_unknown": {}}}],"# + padding + "\"complete\": true}"
    let long = linter.lint(Array(minified.utf8), path: "plan.json").findings
    #expect(long.map(\.ruleID) == ["TW101"])
    #expect(long.map(\.lineText) == [nil])
  }

  @Test("plans of unexpected shapes are read without a crash, as far as they go", arguments: [
    (#"{"format_version": "1.2", "resource_changes": {"not": "a list"}}"#, [String]()),
    (#"{"format_version": "1.2", "resource_changes": [1, "x", null, [], {}]}"#, []),
    (#"{"format_version": "1.2", "resource_changes": [{"address": "aws_cloudtrail.t", "type": "aws_cloudtrail", "change": "x"}]}"#,
     ["1:49 TW101", "1:49 TW102"]),
    (#"{"format_version": "1.2", "resource_changes": [{"address": "aws_cloudtrail.t", "type": "aws_cloudtrail", "change": {"after": {"cloud_watch_logs_group_arn": ["a"], "cloud_watch_logs_role_arn": 7}, "after_unknown": "all"}}]}"#,
     ["1:157 TW101", "1:193 TW102"]),
    (#"{"format_version": "1.2", "resource_changes": [{"address": "not an address", "type": "aws_cloudwatch_log_group", "name": "g", "index": "k\"1", "module_address": "module.m[\"a.b\"]", "change": {"actions": ["frobnicate"], "after": {"retention_in_days": "forever"}}}]}"#,
     ["1:252 TW203"]),
    (#"{"format_version": "1.2", "resource_changes": [{"address": "aws_cloudtrail.t", "type": "aws_cloudtrail", "name": "t", "change": {"actions": ["create"], "after": {"cloud_watch_logs_role_arn": "arn:aws:iam::123456789012:role/r"}, "after_unknown": {"cloud_watch_logs_group_arn": true}}}], "configuration": {"root_module": {"resources": [{"type": "aws_cloudtrail", "name": "t", "expressions": {"cloud_watch_logs_group_arn": {"references": [1, null, "", ".", "var", "module", "module.x", "data.aws_cloudwatch_log_group", "aws_cloudwatch_log_group.x[\"open"]}}}], "module_calls": {"x": {"module": "not a module"}}}}}"#,
     []),
  ] as [(String, [String])])
  func oddShapes(text: String, expected: [String]) {
    let result = SourceLinter().lint(Array(text.utf8), path: "plan.json")
    #expect(result.kind == .terraformPlan)
    #expect(result.findings.map { "\($0.range.start.line):\($0.range.start.column) \($0.ruleID)" } == expected)
  }

  @Test("a state file (terraform show -json without a plan) and other JSON are skipped, not errors", arguments: [
    #"{"format_version": "1.0", "terraform_version": "1.9.8", "values": {"root_module": {"resources": []}}}"#,
    #"{"format_version": "1.2"}"#,
    #"{"name": "package", "resource_changes": []}"#,
    #"[{"format_version": "1.2", "resource_changes": []}]"#,
  ])
  func notPlans(text: String) {
    let result = SourceLinter().lint(Array(text.utf8), path: "state.json")
    #expect(result.kind == .other)
    #expect(result.findings.isEmpty)
  }
}
