import Foundation
import Rules
import TerraformSource
import Testing
import TrailwatchKit

/// A plan linted with its configuration at hand: each finding is shown at the resource in the `.tf`
/// source (at the value when the source reports the same rule there), the plan's place is kept as a
/// related location, and the configuration's `trailwatch:ignore` comments apply.
struct PlanSourceTests {
  static let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("samples/terraform-source/planned").path

  static func files(_ overrides: [String: String] = [:]) throws -> [String: String] {
    var files: [String: String] = [:]
    for name in ["main.tf", "modules/audit/main.tf", "plan.json"] {
      files["planned/" + name] = try String(contentsOfFile: sample + "/" + name, encoding: .utf8)
    }
    for (name, text) in overrides { files["planned/" + name] = text }
    return files
  }

  /// Each finding as "file:line:column rule", "suppressed" when accepted, and its related places.
  static func lint(_ files: [String: String], reportUnused: Bool = false) -> [String] {
    let linter = SourceLinter(suppressionPolicy: SuppressionPolicy(reportsUnused: reportUnused))
    let plan = linter.lint(Array((files["planned/plan.json"] ?? "").utf8), path: "planned/plan.json")
    #expect(plan.kind == .terraformPlan)
    let placed = linter.placeInSource(
      plan.findings, planPath: "planned/plan.json", directory: "planned", fileSystem: InMemoryTerraformFiles(files))
    return (placed?.findings ?? []).map { finding in
      "\(finding.file):\(finding.range.start.line):\(finding.range.start.column) \(finding.ruleID)"
        + (finding.suppression == nil ? "" : " suppressed")
        + finding.related.map { " (plan \($0.file):\($0.range.start.line):\($0.range.start.column))" }.joined()
    }
  }

  @Test("plan findings land on the .tf lines: the block header, or the value the source reports")
  func placed() throws {
    #expect(Self.lint(try Self.files()) == [
      "planned/main.tf:13:1 TW101 (plan planned/plan.json:11:7)",
      "planned/main.tf:13:1 TW102 (plan planned/plan.json:11:7)",
      "planned/modules/audit/main.tf:7:23 TW202 (plan planned/plan.json:80:32)",
    ])
  }

  @Test("when the source cannot tell the value, the finding lands on the block header")
  func headerWhenTheSourceDiffers() throws {
    // The configuration alone says 400 days; the plan (with other variable values) says 30.
    let files = try Self.files(["terraform.tfvars": "retention_days = 400\n"])
    #expect(Self.lint(files).last == "planned/modules/audit/main.tf:5:1 TW202 (plan planned/plan.json:80:32)")
  }

  @Test("trailwatch:ignore comments in the .tf source apply to the plan's findings")
  func suppressed() throws {
    var main = try String(contentsOfFile: Self.sample + "/main.tf", encoding: .utf8)
    main = main.replacingOccurrences(
      of: "resource \"aws_cloudtrail\" \"legacy\" {",
      with: "# trailwatch:ignore TW101,TW102 the legacy trail is being retired\nresource \"aws_cloudtrail\" \"legacy\" {")
    var module = try String(contentsOfFile: Self.sample + "/modules/audit/main.tf", encoding: .utf8)
    module = module.replacingOccurrences(
      of: "retention_in_days = var.retention_days", with: "retention_in_days = var.retention_days // trailwatch:ignore TW202 copied to the SIEM")
    let findings = Self.lint(try Self.files(["main.tf": main, "modules/audit/main.tf": module]), reportUnused: true)
    #expect(findings == [
      "planned/main.tf:14:1 TW101 suppressed (plan planned/plan.json:11:7)",
      "planned/main.tf:14:1 TW102 suppressed (plan planned/plan.json:11:7)",
      "planned/modules/audit/main.tf:7:23 TW202 suppressed (plan planned/plan.json:80:32)",
    ])
  }

  @Test("without .tf files beside it, a plan reports in the plan")
  func noSource() throws {
    let linter = SourceLinter()
    let plan = linter.lint(Array((try Self.files()["planned/plan.json"] ?? "").utf8), path: "planned/plan.json")
    let placed = linter.placeInSource(
      plan.findings, planPath: "planned/plan.json", directory: "planned",
      fileSystem: InMemoryTerraformFiles(["planned/plan.json": "{}"]))
    #expect(placed == nil)
  }

  @Test("a run over the directory reports the plan's findings once, in the source")
  func directoryRun() async {
    let run = await Linter(options: LintOptions(paths: [Self.sample], jobs: 2)).run()
    #expect(run.report.findings.map { "\(URL(fileURLWithPath: $0.file).lastPathComponent):\($0.range.start.line) \($0.ruleID)" } == [
      "main.tf:13 TW101", "main.tf:13 TW102", "main.tf:7 TW202",
    ])
    #expect(run.report.filesLinted == 3)
  }
}
