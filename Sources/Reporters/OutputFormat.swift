/// The output formats trailwatch writes.
public enum OutputFormat: String, Sendable, CaseIterable {
  /// `path:line:col: severity: message [TW101]`, with an excerpt on a terminal and a summary.
  case text
  /// Exactly one compiler-style line per finding, for editors' problem matchers.
  case gcc
  /// The JSON contract (`version: 1`).
  case json
  /// SARIF 2.1.0 for GitHub code scanning.
  case sarif
  /// JUnit XML for Jenkins, GitLab and Azure Pipelines test reports.
  case junit
  /// GitHub Actions workflow commands: an annotation per finding.
  case github
  /// GitLab Code Quality JSON.
  case gitlab

  public func reporter(_ options: ReporterOptions) -> any Reporter {
    switch self {
    case .text: TextReporter(excerpts: options.excerpts, summary: true)
    case .gcc: TextReporter(excerpts: false, summary: false)
    case .json: JSONReporter()
    case .sarif:
      SARIFReporter(
        toolVersion: options.toolVersion, informationURI: options.informationURI, category: options.sarifCategory,
        workingDirectory: options.workingDirectory)
    case .junit: JUnitReporter(failOn: options.failOn, workingDirectory: options.workingDirectory)
    case .github: GitHubActionsReporter(workingDirectory: options.workingDirectory)
    case .gitlab: GitLabReporter(workingDirectory: options.workingDirectory)
    }
  }

  /// Whether findings must carry UTF-16 columns for this format.
  public var needsUTF16Columns: Bool {
    self == .sarif || self == .github
  }

  /// Whether findings must carry GitHub's line hash for this format.
  public var needsLineHashes: Bool {
    self == .sarif
  }
}
