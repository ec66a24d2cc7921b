import ArgumentParser
import Reporters
import Rules
import TrailwatchKit

/// `trailwatch [PATH…]`: lints files and directories.
struct LintCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "lint",
    abstract: "Lint CloudFormation templates (the default command)."
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

  @Option(
    name: .customLong("parameter"),
    help: ArgumentHelp("A CloudFormation parameter value for one deployment (repeatable).", valueName: "Key=Value"))
  var parameters: [String] = []

  @Option(
    name: .customLong("parameters"),
    help: ArgumentHelp(
      "A JSON file of parameter values: [\"Key=Value\"], [{\"ParameterKey\", \"ParameterValue\"}] or {\"Parameters\": {…}}.",
      valueName: "file"))
  var parametersFile: String?

  @Option(help: "How many files to lint at once (default: one per core).")
  var jobs: Int = LintOptions.defaultJobs

  @Option(name: .customLong("stdin-filename"), help: ArgumentHelp("The name to report standard input as.", valueName: "name"))
  var stdinFilename: String?

  func validate() throws {
    guard minRetention >= 1 else { throw ValidationError("--min-retention must be at least 1 day") }
    guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
  }

  func run() async throws {
    // Values on the command line win over the file's.
    var overrides: [String: String] = [:]
    do {
      if let parametersFile { overrides = try ParameterFile.load(parametersFile) }
      for parameter in parameters {
        let (key, value) = try ParameterFile.assignment(parameter)
        overrides[key] = value
      }
    } catch {
      StandardOutput.error(error.message)
      throw ExitCode(2)
    }
    let excerpts = format == .text && StandardOutput.isTerminal
    let options = LintOptions(
      paths: paths,
      settings: RuleSettings(minRetentionDays: minRetention, showUnknown: showUnknown),
      jobs: jobs,
      stdinFilename: stdinFilename,
      parameterOverrides: overrides,
      keepsLineText: excerpts
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
