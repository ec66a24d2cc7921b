import Foundation
import Testing

/// What the README tells a new user to paste works when pasted.
struct ReadmeTests {
  /// The first fenced block of `language` after the heading `heading`.
  static func block(after heading: String, language: String) throws -> String {
    let readme = try String(contentsOf: CommandRunner.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
    let lines = readme.split(separator: "\n", omittingEmptySubsequences: false)
    let title = try #require(lines.firstIndex { $0 == heading })
    let open = try #require(lines[title...].firstIndex { $0 == "```\(language)" })
    let close = try #require(lines[(open + 1)...].firstIndex { $0 == "```" })
    return lines[(open + 1)..<close].joined(separator: "\n") + "\n"
  }

  @Test("the README's .trailwatch.yml, pasted into a fresh repository, is read and applied")
  func configurationExample() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    _ = try directory.directory(".git")
    try directory.write(".trailwatch.yml", try Self.block(after: "### `.trailwatch.yml`", language: "yaml"))
    try directory.write("stacks/logs.yaml", "Resources:\n  Logs:\n    Type: AWS::Logs::LogGroup\n    Properties: {RetentionInDays: 400}\n")
    let clean = try CommandRunner.run(["--format", "gcc", "stacks/"], in: directory.url)
    #expect(clean.stderr == "")
    #expect(clean.stdout == "")
    #expect(clean.exitCode == 0)
    // The example's settings are in force: a minimum of 400 days for every log group.
    try directory.write("stacks/short.yaml", "Resources:\n  Short:\n    Type: AWS::Logs::LogGroup\n    Properties: {RetentionInDays: 365}\n")
    let short = try CommandRunner.run(["--format", "gcc", "stacks/"], in: directory.url)
    #expect(short.stderr == "")
    #expect(short.stdout == """
      stacks/short.yaml:4:35: error: log group 'Short' keeps its events for 365 days, fewer than the minimum of 400 [TW202]

      """)
    #expect(short.exitCode == 1)
  }
}
