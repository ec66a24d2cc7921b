import Rules
import SourceMap
import Testing
import TrailwatchKit

/// Quick fixes produce exactly the text a careful person would write, and that text lints clean for
/// the finding they fix.
struct QuickFixerTests {
  struct Case: Sendable, CustomTestStringConvertible {
    var testDescription: String
    var path: String
    var rule: String
    var before: String
    /// The text after each offered fix, in the order offered.
    var after: [String]
    var settings = RuleSettings()
  }

  static let trail = """
      Trail:
        Type: AWS::CloudTrail::Trail
        Properties:
          IsLogging: true
          S3BucketName: audit
          CloudWatchLogsLogGroupArn: !GetAtt Logs.Arn
          CloudWatchLogsRoleArn: arn:aws:iam::123456789012:role/ToLogs

    """

  static let cases: [Case] = [
    Case(
      testDescription: "YAML block properties get the retention as their first entry", path: "t.yaml", rule: "TW201",
      before: "Resources:\n  Logs:\n    Type: AWS::Logs::LogGroup\n    Properties:\n      LogGroupName: /app/web\n",
      after: ["Resources:\n  Logs:\n    Type: AWS::Logs::LogGroup\n    Properties:\n      RetentionInDays: 365\n      LogGroupName: /app/web\n"]),
    Case(
      testDescription: "YAML resource without properties gets them after its Type line, comment kept", path: "t.yaml",
      rule: "TW201",
      before: "Resources:\n    Logs:\n        Type: AWS::Logs::LogGroup # app\n    Other:\n        Type: AWS::SNS::Topic\n",
      after: [
        "Resources:\n    Logs:\n        Type: AWS::Logs::LogGroup # app\n        Properties:\n            RetentionInDays: 365\n"
          + "    Other:\n        Type: AWS::SNS::Topic\n"
      ]),
    Case(
      testDescription: "YAML resource without properties and Type last, no final line break", path: "t.yaml", rule: "TW201",
      before: "Resources:\n  Logs:\n    DeletionPolicy: Retain\n    Type: AWS::Logs::LogGroup",
      after: ["Resources:\n  Logs:\n    DeletionPolicy: Retain\n    Type: AWS::Logs::LogGroup\n    Properties:\n      RetentionInDays: 365"]),
    Case(
      testDescription: "YAML with CRLF line breaks keeps them", path: "t.yaml", rule: "TW201",
      before: "Resources:\r\n  Logs:\r\n    Type: AWS::Logs::LogGroup\r\n",
      after: ["Resources:\r\n  Logs:\r\n    Type: AWS::Logs::LogGroup\r\n    Properties:\r\n      RetentionInDays: 365\r\n"]),
    Case(
      testDescription: "YAML flow properties get a last entry", path: "t.yaml", rule: "TW201",
      before: "Resources:\n  Logs:\n    Type: AWS::Logs::LogGroup\n    Properties: {LogGroupName: /app/web}\n",
      after: ["Resources:\n  Logs:\n    Type: AWS::Logs::LogGroup\n    Properties: {LogGroupName: /app/web, RetentionInDays: 365}\n"]),
    Case(
      testDescription: "YAML empty flow properties", path: "t.yaml", rule: "TW201",
      before: "Resources:\n  Logs:\n    Type: AWS::Logs::LogGroup\n    Properties: {}\n",
      after: ["Resources:\n  Logs:\n    Type: AWS::Logs::LogGroup\n    Properties: {RetentionInDays: 365}\n"]),
    Case(
      testDescription: "YAML flow resource gets Properties", path: "t.yaml", rule: "TW201",
      before: "Resources:\n  Logs: {Type: AWS::Logs::LogGroup}\n",
      after: ["Resources:\n  Logs: {Type: AWS::Logs::LogGroup, Properties: {RetentionInDays: 365}}\n"]),
    Case(
      testDescription: "YAML null retention is replaced", path: "t.yaml", rule: "TW201",
      before: "Resources:\n  Logs:\n    Type: AWS::Logs::LogGroup\n    Properties:\n      RetentionInDays: ~\n",
      after: ["Resources:\n  Logs:\n    Type: AWS::Logs::LogGroup\n    Properties:\n      RetentionInDays: 365\n"]),
    Case(
      testDescription: "YAML empty retention is filled", path: "t.yaml", rule: "TW201",
      before: "Resources:\n  Logs:\n    Type: AWS::Logs::LogGroup\n    Properties:\n      RetentionInDays:\n      LogGroupName: x\n",
      after: ["Resources:\n  Logs:\n    Type: AWS::Logs::LogGroup\n    Properties:\n      RetentionInDays: 365\n      LogGroupName: x\n"]),
    Case(
      testDescription: "YAML empty Properties get a block entry", path: "t.yaml", rule: "TW201",
      before: "Resources:\n  Logs:\n    Type: AWS::Logs::LogGroup\n    Properties:\n  Other:\n    Type: AWS::SNS::Topic\n",
      after: ["Resources:\n  Logs:\n    Type: AWS::Logs::LogGroup\n    Properties:\n      RetentionInDays: 365\n  Other:\n    Type: AWS::SNS::Topic\n"]),
    Case(
      testDescription: "JSON on one line", path: "t.json", rule: "TW201",
      before: #"{"Resources": {"Logs": {"Type": "AWS::Logs::LogGroup"}}}"#,
      after: [#"{"Resources": {"Logs": {"Type": "AWS::Logs::LogGroup", "Properties": {"RetentionInDays": 365}}}}"#]),
    Case(
      testDescription: "JSON one entry per line: a new line at the same indentation, after a comma", path: "t.json",
      rule: "TW201",
      before: """
        {
          "Resources": {
            "Logs": {
              "Type": "AWS::Logs::LogGroup",
              "Properties": {
                "LogGroupName": "/app/web"
              }
            }
          }
        }
        """,
      after: [
        """
        {
          "Resources": {
            "Logs": {
              "Type": "AWS::Logs::LogGroup",
              "Properties": {
                "LogGroupName": "/app/web",
                "RetentionInDays": 365
              }
            }
          }
        }
        """
      ]),
    Case(
      testDescription: "JSON resource without Properties, tab-indented", path: "t.json", rule: "TW201",
      before: "{\n\t\"Resources\": {\n\t\t\"Logs\": {\n\t\t\t\"Type\": \"AWS::Logs::LogGroup\"\n\t\t}\n\t}\n}\n",
      after: [
        "{\n\t\"Resources\": {\n\t\t\"Logs\": {\n\t\t\t\"Type\": \"AWS::Logs::LogGroup\",\n\t\t\t\"Properties\": {\"RetentionInDays\": 365}\n\t\t}\n\t}\n}\n"
      ]),
    Case(
      testDescription: "JSON empty Properties", path: "t.json", rule: "TW201",
      before: #"{"Resources": {"Logs": {"Type": "AWS::Logs::LogGroup", "Properties": {}}}}"#,
      after: [#"{"Resources": {"Logs": {"Type": "AWS::Logs::LogGroup", "Properties": {"RetentionInDays": 365}}}}"#]),
    Case(
      testDescription: "JSON null retention", path: "t.json", rule: "TW201",
      before: #"{"Resources": {"Logs": {"Type": "AWS::Logs::LogGroup", "Properties": {"RetentionInDays": null}}}}"#,
      after: [#"{"Resources": {"Logs": {"Type": "AWS::Logs::LogGroup", "Properties": {"RetentionInDays": 365}}}}"#]),
    Case(
      testDescription: "JSON null Properties", path: "t.json", rule: "TW201",
      before: #"{"Resources": {"Logs": {"Type": "AWS::Logs::LogGroup", "Properties": null}}}"#,
      after: [#"{"Resources": {"Logs": {"Type": "AWS::Logs::LogGroup", "Properties": {"RetentionInDays": 365}}}}"#]),
    Case(
      testDescription: "a byte-order mark is kept and offsets account for it", path: "t.yaml", rule: "TW201",
      before: "\u{FEFF}Resources:\n  Logs:\n    Type: AWS::Logs::LogGroup\n    Properties:\n      LogGroupName: é\n",
      after: ["\u{FEFF}Resources:\n  Logs:\n    Type: AWS::Logs::LogGroup\n    Properties:\n      RetentionInDays: 365\n      LogGroupName: é\n"]),
    Case(
      testDescription: "a higher configured minimum is what the fix writes", path: "t.yaml", rule: "TW201",
      before: "Resources:\n  Logs:\n    Type: AWS::Logs::LogGroup\n",
      after: ["Resources:\n  Logs:\n    Type: AWS::Logs::LogGroup\n    Properties:\n      RetentionInDays: 400\n"],
      settings: RuleSettings(minRetentionDays: 390)),
    Case(
      testDescription: "a too short value becomes 365", path: "t.yaml", rule: "TW202",
      before: "Resources:\n  Logs:\n    Type: AWS::Logs::LogGroup\n    Properties:\n      RetentionInDays: 90\n" + trail,
      after: ["Resources:\n  Logs:\n    Type: AWS::Logs::LogGroup\n    Properties:\n      RetentionInDays: 365\n" + trail]),
    Case(
      testDescription: "a quoted value stays quoted", path: "t.yaml", rule: "TW202",
      before: "Resources:\n  Logs:\n    Type: AWS::Logs::LogGroup\n    Properties:\n      RetentionInDays: '30'\n" + trail,
      after: ["Resources:\n  Logs:\n    Type: AWS::Logs::LogGroup\n    Properties:\n      RetentionInDays: '365'\n" + trail]),
    Case(
      testDescription: "a value from a parameter is fixed at the parameter's default", path: "t.yaml", rule: "TW202",
      before: "Parameters:\n  Days:\n    Type: Number\n    Default: 30\nResources:\n  Logs:\n    Type: AWS::Logs::LogGroup\n"
        + "    Properties:\n      RetentionInDays: !Ref Days\n" + trail,
      after: [
        "Parameters:\n  Days:\n    Type: Number\n    Default: 365\nResources:\n  Logs:\n    Type: AWS::Logs::LogGroup\n"
          + "    Properties:\n      RetentionInDays: !Ref Days\n" + trail
      ]),
    Case(
      testDescription: "an invalid value offers its accepted neighbours", path: "t.json", rule: "TW203",
      before: #"{"Resources": {"Logs": {"Type": "AWS::Logs::LogGroup", "Properties": {"RetentionInDays": 366}}}}"#,
      after: [
        #"{"Resources": {"Logs": {"Type": "AWS::Logs::LogGroup", "Properties": {"RetentionInDays": 365}}}}"#,
        #"{"Resources": {"Logs": {"Type": "AWS::Logs::LogGroup", "Properties": {"RetentionInDays": 400}}}}"#,
      ]),
    Case(
      testDescription: "a word becomes 365", path: "t.yaml", rule: "TW203",
      before: "Resources:\n  Logs:\n    Type: AWS::Logs::LogGroup\n    Properties: {RetentionInDays: forever}\n",
      after: ["Resources:\n  Logs:\n    Type: AWS::Logs::LogGroup\n    Properties: {RetentionInDays: 365}\n"]),
    Case(
      testDescription: "no fix that would break a parameter's AllowedValues", path: "t.yaml", rule: "TW202",
      before: "Parameters:\n  Days:\n    Type: Number\n    Default: 30\n    AllowedValues: [30, 90]\nResources:\n  Logs:\n"
        + "    Type: AWS::Logs::LogGroup\n    Properties:\n      RetentionInDays: !Ref Days\n" + trail,
      after: []),
    Case(
      testDescription: "no fix that would drop a condition", path: "t.yaml", rule: "TW201",
      before: "Parameters:\n  Env: {Type: String}\nConditions:\n  Keep: !Equals [!Ref Env, prod]\nResources:\n  Logs:\n    Type: AWS::Logs::LogGroup\n    Properties:\n"
        + "      RetentionInDays: !If [Keep, !Ref AWS::NoValue, 365]\n",
      after: []),
  ]

  static let terraformCases: [Case] = [
    Case(
      testDescription: "a Terraform log group gets retention_in_days as its first argument", path: "stack/logs.tf", rule: "TW201",
      before: "resource \"aws_cloudwatch_log_group\" \"app\" {\n    name = \"app\"\n}\n",
      after: ["resource \"aws_cloudwatch_log_group\" \"app\" {\n    retention_in_days = 365\n    name = \"app\"\n}\n"]),
    Case(
      testDescription: "an empty Terraform block gets it two spaces in, with its CRLF line breaks", path: "stack/logs.tf", rule: "TW201",
      before: "resource \"aws_cloudwatch_log_group\" \"app\" {\r\n}\r\n",
      after: ["resource \"aws_cloudwatch_log_group\" \"app\" {\r\n  retention_in_days = 365\r\n}\r\n"]),
    Case(
      testDescription: "retention_in_days = 0 (never expire) becomes 365", path: "stack/logs.tf", rule: "TW201",
      before: "resource \"aws_cloudwatch_log_group\" \"app\" {\n  retention_in_days = 0\n}\n",
      after: ["resource \"aws_cloudwatch_log_group\" \"app\" {\n  retention_in_days = 365\n}\n"]),
    Case(
      testDescription: "an invalid Terraform retention offers its accepted neighbours", path: "stack/logs.tf", rule: "TW203",
      before: "resource \"aws_cloudwatch_log_group\" \"app\" {\n  retention_in_days = \"366\"\n}\n",
      after: [
        "resource \"aws_cloudwatch_log_group\" \"app\" {\n  retention_in_days = \"365\"\n}\n",
        "resource \"aws_cloudwatch_log_group\" \"app\" {\n  retention_in_days = \"400\"\n}\n",
      ]),
    Case(
      testDescription: "a too-short retention written in the resource is set to 365", path: "stack/main.tf", rule: "TW202",
      before: terraformTrail.replacingOccurrences(of: "var.days", with: "30"),
      after: [terraformTrail.replacingOccurrences(of: "var.days", with: "365")]),
    Case(
      testDescription: "no value fix for a retention that comes from a variable", path: "stack/main.tf", rule: "TW202",
      before: "variable \"days\" {\n  default = 30\n}\n" + terraformTrail,
      after: []),
  ]

  static let terraformTrail = """
    resource "aws_cloudwatch_log_group" "audit" {
      retention_in_days = var.days
    }
    resource "aws_cloudtrail" "main" {
      name                       = "audit"
      s3_bucket_name             = "audit"
      cloud_watch_logs_group_arn = "${aws_cloudwatch_log_group.audit.arn}:*"
      cloud_watch_logs_role_arn  = "arn:aws:iam::123456789012:role/ToLogs"
    }

    """

  @Test("each fix writes the expected text", arguments: cases + terraformCases)
  func fixes(_ example: Case) throws {
    let linter = SourceLinter(settings: example.settings)
    let bytes = Array(example.before.utf8)
    let findings = linter.lint(bytes, path: example.path).findings
    let finding = try #require(findings.first { $0.ruleID == example.rule }, "no \(example.rule) in \(findings)")
    let fixes = QuickFixer(settings: example.settings).fixes(for: finding, in: bytes, path: example.path, findings: findings)
      .filter { !$0.title.hasPrefix("Ignore ") }
    let results = fixes.map { String(decoding: SourceEdit.apply($0.edits, to: bytes), as: UTF8.self) }
    #expect(results == example.after)
    for fixed in results {
      let after = linter.lint(Array(fixed.utf8), path: example.path).findings
      #expect(!after.contains { $0.ruleID == example.rule && $0.resource == finding.resource }, "\(after)")
    }
  }

  @Test("the fixes' titles say what they write")
  func titles() {
    let text = "Parameters:\n  Days: {Type: Number, Default: 30}\nResources:\n  Logs:\n    Type: AWS::Logs::LogGroup\n"
      + "    Properties:\n      RetentionInDays: !Ref Days\n" + Self.trail
      + "  Other:\n    Type: AWS::Logs::LogGroup\n    Properties: {RetentionInDays: 366}\n  Third:\n    Type: AWS::Logs::LogGroup\n"
    let bytes = Array(text.utf8)
    let findings = SourceLinter().lint(bytes, path: "t.yaml").findings
    let titles = findings.flatMap { finding in
      QuickFixer().fixes(for: finding, in: bytes, path: "t.yaml", findings: findings)
        .filter { !$0.title.hasPrefix("Ignore ") }.map { "\(finding.ruleID) \($0.title) \($0.isPreferred)" }
    }
    #expect(titles == [
      "TW202 Set the Default of parameter Days to 365 true",
      "TW203 Set RetentionInDays to 365 false",
      "TW203 Set RetentionInDays to 400 false",
      "TW201 Add RetentionInDays: 365 true",
    ])
  }

  @Test(
    "a YAML finding can be accepted with a comment above its resource; JSON has no comments",
    arguments: [
      (
        path: "t.yaml", before: "Resources:\n  Logs:\n    Type: AWS::Logs::LogGroup\n",
        after: ["Resources:\n  # trailwatch:ignore TW201 TODO: say why this is accepted\n  Logs:\n    Type: AWS::Logs::LogGroup\n"]
      ),
      (
        path: "t.yaml", before: "Resources:\r\n    # checked by hand\r\n    Logs: {Type: AWS::Logs::LogGroup}\r\n",
        after: [
          "Resources:\r\n    # checked by hand\r\n    # trailwatch:ignore TW201 TODO: say why this is accepted\r\n"
            + "    Logs: {Type: AWS::Logs::LogGroup}\r\n"
        ]
      ),
      (path: "t.yaml", before: "Resources: {Logs: {Type: AWS::Logs::LogGroup}}\n", after: []),
      (path: "t.json", before: #"{"Resources": {"Logs": {"Type": "AWS::Logs::LogGroup"}}}"#, after: []),
    ])
  func ignoreComment(path: String, before: String, after: [String]) throws {
    let bytes = Array(before.utf8)
    let findings = SourceLinter().lint(bytes, path: path).findings
    let finding = try #require(findings.first { $0.ruleID == "TW201" })
    let fixes = QuickFixer().fixes(for: finding, in: bytes, path: path, findings: findings).filter { $0.title.hasPrefix("Ignore ") }
    #expect(fixes.map { String(decoding: SourceEdit.apply($0.edits, to: bytes), as: UTF8.self) } == after)
    #expect(fixes.allSatisfy { $0.title == "Ignore TW201 for 'Logs' with a comment" && !$0.isPreferred })
    for fix in fixes {
      let linted = SourceLinter().lint(SourceEdit.apply(fix.edits, to: bytes), path: path).findings
      #expect(linted.filter(\.isReported).isEmpty, "\(linted)")
    }
  }

  @Test("a Terraform finding can be accepted with a comment above its line, at that line's indentation")
  func terraformIgnoreComment() throws {
    let before = "resource \"aws_cloudwatch_log_group\" \"app\" {\n  name              = \"app\"\n  retention_in_days = 366\n}\n"
    let bytes = Array(before.utf8)
    let findings = SourceLinter().lint(bytes, path: "stack/logs.tf").findings
    let finding = try #require(findings.first { $0.ruleID == "TW203" })
    let fixes = QuickFixer().fixes(for: finding, in: bytes, path: "stack/logs.tf", findings: findings).filter { $0.title.hasPrefix("Ignore ") }
    #expect(fixes.map(\.title) == ["Ignore TW203 for 'aws_cloudwatch_log_group.app' with a comment"])
    #expect(fixes.map { String(decoding: SourceEdit.apply($0.edits, to: bytes), as: UTF8.self) } == [
      "resource \"aws_cloudwatch_log_group\" \"app\" {\n  name              = \"app\"\n"
        + "  # trailwatch:ignore TW203 TODO: say why this is accepted\n  retention_in_days = 366\n}\n"
    ])
  }

  /// Every finding of the rules' own triggering examples that gets a fix is gone after it, in every
  /// variant the rule examples are run in; the retention rules' findings in CloudFormation templates
  /// all get one.
  @Test("fixes of the rules' examples lint clean", arguments: RuleCatalog.descriptions)
  func ruleExamples(rule: RuleDescription) {
    for example in rule.triggeringExamples {
      let plain = String(example.text.filter { $0 != "↓" })
      let variants = [plain, plain.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\r\n"), "\u{FEFF}" + plain]
      for text in variants {
        let bytes = Array(text.utf8)
        let findings = SourceLinter().lint(bytes, path: example.fileName).findings
        for finding in findings where finding.ruleID == rule.id {
          let fixes = QuickFixer().fixes(for: finding, in: bytes, path: example.fileName, findings: findings)
          // CloudFormation only: a plan is generated (its fix belongs in the .tf source), and Terraform
          // source has no quick fixes yet.
          let isTemplate = !example.fileName.hasSuffix(".tf") && !text.contains("\"format_version\"")
          if ["TW201", "TW202", "TW203"].contains(rule.id), isTemplate {
            #expect(!fixes.isEmpty, "no fix for \(finding.message)")
          }
          for fix in fixes {
            let after = SourceLinter().lint(SourceEdit.apply(fix.edits, to: bytes), path: example.fileName).findings
            #expect(
              !after.contains { $0.isReported && $0.ruleID == rule.id && $0.range.start.line == finding.range.start.line && $0.resource == finding.resource })
          }
        }
      }
    }
  }
}
