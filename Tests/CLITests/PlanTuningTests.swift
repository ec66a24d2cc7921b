import Foundation
import Testing

/// Terraform plans have no comments and no Metadata: the configuration's suppressions (by address)
/// and the baseline are how a team accepts a plan's findings.
struct PlanTuningTests {
  /// A copy of a sample plan in `directory`, as `plans/NAME`.
  private func copyPlan(_ name: String, to directory: TemporaryDirectory) throws {
    let text = try String(
      contentsOf: CommandRunner.packageRoot.appendingPathComponent("samples/terraform/\(name)"), encoding: .utf8)
    try directory.write("plans/\(name)", text)
  }

  @Test("configuration suppressions name plan resources by address, module instances included")
  func suppressionsByAddress() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    try copyPlan("bad-plan.json", to: directory)
    try copyPlan("modules-plan.json", to: directory)
    try directory.write(".trailwatch.yml", """
      rules: {TW102: note}
      suppressions:
        - rule: TW201
          file: "plans/*.json"
          resource: module.app_logs["worker"].aws_cloudwatch_log_group.this
          reason: the worker's logs are exported nightly
        - rule: log-group-retention-too-short
          resource: module.audit[0].aws_cloudwatch_log_group.this
          reason: a sandbox account
          until: 2020-12-31
        - rule: TW101
          resource: aws_cloudtrail.removed
          reason: gone

      """)
    let output = try CommandRunner.run(["--format", "gcc", "--report-unused", "plans"], in: directory.url)
    #expect(output.stdout == """
      .trailwatch.yml:7:5: warning: suppression of TW202 for 'module.audit[0].aws_cloudwatch_log_group.this' expired on 2020-12-31, so what it suppressed is reported again; fix it or renew the date [TW003]
      .trailwatch.yml:11:5: warning: suppression of TW101 for 'aws_cloudtrail.removed' matches no finding; remove it [TW002]
      plans/bad-plan.json:131:7: error: trail 'aws_cloudtrail.org' has no cloud_watch_logs_group_arn, so its events never reach CloudWatch Logs [TW101]
      plans/bad-plan.json:131:7: note: trail 'aws_cloudtrail.org' has no cloud_watch_logs_role_arn, so CloudTrail cannot deliver its events to CloudWatch Logs [TW102]
      plans/bad-plan.json:206:7: warning: log group 'aws_cloudwatch_log_group.app' has no retention_in_days, so it keeps its events forever [TW201]
      plans/modules-plan.json:420:32: error: log group 'module.audit[0].aws_cloudwatch_log_group.this' keeps the events of trail 'module.audit[0].aws_cloudtrail.this' for 30 days, fewer than the minimum of 365 [TW202]

      """)
    let json = try CommandRunner.run(["--format", "json", "plans/modules-plan.json"], in: directory.url)
    #expect(json.stdout.contains("\"justification\" : \"the worker's logs are exported nightly\""))
    #expect(json.stdout.contains("\"suppressed\" : 1,"))
  }

  @Test("a plan's baseline survives reformatting the plan: pretty, minified, resources reordered")
  func baseline() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    try copyPlan("bad-plan.json", to: directory)
    let written = try CommandRunner.run(["--write-baseline", "baseline.json", "plans"], in: directory.url)
    #expect(written.stderr == "trailwatch: wrote 3 entries to baseline.json\n")
    #expect(try directory.read("baseline.json").contains("\"resource\" : \"aws_cloudwatch_log_group.app\""))
    // `terraform show -json` writes one line; a plan written again after an unrelated change lists
    // its resources in another order.
    let pretty = try directory.read("plans/bad-plan.json")
    var plan = try #require(try JSONSerialization.jsonObject(with: Data(pretty.utf8)) as? [String: Any])
    var planned = try #require(plan["planned_values"] as? [String: Any])
    var root = try #require(planned["root_module"] as? [String: Any])
    root["resources"] = ((root["resources"] as? [Any]) ?? []).reversed() as [Any]
    planned["root_module"] = root
    plan["planned_values"] = planned
    let minified = try JSONSerialization.data(withJSONObject: plan, options: [.sortedKeys, .withoutEscapingSlashes])
    try directory.write("plans/bad-plan.json", String(decoding: minified, as: UTF8.self))
    let after = try CommandRunner.run(["--baseline", "baseline.json", "plans"], in: directory.url)
    #expect(after.stdout == "1 file linted: no findings (3 in the baseline)\n")
    #expect(after.exitCode == 0)
  }
}
