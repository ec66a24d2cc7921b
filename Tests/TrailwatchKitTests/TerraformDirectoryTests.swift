import Foundation
import Rules
import TerraformSource
import Testing
import TrailwatchKit

/// The engine on real directories: `.tf` files are grouped by directory, a local module is linted
/// through its caller, and the output does not depend on how the module was named.
struct TerraformDirectoryTests {
  /// A root module calling a local module whose retention comes from the caller (on its own, the
/// module's default of null would keep events forever).
  static func makeStack() throws -> String {
    let root = FileManager.default.temporaryDirectory
      .appendingPathComponent("trailwatch-tf-\(UUID().uuidString)").path
    let files = [
      "main.tf": """
        module "logs" {
          source = "./modules/logs"
          days   = 30
        }
        resource "aws_cloudtrail" "main" {
          cloud_watch_logs_group_arn = module.logs.arn
          cloud_watch_logs_role_arn  = "arn:aws:iam::123456789012:role/delivery"
        }
        """,
      "modules/logs/main.tf": """
        variable "days" {
          default = null
        }
        resource "aws_cloudwatch_log_group" "this" {
          retention_in_days = var.days
        }
        output "arn" {
          value = "${aws_cloudwatch_log_group.this.arn}:*"
        }
        """,
      "modules/logs/README.md": "not linted\n",
    ]
    for (name, text) in files {
      let url = URL(fileURLWithPath: root).appendingPathComponent(name)
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try text.write(to: url, atomically: true, encoding: .utf8)
    }
    return root
  }

  static func run(_ paths: [String], jobs: Int = 2) async -> LintRun {
    await Linter(options: LintOptions(paths: paths, settings: RuleSettings(showUnknown: true), jobs: jobs)).run()
  }

  @Test("a local module is linted through its caller, once, with the caller's inputs")
  func moduleThroughCaller() async throws {
    let root = try Self.makeStack()
    defer { try? FileManager.default.removeItem(atPath: root) }
    let run = await Self.run([root])
    #expect(run.problems == [])
    #expect(run.report.findings.map { "\($0.file.dropFirst(root.count)):\($0.range.start.line):\($0.range.start.column) \($0.ruleID)" } == [
      // The delivery role is outside the configuration: a note, with --show-unknown.
      "/main.tf:7:32 TW103",
      "/modules/logs/main.tf:5:23 TW202",
    ])
    #expect(run.report.findings.last?.message.contains("for 30 days (input days = 30 of module.logs)") == true)
    #expect(run.report.filesLinted == 2)
  }

  @Test("naming one file of a module lints the module; the module alone is its own root")
  func namedFiles() async throws {
    let root = try Self.makeStack()
    defer { try? FileManager.default.removeItem(atPath: root) }
    let viaFile = await Self.run([root + "/main.tf"])
    #expect(viaFile.report.findings.map(\.ruleID) == ["TW103", "TW202"])
    let moduleAlone = await Self.run([root + "/modules/logs"])
    // On its own, the module's variable keeps its default (null): never expires.
    #expect(moduleAlone.report.findings.map { "\($0.range.start.line):\($0.range.start.column) \($0.ruleID)" } == ["5:23 TW201"])
    let both = await Self.run([root + "/modules/logs/main.tf", root + "/main.tf"], jobs: 1)
    #expect(both.report.findings.map(\.ruleID) == ["TW103", "TW202"])
  }

  @Test("one job and many give the same report")
  func deterministic() async throws {
    let root = try Self.makeStack()
    defer { try? FileManager.default.removeItem(atPath: root) }
    let one = await Self.run([root], jobs: 1)
    let many = await Self.run([root], jobs: 8)
    #expect(one.report.findings == many.report.findings)
  }

  @Test("an excluded file of a module is read with its module but not reported")
  func excludedModuleFile() async throws {
    let root = try Self.makeStack()
    defer { try? FileManager.default.removeItem(atPath: root) }
    let exclude = PathPatterns(globs: [try Glob("modules/logs/main.tf")], directory: root)
    let run = await Linter(options: LintOptions(paths: [root], exclude: exclude)).run()
    #expect(run.report.findings.map(\.ruleID) == [])
    #expect(run.report.filesLinted == 1)
  }
}
