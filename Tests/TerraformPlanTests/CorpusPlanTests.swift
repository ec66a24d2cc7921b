import Foundation
import Testing
import TrailwatchKit

/// Every file of the shared corpus's `tfplan/` (real plans from checkov, terraform-json, infracost,
/// terraform-compliance and others, with state files and broken files among them) is read without a
/// crash: plans are linted, state files skipped, and the broken ones get one clean TW001.
struct CorpusPlanTests {
  static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("../shared/corpus/tfplan").standardizedFileURL

  static var isPresent: Bool { FileManager.default.fileExists(atPath: corpus.path) }

  /// Files that are not plans on purpose, relative to the corpus folder, and what a user sees for them.
  static let exceptions: [String: String] = [
    "hashicorp__terraform-json/testdata/invalid/plan.json": "676:29 TW001 error: unexpected text after the JSON value",
    "infracost__infracost/cmd/infracost/testdata/plan_with_terraform_wrapper.json":
      "1:1 TW001 error: text before the plan JSON (`[command]/tmp/3d212771-d9a8-4f72-aff1-dc3e73ef264e/terraform…`): "
      + "the hashicorp/setup-terraform wrapper adds it to terraform's output; write the plan with "
      + "`terraform show -json tf.plan > plan.json` and terraform_wrapper: false",
  ]

  @Test("every corpus plan is linted without TW001; state files are skipped; broken files get one TW001",
        .enabled(if: isPresent, "the shared corpus is not next to this checkout"))
  func corpus() throws {
    let enumerator = try #require(FileManager.default.enumerator(at: Self.corpus, includingPropertiesForKeys: nil))
    var plans = 0
    var skipped: [String] = []
    let linter = SourceLinter()
    for case let url as URL in enumerator where ["json", "golden"].contains(url.pathExtension) {
      let relative = String(url.standardizedFileURL.path.dropFirst(Self.corpus.path.count + 1))
      let result = linter.lint(Array(try Data(contentsOf: url)), path: relative)
      if let expected = Self.exceptions[relative] {
        #expect(result.findings.map(MarkedPlan.describe) == [expected], "\(relative)")
        continue
      }
      switch result.kind {
      case .terraformPlan:
        plans += 1
        #expect(!result.findings.contains { $0.ruleID == "TW001" }, "\(relative): \(result.findings.map(\.message))")
      case .other:
        skipped.append(relative)
        #expect(result.findings.isEmpty, "\(relative)")
      case .cloudFormation:
        Issue.record("\(relative) was read as a CloudFormation template")
      case .terraform:
        Issue.record("\(relative) was read as Terraform configuration")
      }
    }
    #expect(plans == 219)
    #expect(skipped.sorted() == [
      "hashicorp__terraform-json/testdata/110_sensitive_values/state.json",
      "hashicorp__terraform-json/testdata/has_checks/state.json",
      "hashicorp__terraform-json/testdata/identity/state.json",
      "hashicorp__terraform-json/testdata/invalid/state.json",
      "hashicorp__terraform-json/testdata/moved_block/show.json",
      "hashicorp__terraform-json/testdata/no_changes/state.json",
    ])
  }
}
