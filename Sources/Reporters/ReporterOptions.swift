import Rules

/// What reporters need to know about the run besides its findings.
public struct ReporterOptions: Sendable {
  /// trailwatch's version and home page, for formats that name the tool (SARIF).
  public var toolVersion: String
  public var informationURI: String
  /// Source line and caret under each finding (text on a terminal).
  public var excerpts: Bool
  /// The lowest severity that fails the run: findings at or above it are JUnit failures.
  public var failOn: Severity?
  /// SARIF `runAutomationDetails.id` category (`--sarif-category`).
  public var sarifCategory: String?
  /// The directory trailwatch runs in: absolute paths inside it are reported relative to it by
  /// the CI formats.
  public var workingDirectory: String?

  public init(
    toolVersion: String, informationURI: String, excerpts: Bool = false, failOn: Severity? = .warning,
    sarifCategory: String? = nil, workingDirectory: String? = nil
  ) {
    self.toolVersion = toolVersion
    self.informationURI = informationURI
    self.excerpts = excerpts
    self.failOn = failOn
    self.sarifCategory = sarifCategory
    self.workingDirectory = workingDirectory
  }
}
