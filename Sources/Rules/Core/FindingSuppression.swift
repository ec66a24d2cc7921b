import SourceMap

/// Why a finding is not reported: the suppression or baseline entry that accepts it.
///
/// Suppressed findings stay in the report so machine formats can carry them (JSON `suppression`, SARIF
/// `suppressions`); text formats leave them out and the counts and exit code ignore them.
public struct FindingSuppression: Sendable, Equatable {
  /// SARIF's two kinds: written in the linted file, or somewhere else.
  public enum Kind: String, Sendable, Equatable {
    /// A comment or `Metadata` entry in the file itself.
    case inSource
    /// The configuration file or the baseline.
    case external
  }

  /// The mechanism, as users name it.
  public enum Source: String, Sendable, Equatable {
    case comment, metadata, checkov
    case cfnNag = "cfn_nag"
    case cfnGuard = "guard"
    case config, baseline
  }

  public var kind: Kind
  public var source: Source
  /// The reason the writer gave; nil when none (always nil for the baseline).
  public var justification: String?
  /// The file the suppression is written in (the linted file, `.trailwatch.yml`, the baseline), as
  /// the user would name it.
  public var file: String
  public var range: SourceRange

  public init(kind: Kind, source: Source, justification: String?, file: String, range: SourceRange) {
    self.kind = kind
    self.source = source
    self.justification = justification
    self.file = file
    self.range = range
  }
}
