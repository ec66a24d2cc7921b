import ArgumentParser
// FoundationEssentials where it exists (Linux): the whole of Foundation would load ICU at every start.
#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif
import Reporters
import Rules
import TerraformSource
import TrailwatchKit

/// `trailwatch [PATH…]`: lints files and directories.
struct LintCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "lint",
    abstract: "Lint CloudFormation templates, Terraform configuration and Terraform plans (the default command)."
  )

  @Argument(help: "Files and directories to lint; - reads standard input.")
  var paths: [String] = ["."]

  @Option(help: "Output format: \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
  var format: OutputFormat = .text

  @Option(name: .customLong("fail-on"), help: "Exit 1 when a finding is at least this severe: error, warning, note, never.")
  var failOn: FailOn = .warning

  @Option(
    name: .customLong("min-retention"),
    help: ArgumentHelp("Minimum days a trail's log group keeps events (default 365, or min-retention-days).", valueName: "days"))
  var minRetention: Int?

  @Option(
    name: .customLong("retention-scope"),
    help: "Which log groups the minimum applies to: trail-log-groups (default) or all-log-groups.")
  var retentionScope: RuleSettings.RetentionScope?

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

  @Option(
    name: .customLong("var"),
    help: ArgumentHelp("A value for a Terraform root module's variable, as terraform -var takes it; repeatable.", valueName: "name=value"))
  var variables: [String] = []

  @Option(
    name: .customLong("var-file"),
    help: ArgumentHelp("A Terraform variables file (.tfvars) for root modules, as terraform -var-file; repeatable.", valueName: "file"))
  var variableFiles: [String] = []

  @Option(
    name: .customLong("source"),
    help: ArgumentHelp(
      "The Terraform configuration a plan's findings are shown in (default: the plan's directory, when it has .tf files).",
      valueName: "dir"))
  var terraformSource: String?

  @Option(
    name: .customLong("config"),
    help: ArgumentHelp("The configuration file (default: the nearest .trailwatch.yml up to the repository root).", valueName: "file"))
  var configPath: String?

  @Option(help: ArgumentHelp("Report only findings not in this baseline file.", valueName: "file"))
  var baseline: String?

  @Option(
    name: .customLong("write-baseline"),
    help: ArgumentHelp("Record the current findings as the baseline in this file.", valueName: "file"))
  var writeBaseline: String?

  @Flag(name: .customLong("report-unused"), help: "Report suppressions that match no finding (TW002).")
  var reportUnused = false

  @Flag(name: .customLong("require-reason"), help: "Report suppressions that give no reason (TW004).")
  var requireReason = false

  // Optional, so that the help states the default in words rather than as this machine's core count.
  @Option(help: "How many files to lint at once (default: one per core).")
  var jobs: Int?

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

  /// The options above that take a value (`--format json`), so that `PathArguments` can tell their
  /// values from paths; a test checks the list against the help.
  static let optionsTakingValues: Set<String> = [
    "--format", "--fail-on", "--min-retention", "--retention-scope", "--parameter", "--parameters", "--var",
    "--var-file", "--source", "--config", "--baseline", "--write-baseline", "--jobs", "--stdin-filename", "--output",
    "--sarif-category",
  ]

  func validate() throws {
    for variable in variables where TerraformVariableInput.assignment(variable) == nil {
      throw ValidationError("--var takes NAME=VALUE, not '\(variable)'")
    }
    if let minRetention, minRetention < 1 { throw ValidationError("--min-retention must be at least 1 day") }
    if let minRetention, minRetention > RuleSettings.longestRetentionDays {
      throw ValidationError(
        "--min-retention must be at most \(RuleSettings.longestRetentionDays) days, the longest retention CloudWatch Logs "
          + "offers; no log group could keep its events \(minRetention) days")
    }
    if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    if let stdinFilename, !paths.contains("-") {
      throw ValidationError(
        "--stdin-filename names standard input, which is read only when - is one of the paths; "
          + "add - to read standard input as \(stdinFilename)")
    }
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
    let outputs = try reportOutputs()
    let formats = [format] + outputs.map(\.format)
    let resolver = PathResolver.current()
    let excerpts = format == .text && StandardOutput.isTerminal
    let options: LintOptions
    do {
      options = try lintOptions(resolver: resolver, excerpts: excerpts, formats: formats, overrides: overrides)
    } catch {
      for message in error.messages { StandardOutput.writeError(message + "\n") }
      throw ExitCode(2)
    }
    var run = await Linter(options: options).run()
    if let writeBaseline {
      if let linted = run.report.lintedFiles.first(where: { ReportFile.isSameFile($0, writeBaseline) }) {
        StandardOutput.error("--write-baseline: \(writeBaseline) is \(linted), which was linted; trailwatch never overwrites its input")
        throw ExitCode(2)
      }
      // A baseline being rewritten keeps what it says about files this run did not lint.
      let previous = try? Baseline.read(writeBaseline, resolver: resolver)
      let written = Baseline(
        findings: run.report.findings, path: writeBaseline, resolver: resolver, keeping: previous,
        lintedFiles: run.report.lintedFiles)
      do {
        try written.write()
      } catch {
        for message in error.messages { StandardOutput.error(message) }
        throw ExitCode(2)
      }
      let count = written.entries.count
      var note = "wrote \(count) \(count == 1 ? "entry" : "entries") to \(writeBaseline)"
      if written.carriedOver > 0 { note += " (\(written.carriedOver) kept for files not linted in this run)" }
      StandardOutput.error(note)
      run = run.rebaselined(with: written, resolver: resolver)
    }
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

  /// The flags over the configuration file over the defaults.
  private func lintOptions(
    resolver: PathResolver, excerpts: Bool, formats: [OutputFormat], overrides: [String: String]
  ) throws(ConfigurationError) -> LintOptions {
    let configuration: Configuration?
    if let configPath {
      configuration = try ConfigurationLoader.load(configPath, resolver: resolver)
    } else if let found = ConfigurationLoader.find(from: resolver.workingDirectory) {
      configuration = try ConfigurationLoader.load(found, resolver: resolver)
    } else {
      configuration = nil
    }
    let defaults = RuleSettings()
    let settings = RuleSettings(
      minRetentionDays: minRetention ?? configuration?.minRetentionDays ?? defaults.minRetentionDays,
      retentionScope: retentionScope ?? configuration?.retentionScope ?? defaults.retentionScope,
      showUnknown: showUnknown)
    // Writing a baseline records every current finding, so an earlier baseline plays no part.
    let baselinePath = writeBaseline == nil ? baseline ?? configuration?.baseline : nil
    return LintOptions(
      paths: paths,
      settings: settings,
      jobs: jobs ?? LintOptions.defaultJobs,
      stdinFilename: stdinFilename,
      parameterOverrides: overrides,
      keepsLineText: excerpts,
      keepsUTF16Columns: formats.contains(where: \.needsUTF16Columns),
      computesLineHashes: formats.contains(where: \.needsLineHashes),
      ruleLevels: configuration?.ruleLevels ?? RuleLevels(),
      exclude: configuration?.exclude,
      suppressions: configuration?.suppressions ?? [],
      suppressionPolicy: SuppressionPolicy(reportsUnused: reportUnused, requiresReasons: requireReason),
      baseline: try baselinePath.map { path throws(ConfigurationError) in try Baseline.read(path, resolver: resolver) },
      resolver: resolver,
      terraformVariables: TerraformVariableInput(
        assignments: variables.compactMap(TerraformVariableInput.assignment), files: variableFiles),
      terraformSource: terraformSource,
      followsSymlinks: followSymlinks,
      progress: ProgressLine.reporter(stderrIsTerminal: StandardOutput.isErrorTerminal)
    )
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
