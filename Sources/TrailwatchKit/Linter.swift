import Reporters
import Rules

/// Lints files and directories: the only place work runs in parallel.
public struct Linter: Sendable {
  public var options: LintOptions

  public init(options: LintOptions) {
    self.options = options
  }

  public func run() async -> LintRun {
    let (files, walkProblems) = FileWalker(exclude: options.exclude, resolver: options.resolver).sizedFiles(in: options.paths)
    let linter = SourceLinter(
      settings: options.settings, parameterOverrides: options.parameterOverrides, keepsLineText: options.keepsLineText,
      keepsUTF16Columns: options.keepsUTF16Columns, computesLineHashes: options.computesLineHashes,
      ruleLevels: options.ruleLevels, suppressionPolicy: options.suppressionPolicy)
    let stdinName = options.stdinFilename ?? "<stdin>"
    let results = await lint(files) { path in
      Result { () throws(FileReader.Failure) -> [UInt8] in try FileReader.contents(of: path) }
        .map { linter.lint($0, path: path == "-" ? stdinName : path) }
    }
    var findings: [Finding] = []
    var linted: [String] = []
    var problems = walkProblems
    for result in results {
      switch result {
      case .success(let file):
        findings += file.findings
        if file.wasLinted { linted.append(file.path) }
      case .failure(.unreadable(let message)):
        problems.append(message)
      }
    }
    // The filters after the rules: the configuration's suppressions, then the baseline.
    let candidates = options.suppressions.map { SuppressionCandidate($0, resolver: options.resolver) }
    findings += SuppressionFilter(policy: options.suppressionPolicy, levels: options.ruleLevels)
      .apply(candidates, to: &findings, lintedFiles: linted)
    options.baseline?.apply(to: &findings, resolver: options.resolver)
    return LintRun(report: LintReport(findings: findings, filesLinted: linted.count, lintedFiles: linted), problems: problems)
  }

  /// `lintFile` applied to every file, results in the order of `files`, on up to `options.jobs` cores.
  ///
  /// At most one file per job is in memory at a time, so memory is bounded by the largest files, not
  /// by their number. Workers share nothing: each lints a batch (see `BatchPlan`) and hands back its
  /// results, which this task files in place.
  private func lint<Outcome: Sendable>(
    _ files: [(path: String, size: Int)], _ lintFile: @escaping @Sendable (String) -> Outcome
  ) async -> [Outcome] {
    var progress = ProgressThrottle(
      fileCount: files.count, report: options.progress, delay: options.progressDelay, interval: options.progressInterval)
    defer { progress.finish() }
    let plan = BatchPlan(sizes: files.map(\.size), jobs: options.jobs)
    guard options.jobs > 1, plan.batches.count > 1 else {
      // One job, or too little work to share: lint right here, without handing anything to a thread.
      var results: [Outcome] = []
      results.reserveCapacity(files.count)
      for file in files {
        results.append(lintFile(file.path))
        progress.advance(files: 1, bytes: file.size)
      }
      return results
    }
    var results = [Outcome?](repeating: nil, count: files.count)
    await withTaskGroup(of: (Range<Int>, [Outcome]).self) { group in
      var next = 0
      func startNext() {
        guard next < plan.batches.count else { return }
        let batch = plan.batches[next]
        let paths = files[batch].map(\.path)
        next += 1
        group.addTask { (batch, paths.map(lintFile)) }
      }
      for _ in 0..<min(options.jobs, plan.batches.count) { startNext() }
      while let (batch, outcomes) = await group.next() {
        startNext()
        for (offset, outcome) in outcomes.enumerated() {
          results[batch.lowerBound + offset] = outcome
        }
        progress.advance(files: batch.count, bytes: files[batch].reduce(0) { $0 + $1.size })
      }
    }
    return results.compactMap { $0 }
  }
}
