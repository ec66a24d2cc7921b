import Rules

/// What a run found: the sorted findings and the files that were linted.
public struct LintReport: Sendable {
  /// Findings sorted by file, line, column and rule, suppressed ones included (they carry their
  /// `suppression`; text formats leave them out, machine formats say why they are accepted).
  public var findings: [Finding]
  /// Files read as templates or plans (skipped files do not count).
  public var filesLinted: Int
  /// The paths of those files, sorted, as findings name them; formats that report passing files
  /// (JUnit) need them.
  public var lintedFiles: [String]

  /// A report. Files with findings count as linted whether or not `lintedFiles` names them.
  public init(findings: [Finding], filesLinted: Int, lintedFiles: [String] = []) {
    self.findings = findings.sorted(by: Finding.isOrderedBefore)
    self.filesLinted = filesLinted
    self.lintedFiles = Array(Set(lintedFiles + findings.map(\.file))).sorted()
  }

  /// The findings that are reported: not suppressed, not in the baseline.
  public var reportedFindings: [Finding] {
    findings.filter(\.isReported)
  }

  /// Reported findings of one severity.
  public func count(of severity: Severity) -> Int {
    findings.reduce(0) { $0 + ($1.isReported && $1.severity == severity ? 1 : 0) }
  }

  /// Findings hidden by a suppression (comment, Metadata, configuration).
  public var suppressedCount: Int {
    findings.reduce(0) { $0 + ($1.suppression.map { $0.source != .baseline } == true ? 1 : 0) }
  }

  /// Findings accepted by the baseline.
  public var baselinedCount: Int {
    findings.reduce(0) { $0 + ($1.suppression?.source == .baseline ? 1 : 0) }
  }
}
