import Foundation
import Testing

@testable import TrailwatchCLI

/// Paths are taken out of a lint command line before ArgumentParser parses it (its parsing is
/// quadratic in the number of positional values); what the command does must not change.
struct PathArgumentsTests {
  static let subcommands: Set<String> = ["lint", "rules", "explain", "init", "lsp"]

  func split(_ arguments: [String]) -> PathArguments {
    PathArguments(arguments, subcommands: Self.subcommands, optionsTakingValues: LintCommand.optionsTakingValues)
  }

  @Test("paths between options are taken out in order; option values stay with their options")
  func takesPathsOut() {
    let result = split(["a.yaml", "--format", "json", "b/", "--show-unknown", "--parameter", "Env=prod", "c.tf", "--jobs=2"])
    #expect(result.paths == ["a.yaml", "b/", "c.tf"])
    #expect(result.remaining == ["--format", "json", "--show-unknown", "--parameter", "Env=prod", "--jobs=2"])
  }

  @Test("an explicit lint subcommand stays first")
  func explicitLint() {
    let result = split(["lint", "--config", "ci.yml", "stacks/"])
    #expect(result.paths == ["stacks/"])
    #expect(result.remaining == ["lint", "--config", "ci.yml"])
  }

  @Test("other subcommands, help, standard input and -- are left to ArgumentParser whole")
  func leftWhole() {
    for arguments in [["explain", "TW101"], ["rules", "--format", "json"], ["help", "lint"], ["-", "a.yaml"], ["--", "-odd.yaml"]] {
      let result = split(arguments)
      #expect(result.paths.isEmpty)
      #expect(result.remaining == arguments)
    }
  }

  @Test("the options taking a value are exactly those lint's help shows with a value")
  func optionListMatchesHelp() throws {
    let help = LintCommand.helpMessage(columns: 10_000)
    let pattern = try Regex(#"(--[a-z0-9-]+) <"#)
    let shown = Set(help.matches(of: pattern).map { String(help[$0.range]).dropLast(2) }.map(String.init))
    #expect(!shown.isEmpty)
    #expect(shown == LintCommand.optionsTakingValues)
  }

  @Test("files named between options are linted, and only they")
  func lintsNamedFiles() throws {
    let output = try CommandRunner.run([
      "samples/cloudformation/good-audit-trail.yaml", "--format", "gcc", "samples/terraform/good-plan.json",
      "--fail-on", "never", "samples/cloudformation/bad-unicode-log-group.yaml",
    ])
    let whole = try CommandRunner.run(["--format", "gcc", "--fail-on", "never", "samples/cloudformation/bad-unicode-log-group.yaml"])
    #expect(output.exitCode == 0)
    #expect(output.stderr.isEmpty)
    #expect(!whole.stdout.isEmpty)
    #expect(output.stdout == whole.stdout)
  }
}
