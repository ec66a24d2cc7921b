import Testing
import TrailwatchKit

@testable import TrailwatchCLI

/// The progress line of long runs. Shown only on a terminal, which a test does not have: what can be
/// checked here is that anything else gets nothing, and what the line says.
struct ProgressLineTests {
  @Test("a pipe or a file on stderr gets no progress at all")
  func nothingWithoutATerminal() {
    #expect(ProgressLine.reporter(stderrIsTerminal: false) == nil)
    #expect(ProgressLine.reporter(stderrIsTerminal: true) != nil)
  }

  @Test("the line says files done of all and MB/s, rewriting itself in place")
  func line() {
    let progress = LintProgress(filesDone: 4_211, fileCount: 10_000, bytesDone: 23_400_000, elapsed: .seconds(2))
    #expect(ProgressLine.text(progress) == "\r\u{1B}[Ktrailwatch: 4211 of 10000 files, 11.7 MB/s")
  }

  @Test("the end of the run erases the line")
  func erased() {
    let progress = LintProgress(filesDone: 10, fileCount: 10, bytesDone: 1, elapsed: .seconds(2), isFinished: true)
    #expect(ProgressLine.text(progress) == "\r\u{1B}[K")
  }
}
