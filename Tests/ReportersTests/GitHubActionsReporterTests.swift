import Reporters
import Rules
import Testing

struct GitHubActionsReporterTests {
  let reporter = GitHubActionsReporter(workingDirectory: "/work/repo")

  @Test("a finding is one workflow command with file, line, UTF-16 columns and a title")
  func command() {
    let finding = Fixture.finding(file: "./stacks/audit.yaml", utf16Columns: UTF16Columns(start: 4, end: 15))
    #expect(reporter.render(Fixture.report([finding])) == """
      ::error file=stacks/audit.yaml,line=13,col=4,endLine=13,endColumn=15,title=TW101 trail-missing-log-group::trail 'AuditTrail' has no CloudWatchLogsLogGroupArn
      trailwatch: 1 file linted: 1 error

      """)
  }

  @Test("warnings and notes are ::warning and ::notice; a range over several lines has no columns")
  func levelsAndSpans() {
    let warning = Fixture.finding("TW201", name: "log-group-missing-retention", severity: .warning, message: "w", line: 8, endLine: 10)
    let note = Fixture.finding("TW202", name: "log-group-retention-too-short", severity: .note, message: "n", line: 20)
    #expect(reporter.render(Fixture.report([warning, note])) == """
      ::warning file=stacks/audit.yaml,line=8,endLine=10,title=TW201 log-group-missing-retention::w
      ::notice file=stacks/audit.yaml,line=20,col=3,endLine=20,endColumn=13,title=TW202 log-group-retention-too-short::n
      trailwatch: 1 file linted: 1 warning, 1 note

      """)
  }

  /// actions/toolkit's escaping: data `%` CR LF; properties also `:` and `,`. A newline in a
  /// message or a path must not start a second command.
  @Test("messages and properties are escaped so nothing can end the command early")
  func escaping() {
    let finding = Fixture.finding(
      message: "100% wrong\r\n::set-output name=x::y, really", file: "stacks/a,b:c%\n::warning x.yaml")
    let output = reporter.render(Fixture.report([finding]))
    #expect(output == """
      ::error file=stacks/a%2Cb%3Ac%25%0A%3A%3Awarning x.yaml,line=13,col=3,endLine=13,endColumn=13,title=TW101 trail-missing-log-group::100%25 wrong%0D%0A::set-output name=x::y, really
      trailwatch: 1 file linted: 1 error

      """)
    #expect(output.split(separator: "\n").count == 2)
  }

  @Test("the summary says when GitHub will not show every annotation")
  func annotationLimit() {
    let errors = (1...12).map { Fixture.finding(message: "e\($0)", line: $0) }
    let warnings = (1...3).map { Fixture.finding("TW201", name: "log-group-missing-retention", severity: .warning, message: "w", line: 100 + $0) }
    let lines = reporter.render(Fixture.report(errors + warnings)).split(separator: "\n")
    #expect(lines.count == 17)
    #expect(lines[15] == "trailwatch: 1 file linted: 12 errors, 3 warnings")
    #expect(
      lines[16]
        == "trailwatch: GitHub shows at most 10 error and 10 warning annotations per step; 2 errors appear only in this log (upload SARIF to see them all in code scanning)"
    )
  }
}
