import Foundation
import Reporters
import Rules
import Testing

struct GitLabReporterTests {
  let reporter = GitLabReporter(workingDirectory: "/work/repo")

  struct Issue: Decodable, Equatable {
    var description: String
    var check_name: String
    var fingerprint: String
    var severity: String
    var location: Location
    struct Location: Decodable, Equatable {
      var path: String
      var lines: Lines
    }
    struct Lines: Decodable, Equatable {
      var begin: Int
    }
  }

  func issues(_ findings: [Finding]) throws -> [Issue] {
    try JSONDecoder().decode([Issue].self, from: Data(reporter.render(Fixture.report(findings)).utf8))
  }

  @Test("no findings is an empty array, not an empty document")
  func empty() {
    #expect(reporter.render(Fixture.report([], lintedFiles: ["a.yaml"])) == "[]\n")
  }

  @Test("an issue has GitLab's fields, a repository path and GitLab's severity")
  func fields() throws {
    let found = try issues([
      Fixture.finding(file: "/work/repo/stacks/a.yaml"),
      Fixture.finding("TW201", name: "log-group-missing-retention", severity: .warning, message: "w", line: 20),
      Fixture.finding("TW202", name: "log-group-retention-too-short", severity: .note, message: "n", line: 30),
    ])
    #expect(found.map(\.severity) == ["critical", "major", "info"])
    #expect(found[0].location == Issue.Location(path: "stacks/a.yaml", lines: Issue.Lines(begin: 13)))
    #expect(found[0].check_name == "TW101")
    #expect(found[0].description == "trail 'AuditTrail' has no CloudWatchLogsLogGroupArn [TW101]")
    #expect(found.allSatisfy { $0.fingerprint.wholeMatch(of: /[0-9a-f]{64}/) != nil })
  }

  @Test("the fingerprint survives lines added above, and tells identical findings apart")
  func fingerprints() throws {
    let before = try issues([Fixture.finding(line: 13)])
    let after = try issues([Fixture.finding(line: 40, column: 7)])
    #expect(before[0].fingerprint == after[0].fingerprint)
    let twins = try issues([Fixture.finding(line: 13), Fixture.finding(line: 20)])
    #expect(twins[0].fingerprint == before[0].fingerprint)
    #expect(twins[0].fingerprint != twins[1].fingerprint)
    let otherResource = try issues([Fixture.finding(resource: "OtherTrail")])
    #expect(otherResource[0].fingerprint != before[0].fingerprint)
  }

  @Test("the report is UTF-8 without a byte-order mark, with non-ASCII text as is")
  func encoding() {
    let output = reporter.render(Fixture.report([Fixture.finding(message: "journal 'Été' <&> \u{1}")]))
    #expect(!output.utf8.starts(with: [0xEF, 0xBB, 0xBF]))
    #expect(output.hasPrefix("[\n"))
    #expect(output.contains(#""description" : "journal 'Été' <&> \u0001 [TW101]""#))
  }
}
