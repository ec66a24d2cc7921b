import Rules
import TerraformSource

/// Everything a run needs to know, as plain values: the CLI fills it from flags.
public struct LintOptions: Sendable {
  /// Files and directories to lint; `-` reads standard input.
  public var paths: [String]
  public var settings: RuleSettings
  /// How many files are linted at once.
  public var jobs: Int
  /// The name standard input is linted and reported as.
  public var stdinFilename: String?
  /// Parameter values of one concrete CloudFormation deployment.
  public var parameterOverrides: [String: String]
  /// Whether findings keep their source line (for excerpts and fingerprints).
  public var keepsLineText: Bool
  /// Rules turned off or given another severity.
  public var ruleLevels: RuleLevels
  /// Files and directories not to lint, even when named on the command line.
  public var exclude: PathPatterns?
  /// The configuration's suppressions.
  public var suppressions: [ConfiguredSuppression]
  public var suppressionPolicy: SuppressionPolicy
  /// Findings accepted earlier: only others are reported.
  public var baseline: Baseline?
  /// How relative paths are read against the working directory.
  public var resolver: PathResolver
  /// Whether findings carry their columns in UTF-16 code units (SARIF, GitHub annotations).
  public var keepsUTF16Columns: Bool
  /// Whether findings carry GitHub code scanning's line hash (SARIF).
  public var computesLineHashes: Bool
  /// Called with the run's progress on long runs (see `LintProgress`), always from one task at a time.
  public var progress: (@Sendable (LintProgress) -> Void)?
  /// How long a run goes before `progress` hears of it, and then how often at most.
  public var progressDelay = LintProgress.delay
  public var progressInterval = LintProgress.interval
  /// Whether symbolic links inside directories are followed (each directory is still walked once).
  public var followsSymlinks: Bool
  /// The most bytes read from one file; a larger one is not linted (exit 2).
  public var maxFileBytes: Int
  /// Values for Terraform root modules' variables (`--var`, `--var-file`).
  public var terraformVariables: TerraformVariableInput
  /// The Terraform configuration a plan's findings are shown in (`--source`); nil: the plan's own
  /// directory, when it holds `.tf` files.
  public var terraformSource: String?

  public init(
    paths: [String], settings: RuleSettings = RuleSettings(), jobs: Int = LintOptions.defaultJobs,
    stdinFilename: String? = nil, parameterOverrides: [String: String] = [:], keepsLineText: Bool = false,
    keepsUTF16Columns: Bool = false, computesLineHashes: Bool = false,
    ruleLevels: RuleLevels = RuleLevels(), exclude: PathPatterns? = nil, suppressions: [ConfiguredSuppression] = [],
    suppressionPolicy: SuppressionPolicy = SuppressionPolicy(), baseline: Baseline? = nil,
    resolver: PathResolver = .current(), terraformVariables: TerraformVariableInput = TerraformVariableInput(),
    terraformSource: String? = nil, followsSymlinks: Bool = false, maxFileBytes: Int = LintOptions.defaultMaxFileBytes,
    progress: (@Sendable (LintProgress) -> Void)? = nil
  ) {
    self.terraformVariables = terraformVariables
    self.terraformSource = terraformSource
    self.paths = paths
    self.settings = settings
    self.jobs = max(jobs, 1)
    self.stdinFilename = stdinFilename
    self.parameterOverrides = parameterOverrides
    self.keepsLineText = keepsLineText
    self.ruleLevels = ruleLevels
    self.exclude = exclude
    self.suppressions = suppressions
    self.suppressionPolicy = suppressionPolicy
    self.baseline = baseline
    self.resolver = resolver
    self.keepsUTF16Columns = keepsUTF16Columns
    self.computesLineHashes = computesLineHashes
    self.progress = progress
    self.followsSymlinks = followsSymlinks
    self.maxFileBytes = maxFileBytes
  }

  /// 512 MiB (see `FileReader.defaultMaxBytes`).
  public static var defaultMaxFileBytes: Int { FileReader.defaultMaxBytes }

  /// One job per core.
  public static var defaultJobs: Int {
    max(ProcessInfoCores.count, 1)
  }
}
