import Reporters
import Rules

/// Lints files and directories: the only place work runs in parallel.
public struct Linter: Sendable {
  public var options: LintOptions

  public init(options: LintOptions) {
    self.options = options
  }

  public func run() async -> LintRun {
    let walker = FileWalker(exclude: options.exclude, resolver: options.resolver, followsSymlinks: options.followsSymlinks)
    let (files, walkProblems, walkNotes) = walker.files(in: options.paths)
    let maxFileBytes = options.maxFileBytes
    let linter = SourceLinter(
      settings: options.settings, parameterOverrides: options.parameterOverrides, keepsLineText: options.keepsLineText,
      keepsUTF16Columns: options.keepsUTF16Columns, computesLineHashes: options.computesLineHashes,
      ruleLevels: options.ruleLevels, suppressionPolicy: options.suppressionPolicy)
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
          let result = Result { () throws(FileReader.Failure) -> [UInt8] in try FileReader.contents(of: path, maxBytes: maxFileBytes) }
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
    var notes = walkNotes
    for case let result? in results {
      switch result {
      case .success(let file):
        findings += file.findings
        if file.wasLinted { linted.append(file.path) }
      case .failure(.unreadable(let message)):
        problems.append(message)
      case .failure(.vanished(let path)):
        notes.append("\(path): vanished before it could be read; skipped")
      }
    }
    // The filters after the rules: the configuration's suppressions, then the baseline.
    let candidates = options.suppressions.map { SuppressionCandidate($0, resolver: options.resolver) }
    findings += SuppressionFilter(policy: options.suppressionPolicy, levels: options.ruleLevels)
      .apply(candidates, to: &findings, lintedFiles: linted)
    options.baseline?.apply(to: &findings, resolver: options.resolver)
    return LintRun(report: LintReport(findings: findings, filesLinted: linted.count, lintedFiles: linted), problems: problems, notes: notes)
  }
}
