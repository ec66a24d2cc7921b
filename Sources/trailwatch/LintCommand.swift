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

  @Option(help: "How many files to lint at once (default: one per core).")
  var jobs: Int = LintOptions.defaultJobs

  @Option(name: .customLong("stdin-filename"), help: ArgumentHelp("The name to report standard input as.", valueName: "name"))
  var stdinFilename: String?

  @Flag(name: .customLong("follow-symlinks"), help: "Follow symbolic links inside directories (each directory is walked once).")
  var followSymlinks = false

  func validate() throws {
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
      followsSymlinks: followSymlinks
    )
    let run = await Linter(options: options).run()
    StandardOutput.write(format.reporter(excerpts: excerpts).render(run.report))
    for problem in run.problems {
      StandardOutput.error(problem)
    }
    for note in run.notes {
      StandardOutput.error(note)
    }
    let code = run.exitCode(failOn: failOn.threshold)
    if code != 0 { throw ExitCode(code) }
  }
}
