import Reporters
import Rules
import SourceMap

/// Findings and reports made by hand, so each reporter is tested on exactly the case in question.
enum Fixture {
  static func finding(
    _ ruleID: String = "TW101", name: String = "trail-missing-log-group", severity: Severity = .error,
    message: String = "trail 'AuditTrail' has no CloudWatchLogsLogGroupArn", file: String = "stacks/audit.yaml",
    line: Int = 13, column: Int = 3, endLine: Int? = nil, endColumn: Int = 13, resource: String? = "AuditTrail",
    utf16Columns: UTF16Columns? = nil, lineHash: String? = nil
  ) -> Finding {
    Finding(
      ruleID: ruleID, ruleName: name, severity: severity, message: message, file: file,
      range: SourceRange(
        start: SourcePosition(line: line, column: column, offset: 0),
        end: SourcePosition(line: endLine ?? line, column: endColumn, offset: 0)),
      resource: resource, resourceType: resource == nil ? nil : "AWS::CloudTrail::Trail",
      utf16Columns: utf16Columns, lineHash: lineHash)
  }

  static func report(_ findings: [Finding], lintedFiles: [String] = []) -> LintReport {
    let files = Set(lintedFiles + findings.map(\.file))
    return LintReport(findings: findings, filesLinted: files.count, lintedFiles: lintedFiles)
  }

  static let options = ReporterOptions(toolVersion: "9.9.9", informationURI: "https://example.com/trailwatch")
}
