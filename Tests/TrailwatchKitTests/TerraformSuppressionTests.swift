import Rules
import TerraformSource
import Testing
import TrailwatchKit

/// `# trailwatch:ignore` and `// trailwatch:ignore` comments in Terraform configuration: above or on a
/// resource block's header they cover the block's resources; elsewhere the findings of their line, in
/// their own file.
struct TerraformSuppressionTests {
  /// Each finding as "file:line:column rule", with "suppressed" when a comment accepts it.
  static func lint(_ files: [String: String], reportUnused: Bool = false) -> [String] {
    let linter = SourceLinter(suppressionPolicy: SuppressionPolicy(reportsUnused: reportUnused))
    let result = linter.lintTerraformModule(directory: "stack", fileSystem: InMemoryTerraformFiles(files))
    return result.findings.map {
      "\($0.file):\($0.range.start.line):\($0.range.start.column) \($0.ruleID)" + ($0.suppression == nil ? "" : " suppressed")
    }
  }

  @Test("a comment above a block covers its findings; one on another line covers that line only")
  func blockAndLine() {
    let files = [
      "stack/main.tf": """
        # The organization trail delivers elsewhere.
        # trailwatch:ignore TW101,TW102 -- the organization trail is wired in the management account
        resource "aws_cloudtrail" "org" {
          name = "org"
        }

        resource "aws_cloudwatch_log_group" "app" { // trailwatch:ignore TW201 kept forever on purpose
        }
        resource "aws_cloudwatch_log_group" "debug" {
          retention_in_days = 366 # trailwatch:ignore TW203
        }
        """,
      "stack/logs.tf": "\n\n\n\n\n\n\n\n\nresource \"aws_cloudwatch_log_group\" \"other\" {}\n",
    ]
    #expect(Self.lint(files) == [
      "stack/logs.tf:10:1 TW201",
      "stack/main.tf:3:1 TW101 suppressed",
      "stack/main.tf:3:1 TW102 suppressed",
      "stack/main.tf:7:1 TW201 suppressed",
      "stack/main.tf:10:23 TW203 suppressed",
    ])
  }

  @Test("a near miss of trailwatch:ignore in a .tf file is reported as TW005, # or //")
  func nearMiss() {
    let files = [
      "stack/main.tf": """
        # trailwatch: ignore TW201 deleted with the stack
        resource "aws_cloudwatch_log_group" "app" {
        }
        // trailwatch ignores the block below: its retention is set by a job
        resource "aws_cloudwatch_log_group" "job" {
          retention_in_days = 365 // trailwatch ignore TW202
        }
        """
    ]
    #expect(Self.lint(files) == ["stack/main.tf:1:1 TW005", "stack/main.tf:2:1 TW201", "stack/main.tf:6:27 TW005"])
  }

  @Test("a comment above a counted block covers every instance, in every instance of its module")
  func instances() {
    let files = [
      "stack/main.tf": "module \"logs\" {\n  source   = \"./logs\"\n  for_each = toset([\"a\", \"b\"])\n}\n",
      "stack/logs/main.tf": """
        // trailwatch:ignore TW201 these groups are emptied by a job
        resource "aws_cloudwatch_log_group" "this" {
          count = 2
        }
        """,
    ]
    let findings = Self.lint(files, reportUnused: true)
    #expect(findings == Array(repeating: "stack/logs/main.tf:2:1 TW201 suppressed", count: 4))
  }

  @Test("a comment that suppresses nothing, or names no rule, is reported")
  func unusedAndInvalid() {
    let files = ["stack/main.tf": """
      # trailwatch:ignore TW201 no longer needed
      resource "aws_cloudwatch_log_group" "kept" {
        retention_in_days = 365
      }
      # trailwatch:ignore
      resource "aws_cloudwatch_log_group" "x" {
        retention_in_days = 400
      }
      """]
    #expect(Self.lint(files, reportUnused: true) == ["stack/main.tf:1:1 TW002", "stack/main.tf:5:1 TW005"])
  }

  @Test("a comment on a module's value covers the finding there, for every caller")
  func moduleValue() {
    let files = [
      "stack/main.tf": """
        module "audit" {
          source = "./audit"
        }
        resource "aws_cloudtrail" "main" {
          cloud_watch_logs_group_arn = module.audit.arn
          cloud_watch_logs_role_arn  = "arn:aws:iam::123456789012:role/delivery"
        }
        """,
      "stack/audit/main.tf": """
        resource "aws_cloudwatch_log_group" "this" {
          retention_in_days = 90 # trailwatch:ignore TW202 the SIEM keeps a copy for a year
        }
        output "arn" {
          value = "${aws_cloudwatch_log_group.this.arn}:*"
        }
        """,
    ]
    #expect(Self.lint(files) == ["stack/audit/main.tf:2:23 TW202 suppressed"])
  }
}
