import Rules

/// What a run found: the sorted findings and the files that were linted.
public struct LintReport: Sendable {
  /// Findings sorted by file, line, column and rule.
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

  public func count(of severity: Severity) -> Int {
    findings.reduce(0) { $0 + ($1.severity == severity ? 1 : 0) }
  }
}
