import TrailwatchKit

/// The one line on stderr that shows a long run's progress on a terminal, rewritten in place and
/// erased when the run is over, so that it never mixes with findings or stays in a log.
enum ProgressLine {
  /// Carriage return and "erase to the end of the line".
  static let erase = "\r\u{1B}[K"

  /// Where a run's progress goes: the line on stderr when stderr is a terminal; nowhere when it is a
  /// pipe or a file (a CI log, `2> errors.txt`). Standard output never gets any.
  static func reporter(stderrIsTerminal: Bool) -> (@Sendable (LintProgress) -> Void)? {
    guard stderrIsTerminal else { return nil }
    return { progress in StandardOutput.writeError(text(progress)) }
  }

  /// What to write to stderr for `progress`: the line, or only the erasure at the end.
  static func text(_ progress: LintProgress) -> String {
    guard !progress.isFinished else { return erase }
    let tenths = Int((progress.megabytesPerSecond * 10).rounded())
    return erase + "trailwatch: \(progress.filesDone) of \(progress.fileCount) files, \(tenths / 10).\(tenths % 10) MB/s"
  }
}
