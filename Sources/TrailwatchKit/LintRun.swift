import Reporters
import Rules

/// The result of a whole run: the report, and what kept files from being linted.
public struct LintRun: Sendable {
  public var report: LintReport
  /// One line per path that could not be read; any makes the exit code 2.
  public var problems: [String]
  /// One line per file or directory that vanished while the run went on: said on stderr, but the run
  /// linted everything there was, so the exit code is not 2.
  public var notes: [String]

  public init(report: LintReport, problems: [String], notes: [String] = []) {
    self.report = report
    self.problems = problems
    self.notes = notes
  }

  /// The run with `baseline` in place of the baseline it was linted with: what `--write-baseline`
  /// reports after writing.
  public func rebaselined(with baseline: Baseline, resolver: PathResolver) -> LintRun {
    var findings = report.findings
    for index in findings.indices where findings[index].suppression?.source == .baseline {
      findings[index].suppression = nil
    }
    baseline.apply(to: &findings, resolver: resolver)
    return LintRun(
      report: LintReport(findings: findings, filesLinted: report.filesLinted, lintedFiles: report.lintedFiles), problems: problems)
  }

  /// 0: nothing at or above `failOn`; 1: findings at or above it; 2: trailwatch could not do its job.
  public func exitCode(failOn threshold: Severity?) -> Int32 {
    if !problems.isEmpty { return 2 }
    guard let threshold else { return 0 }
    return report.findings.contains { $0.isReported && $0.severity >= threshold } ? 1 : 0
  }
}
