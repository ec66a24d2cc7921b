import ArgumentParser
import Reporters
import Rules
import TerraformSource
import TrailwatchKit

/// `trailwatch [PATH…]`: lints files and directories.
struct LintCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "lint",
    abstract: "Lint CloudFormation templates and Terraform configuration (the default command)."
  )

  @Argument(help: "Files and directories to lint; - reads standard input.")
  var paths: [String] = ["."]

  @Option(help: "Output format: \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
  var format: OutputFormat = .text

  @Option(name: .customLong("fail-on"), help: "Exit 1 when a finding is at least this severe: error, warning, note, never.")
  var failOn: FailOn = .warning

  @Option(name: .customLong("min-retention"), help: ArgumentHelp("Minimum days a trail's log group keeps events.", valueName: "days"))
  var minRetention: Int = 365

  @Flag(name: .customLong("show-unknown"), help: "Report checks that cannot be decided before deploy as notes.")
  var showUnknown = false

  @Option(help: "How many files to lint at once (default: one per core).")
  var jobs: Int = LintOptions.defaultJobs

  @Option(name: .customLong("stdin-filename"), help: ArgumentHelp("The name to report standard input as.", valueName: "name"))
  var stdinFilename: String?

  @Option(
    name: .customLong("var"),
    help: ArgumentHelp("A value for a Terraform root module's variable, as terraform -var takes it; repeatable.", valueName: "name=value"))
  var variables: [String] = []

  @Option(
    name: .customLong("var-file"),
    help: ArgumentHelp("A Terraform variables file (.tfvars) for root modules, as terraform -var-file; repeatable.", valueName: "file"))
  var variableFiles: [String] = []

  func validate() throws {
    for variable in variables where TerraformVariableInput.assignment(variable) == nil {
      throw ValidationError("--var takes NAME=VALUE, not '\(variable)'")
    }
    guard minRetention >= 1 else { throw ValidationError("--min-retention must be at least 1 day") }
    guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
  }

  func run() async throws {
    let excerpts = format == .text && StandardOutput.isTerminal
    let options = LintOptions(
      paths: paths,
      settings: RuleSettings(minRetentionDays: minRetention, showUnknown: showUnknown),
      jobs: jobs,
      stdinFilename: stdinFilename,
      keepsLineText: excerpts,
      terraformVariables: TerraformVariableInput(
        assignments: variables.compactMap(TerraformVariableInput.assignment), files: variableFiles)
    )
    let run = await Linter(options: options).run()
    StandardOutput.write(format.reporter(excerpts: excerpts).render(run.report))
    for problem in run.problems {
      StandardOutput.error(problem)
    }
    let code = run.exitCode(failOn: failOn.threshold)
    if code != 0 { throw ExitCode(code) }
  }
}
