import Foundation
import Reporters
import Rules
import Testing

struct SARIFReporterTests {
  func reporter(category: String? = nil, maximumResults: Int = SARIFReporter.maximumResultsPerRun) -> SARIFReporter {
    SARIFReporter(
      toolVersion: "9.9.9", informationURI: "https://example.com/trailwatch", category: category,
      workingDirectory: "/work/repo", maximumResults: maximumResults)
  }

  @Test("a result names its rule by id and index, with UTF-16 columns and the line hash")
  func result() throws {
    let finding = Fixture.finding(
      "TW202", name: "log-group-retention-too-short", file: "./stacks/été.yaml", line: 7, column: 77, endColumn: 78,
      utf16Columns: UTF16Columns(start: 78, end: 79), lineHash: "abc:1")
    let log = reporter().log(Fixture.report([finding]))
    let run = try #require(log.runs.first)
    let result = try #require(run.results.first)
    #expect(run.tool.driver.rules[result.ruleIndex].id == "TW202")
    #expect(result.ruleId == "TW202")
    #expect(result.level == "error")
    #expect(result.locations.count == 1)
    let location = result.locations[0].physicalLocation
    #expect(location.artifactLocation.uri == "stacks/%C3%A9t%C3%A9.yaml")
    #expect(location.artifactLocation.uriBaseId == "%SRCROOT%")
    #expect(location.region == SARIFLog.Region(startLine: 7, startColumn: 78, endLine: 7, endColumn: 79))
    #expect(result.partialFingerprints?.primaryLocationLineHash == "abc:1")
    #expect(result.suppressions == nil)
    #expect(run.columnKind == "utf16CodeUnits")
    #expect(run.tool.driver.version == "9.9.9")
    #expect(run.automationDetails == nil)
  }

  @Test("every rule is described as GitHub requires: descriptions within 1024 characters, help, at most 20 tags")
  func rules() throws {
    let log = reporter().log(Fixture.report([]))
    let rules = try #require(log.runs.first).tool.driver.rules
    #expect(rules.map(\.id) == RuleCatalog.descriptions.map(\.id))
    for (rule, description) in zip(rules, RuleCatalog.descriptions) {
      #expect(!rule.shortDescription.text.isEmpty && rule.shortDescription.text.count <= 1024)
      #expect(!rule.fullDescription.text.isEmpty && rule.fullDescription.text.count <= 1024)
      #expect(rule.name.count <= 255)
      #expect(rule.help.markdown == RuleDocumentation.markdown(description))
      #expect(rule.help.text.hasPrefix(description.summary))
      #expect(rule.helpUri == description.documentationURL)
      #expect(rule.defaultConfiguration.level == description.severity.rawValue)
      #expect(rule.properties.tags == ["security"] + description.controls)
      #expect(rule.properties.tags.count <= SARIFReporter.maximumTagsPerRule)
      #expect(["8.0", "5.0", "2.0"].contains(rule.properties.securitySeverity))
      #expect(rule.properties.precision == "high")
    }
  }

  @Test("--sarif-category becomes the automation id with a trailing slash, as upload-sarif writes it")
  func category() {
    #expect(reporter(category: "infra").log(Fixture.report([])).runs[0].automationDetails?.id == "infra/")
    #expect(reporter(category: "infra/stacks/").log(Fixture.report([])).runs[0].automationDetails?.id == "infra/stacks/")
  }

  @Test("an absolute path outside the working directory is a file URI without a base")
  func absolutePath() {
    let log = reporter().log(Fixture.report([Fixture.finding(file: "/tmp/other stack.yaml")]))
    let artifact = log.runs[0].results[0].locations[0].physicalLocation.artifactLocation
    #expect(artifact.uri == "file:///tmp/other%20stack.yaml")
    #expect(artifact.uriBaseId == nil)
  }

  @Test("over the results limit, the most severe findings are kept in report order, and stderr says so")
  func resultsLimit() {
    let findings = [
      Fixture.finding(severity: .note, message: "n1", line: 1), Fixture.finding(severity: .error, message: "e1", line: 2),
      Fixture.finding(severity: .warning, message: "w1", line: 3), Fixture.finding(severity: .error, message: "e2", line: 4),
      Fixture.finding(severity: .warning, message: "w2", line: 5),
    ]
    let limited = reporter(maximumResults: 3)
    let report = Fixture.report(findings)
    let kept = limited.log(report).runs[0].results.map(\.message.text)
    #expect(kept == ["e1", "w1", "e2"])
    #expect(
      limited.notices(for: report, rendered: "")
        == ["SARIF: 5 findings exceed GitHub code scanning's limit of 3 results per run; only the 3 most severe were written (GitHub shows the top 5,000)"])
    #expect(reporter().notices(for: report, rendered: "{}").isEmpty)
    #expect(SARIFReporter.maximumResultsPerRun == 25_000)
  }

  @Test("a report that gzip could bring under GitHub's upload limit only by more than tenfold is pointed out")
  func sizeNotice() {
    let limit = SARIFReporter.uncompressedNoticeBytes
    #expect(limit == 100 * 1024 * 1024)
    #expect(reporter().notices(for: Fixture.report([]), rendered: String(repeating: "x", count: limit)).isEmpty)
    #expect(
      reporter().notices(for: Fixture.report([]), rendered: String(repeating: "x", count: limit + 5 * 1024 * 1024))
        == ["SARIF: the report is 105.0 MB before compression; gzip must shrink it more than tenfold to stay under GitHub code scanning's 10 MB limit (check with gzip -c FILE | wc -c)"])
  }

  @Test("a suppression can be carried on a result and is written in SARIF's shape")
  func suppressionShape() throws {
    var log = reporter().log(Fixture.report([Fixture.finding()]))
    log.runs[0].results[0].suppressions = [SARIFLog.Suppression(kind: "inSource", justification: "audit account only")]
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let json = String(decoding: try encoder.encode(log.runs[0].results[0].suppressions), as: UTF8.self)
    #expect(json == #"[{"justification":"audit account only","kind":"inSource"}]"#)
  }

  @Test("the rendered log is JSON that decodes back to the same value")
  func roundTrip() throws {
    let reporter = reporter(category: "infra")
    let report = Fixture.report([Fixture.finding(lineHash: "1:1"), Fixture.finding(message: "second", line: 20)])
    let decoded = try JSONDecoder().decode(SARIFLog.self, from: Data(reporter.render(report).utf8))
    #expect(decoded == reporter.log(report))
  }
}
