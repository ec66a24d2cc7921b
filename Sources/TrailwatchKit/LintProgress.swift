/// How far a run has got, for a progress display. The engine reports it only once a run has taken
/// longer than `LintProgress.delay`, at most every `LintProgress.interval`, and then once more with
/// `isFinished` so the display can be cleared.
public struct LintProgress: Sendable, Equatable {
  public var filesDone: Int
  public var fileCount: Int
  public var bytesDone: Int
  /// Time since the files started to be linted.
  public var elapsed: Duration
  /// The run is over: clear the display.
  public var isFinished: Bool

  public init(filesDone: Int, fileCount: Int, bytesDone: Int, elapsed: Duration, isFinished: Bool = false) {
    self.filesDone = filesDone
    self.fileCount = fileCount
    self.bytesDone = bytesDone
    self.elapsed = elapsed
    self.isFinished = isFinished
  }

  /// Runs shorter than this show nothing: a pre-commit hook or an editor should not flicker.
  public static let delay = Duration.seconds(1)
  /// The least time between two reports.
  public static let interval = Duration.milliseconds(100)

  /// Megabytes (10^6 bytes) read per second so far.
  public var megabytesPerSecond: Double {
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    return seconds > 0 ? Double(bytesDone) / 1e6 / seconds : 0
  }
}
