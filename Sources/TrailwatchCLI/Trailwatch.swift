import ArgumentParser
import TrailwatchKit

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The `trailwatch` command: lints by default; `rules` and `explain` document the rules; `init` writes
/// a configuration.
public struct Trailwatch: AsyncParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "trailwatch",
    abstract: "Checks that CloudTrail trails deliver to CloudWatch Logs and that those logs are kept.",
    usage: """
      trailwatch [<options>] [<paths> ...]
      trailwatch <subcommand>
      """,
    // The linting options belong to `lint`, so the root help would otherwise show none of them.
    discussion: """
      trailwatch [PATH ...] lints CloudFormation templates, Terraform configuration and Terraform plans \
      in files and directories (default .): it runs the lint subcommand, whose options (--format, \
      --fail-on, --config, …) 'trailwatch lint --help' lists.

      A path named like a subcommand is read as the subcommand: lint a directory called rules as \
      'trailwatch lint rules' or 'trailwatch ./rules'.
      """,
    version: TrailwatchVersion.current,
    subcommands: [LintCommand.self, RulesCommand.self, ExplainCommand.self, InitCommand.self, LanguageServerCommand.self],
    defaultSubcommand: LintCommand.self
  )

  public init() {}

  /// Parses and runs like ArgumentParser's own `main`, but a usage error exits 2, as documented,
  /// instead of ArgumentParser's 64. (Not named `main`: from another module that name would also
  /// reach ArgumentParser's own.)
  public static func runCommandLine() async {
    do {
      let arguments = PathArguments(
        Array(CommandLine.arguments.dropFirst()),
        subcommands: Set(configuration.subcommands.compactMap { $0.configuration.commandName }),
        optionsTakingValues: LintCommand.optionsTakingValues)
      var command = try parseAsRoot(arguments.remaining)
      if !arguments.paths.isEmpty, var lint = command as? LintCommand {
        lint.paths = arguments.paths
        do {
          try lint.validate()
        } catch {
          // As ArgumentParser reports a subcommand's validation error: with lint's usage.
          StandardOutput.writeError(
            "Error: \(LintCommand.message(for: error))\nUsage: \(usageString(for: LintCommand.self))\n"
              + "  See 'trailwatch lint --help' for more information.\n")
          Self.exit(withError: ExitCode(2))
        }
        command = lint
      }
      if var asyncCommand = command as? any AsyncParsableCommand {
        try await asyncCommand.run()
      } else {
        try command.run()
      }
    } catch {
      if exitCode(for: error) == .validationFailure {
        StandardOutput.writeError(fullMessage(for: error) + "\n")
        Self.exit(withError: ExitCode(2))
      }
      exit(withError: error)
    }
  }
}
