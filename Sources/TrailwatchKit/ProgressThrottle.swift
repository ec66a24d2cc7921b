/// Counts the files a run has linted and passes that on when it is worth showing: only once the run
/// has taken longer than `delay` (`LintProgress.delay`), at most every `interval`, and once at the end
/// if anything was shown.
struct ProgressThrottle {
  private let report: (@Sendable (LintProgress) -> Void)?
  private let fileCount: Int
  private let delay: Duration
  private let interval: Duration
  private let clock = ContinuousClock()
  private let start: ContinuousClock.Instant
  private var lastReport: ContinuousClock.Instant?
  private var filesDone = 0
  private var bytesDone = 0

  init(
    fileCount: Int, report: (@Sendable (LintProgress) -> Void)?, delay: Duration = LintProgress.delay,
    interval: Duration = LintProgress.interval
  ) {
    self.fileCount = fileCount
    self.report = report
    self.delay = delay
    self.interval = interval
    self.start = clock.now
  }

  mutating func advance(files: Int, bytes: Int) {
    filesDone += files
    bytesDone += bytes
    guard let report else { return }
    let now = clock.now
    guard now - start >= delay else { return }
    if let lastReport, now - lastReport < interval { return }
    lastReport = now
    report(LintProgress(filesDone: filesDone, fileCount: fileCount, bytesDone: bytesDone, elapsed: now - start))
  }

  /// Tells the display to clear itself, if it ever showed anything.
  func finish() {
    guard let report, lastReport != nil else { return }
    report(LintProgress(
      filesDone: filesDone, fileCount: fileCount, bytesDone: bytesDone, elapsed: clock.now - start, isFinished: true))
  }
}
