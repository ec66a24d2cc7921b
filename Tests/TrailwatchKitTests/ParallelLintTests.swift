import Testing

@testable import Reporters
@testable import TrailwatchKit

/// A directory of templates with findings in each, large enough to be shared out in batches.
private func repository() throws -> Scratch {
  let scratch = try Scratch()
  for index in 0..<400 {
    let padding = String(repeating: "# a comment to give the file some weight\n", count: 40 + index % 60)
    try scratch.write(
      "team-\(index % 7)/stack-\(index).yaml",
      """
      \(padding)Resources:
        Logs\(index):
          Type: AWS::Logs::LogGroup
          Properties: {RetentionInDays: \(index % 3 == 0 ? "366" : "30")}
        Trail\(index):
          Type: AWS::CloudTrail::Trail
          Properties: {IsLogging: true, S3BucketName: b, CloudWatchLogsLogGroupArn: !GetAtt Logs\(index).Arn}

      """)
  }
  return scratch
}

/// Collects what a run reports about its progress; the engine calls it from one task at a time.
private final class ProgressLog: @unchecked Sendable {
  var reports: [LintProgress] = []
}

struct ParallelLintTests {
  @Test("any number of jobs finds the same findings in the same order", arguments: [2, 3, 8])
  func jobsDoNotChangeTheReport(jobs: Int) async throws {
    let scratch = try repository()
    defer { scratch.remove() }
    let one = await Linter(options: LintOptions(paths: [scratch.directory], jobs: 1)).run()
    let many = await Linter(options: LintOptions(paths: [scratch.directory], jobs: jobs)).run()
    #expect(one.report.findings.count > 400)
    #expect(many.report.findings == one.report.findings)
    #expect(many.report.filesLinted == 400)
    #expect(many.report.lintedFiles == one.report.lintedFiles)
  }

  @Test("progress counts every file once, then says the run is over", arguments: [1, 2])
  func progressCountsEveryFile(jobs: Int) async throws {
    let scratch = try repository()
    defer { scratch.remove() }
    let log = ProgressLog()
    var options = LintOptions(paths: [scratch.directory], jobs: jobs, progress: { log.reports.append($0) })
    options.progressDelay = .zero
    options.progressInterval = .zero
    _ = await Linter(options: options).run()
    let reports = log.reports
    #expect(reports.count >= 2)
    #expect(reports.last?.isFinished == true)
    #expect(reports.last?.filesDone == 400)
    #expect(reports.allSatisfy { $0.fileCount == 400 })
    let counts = reports.map(\.filesDone)
    #expect(counts == counts.sorted())
    #expect(reports.dropLast().allSatisfy { !$0.isFinished })
  }

  @Test("a run shorter than the delay reports no progress at all")
  func shortRunsAreQuiet() async throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    try scratch.write("a.yaml", "Resources:\n  T:\n    Type: AWS::SNS::Topic\n")
    let log = ProgressLog()
    var options = LintOptions(paths: [scratch.directory], jobs: 2, progress: { log.reports.append($0) })
    options.progressDelay = .seconds(3600)
    _ = await Linter(options: options).run()
    #expect(log.reports.isEmpty)
  }
}
