import Foundation
import Reporters
import Rules
import SourceMap
import Testing

/// Suppressed and baselined findings in every format: machine formats that can say "accepted" carry
/// them with their suppression; the others leave them out; counts never include them.
struct SuppressedFindingTests {
  static let accepted: Finding = {
    var finding = Fixture.finding("TW201", name: "log-group-missing-retention", severity: .warning, message: "kept forever", line: 20)
    finding.suppression = FindingSuppression(
      kind: .external, source: .baseline, justification: nil, file: "ci/baseline.json", range: SourceRange(at: SourcePosition(line: 4, column: 5, offset: 40)))
    return finding
  }()
  static let commented: Finding = {
    var finding = Fixture.finding("TW102", name: "trail-missing-role", message: "no role", line: 13)
    finding.suppression = FindingSuppression(
      kind: .inSource, source: .comment, justification: "the organization's role", file: "stacks/audit.yaml",
      range: SourceRange(at: SourcePosition(line: 12, column: 3, offset: 200)))
    return finding
  }()
  static let report = Fixture.report([Fixture.finding(), accepted, commented])

  @Test("SARIF carries every finding, the accepted ones with suppressions")
  func sarif() throws {
    let log = SARIFReporter(toolVersion: "9.9.9", informationURI: "https://example.com").log(Self.report)
    let results = try #require(log.runs.first?.results)
    #expect(results.map(\.ruleId) == ["TW101", "TW102", "TW201"])
    #expect(results.map(\.suppressions) == [
      nil, [SARIFLog.Suppression(kind: "inSource", justification: "the organization's role")],
      [SARIFLog.Suppression(kind: "external", justification: nil)],
    ])
  }

  @Test("when SARIF must drop results, it drops accepted findings first")
  func sarifCap() throws {
    let log = SARIFReporter(toolVersion: "9.9.9", informationURI: "https://example.com", maximumResults: 1).log(Self.report)
    #expect(log.runs.first?.results.map(\.ruleId) == ["TW101"])
  }

  @Test("text, gcc, GitHub, GitLab and JUnit show only the reported finding", arguments: [
    OutputFormat.text, .gcc, .github, .gitlab, .junit,
  ])
  func others(format: OutputFormat) {
    let text = format.reporter(Fixture.options).render(Self.report)
    #expect(text.contains("trail 'AuditTrail' has no CloudWatchLogsLogGroupArn"))
    #expect(!text.contains("kept forever") && !text.contains("no role"), "\(text)")
  }

  @Test("the summary counts reported findings and says how many were accepted")
  func summary() {
    let text = OutputFormat.text.reporter(Fixture.options).render(Self.report)
    #expect(text.hasSuffix("1 file linted: 1 error (1 suppressed, 1 in the baseline)\n"))
    #expect(Self.report.count(of: .error) == 1 && Self.report.count(of: .warning) == 0)
  }
}
