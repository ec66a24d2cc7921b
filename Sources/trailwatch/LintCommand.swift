import ArgumentParser
import Foundation
import Reporters
import Rules
import TrailwatchKit

/// `trailwatch [PATH…]`: lints files and directories.
struct LintCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "lint",
    abstract: "Lint CloudFormation templates and Terraform plans (the default command)."
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

  @Option(
    name: .customLong("output"),
    help: ArgumentHelp(
      "Also write a report in FORMAT to PATH (repeatable); the console still shows --format.",
      valueName: "format=path"))
  var outputs: [String] = []

  @Option(
    name: .customLong("sarif-category"),
    help: ArgumentHelp("SARIF runAutomationDetails category, to keep several uploads apart in code scanning.", valueName: "category"))
  var sarifCategory: String?

  func validate() throws {
    guard minRetention >= 1 else { throw ValidationError("--min-retention must be at least 1 day") }
    guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
    var seen: [String] = []
    for output in try reportOutputs() {
      if seen.contains(where: { $0 == output.path || ReportFile.isSameFile($0, output.path) }) {
        throw ValidationError("--output: \(output.path) is named twice")
      }
      seen.append(output.path)
      if let problem = ReportFile.problem(writing: output.path) {
        throw ValidationError("--output: \(problem)")
      }
      if let input = paths.first(where: { ReportFile.isSameFile($0, output.path) }) {
        throw ValidationError("--output: \(output.path) is \(input), which is being linted; trailwatch never overwrites its input")
      }
    }
  }

  func run() async throws {
    let outputs = try reportOutputs()
    let formats = [format] + outputs.map(\.format)
    let excerpts = format == .text && StandardOutput.isTerminal
    let options = LintOptions(
      paths: paths,
      settings: RuleSettings(minRetentionDays: minRetention, showUnknown: showUnknown),
      jobs: jobs,
      stdinFilename: stdinFilename,
      keepsLineText: excerpts,
      keepsUTF16Columns: formats.contains(where: \.needsUTF16Columns),
      computesLineHashes: formats.contains(where: \.needsLineHashes),
      followsSymlinks: followSymlinks
    )
    let run = await Linter(options: options).run()
    var code = run.exitCode(failOn: failOn.threshold)
    for output in outputs {
      let reporter = output.format.reporter(reporterOptions(excerpts: false))
      let text = reporter.render(run.report)
      for notice in reporter.notices(for: run.report, rendered: text) {
        StandardOutput.error("\(output.path): \(notice)")
      }
      if let linted = run.report.lintedFiles.first(where: { ReportFile.isSameFile($0, output.path) }) {
        StandardOutput.error("--output: \(output.path) is \(linted), which was linted; trailwatch never overwrites its input")
        code = 2
        continue
      }
      do {
        try ReportFile.write(text, to: output.path)
      } catch {
        StandardOutput.error(error.message)
        code = 2
      }
    }
    let reporter = format.reporter(reporterOptions(excerpts: excerpts))
    let text = reporter.render(run.report)
    StandardOutput.write(text)
    for notice in reporter.notices(for: run.report, rendered: text) {
      StandardOutput.error(notice)
    }
    for problem in run.problems {
      StandardOutput.error(problem)
    }
    for note in run.notes {
      StandardOutput.error(note)
    }
    if code != 0 { throw ExitCode(code) }
  }

  private func reportOutputs() throws -> [ReportOutput] {
    try outputs.map { argument throws(ValidationError) in try ReportOutput.parse(argument) }
  }

  private func reporterOptions(excerpts: Bool) -> ReporterOptions {
    ReporterOptions(
      toolVersion: TrailwatchVersion.current, informationURI: TrailwatchVersion.informationURI, excerpts: excerpts,
      failOn: failOn.threshold, sarifCategory: sarifCategory,
      workingDirectory: FileManager.default.currentDirectoryPath)
  }
}
