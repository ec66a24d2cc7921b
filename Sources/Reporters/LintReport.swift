import Rules

/// What a run found: the sorted findings and how many files were linted.
public struct LintReport: Sendable {
  /// Findings sorted by file, line, column and rule.
  public var findings: [Finding]
  /// Files read as templates or plans (skipped files do not count).
  public var filesLinted: Int

  public init(findings: [Finding], filesLinted: Int) {
    self.findings = findings.sorted(by: Finding.isOrderedBefore)
    self.filesLinted = filesLinted
  }

  public func count(of severity: Severity) -> Int {
    findings.reduce(0) { $0 + ($1.severity == severity ? 1 : 0) }
  }
}
