import Reporters
import Rules

/// Lints files and directories: the only place work runs in parallel.
public struct Linter: Sendable {
  public var options: LintOptions

  public init(options: LintOptions) {
    self.options = options
  }

  public func run() async -> LintRun {
    let (files, walkProblems) = FileWalker(exclude: options.exclude, resolver: options.resolver).files(in: options.paths)
    let linter = sourceLinter
    let stdinName = options.stdinFilename ?? "<stdin>"
    var results = [Result<FileResult, FileReader.Failure>?](repeating: nil, count: files.count)
    await withTaskGroup(of: (Int, Result<FileResult, FileReader.Failure>).self) { group in
      var next = 0
      func startNext() {
        guard next < files.count else { return }
        let index = next
        let path = files[index]
        next += 1
        group.addTask {
          let result = Result { () throws(FileReader.Failure) -> [UInt8] in try FileReader.contents(of: path) }
            .map { linter.lint($0, path: path == "-" ? stdinName : path) }
          return (index, result)
        }
      }
      for _ in 0..<min(options.jobs, files.count) { startNext() }
      while let (index, result) = await group.next() {
        results[index] = result
        startNext()
      }
    }
    var findings: [Finding] = []
    var linted: [String] = []
    var problems = walkProblems
    for case let result? in results {
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

  /// Lints one file's text as a run over that file would, the configuration's suppressions and the
  /// baseline included: for editors, which lint what is on screen rather than what is on disk. A file
  /// the configuration excludes is not linted.
  public func lint(_ bytes: [UInt8], path: String) -> FileResult {
    if options.exclude?.matches(path, resolver: options.resolver) == true {
      return FileResult(path: path, kind: .other, findings: [])
    }
    var result = sourceLinter.lint(bytes, path: path)
    guard result.wasLinted else { return result }
    var findings = result.findings
    let candidates = options.suppressions.map { SuppressionCandidate($0, resolver: options.resolver) }
    findings += SuppressionFilter(policy: options.suppressionPolicy, levels: options.ruleLevels)
      .apply(candidates, to: &findings, lintedFiles: [path])
    options.baseline?.apply(to: &findings, resolver: options.resolver)
    result.findings = findings.sorted(by: Finding.isOrderedBefore)
    return result
  }

  private var sourceLinter: SourceLinter {
    SourceLinter(
      settings: options.settings, parameterOverrides: options.parameterOverrides, keepsLineText: options.keepsLineText,
      keepsUTF16Columns: options.keepsUTF16Columns, computesLineHashes: options.computesLineHashes,
      ruleLevels: options.ruleLevels, suppressionPolicy: options.suppressionPolicy)
  }
}
