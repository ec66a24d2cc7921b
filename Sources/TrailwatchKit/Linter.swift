import Reporters
import Rules
import TerraformSource

/// Lints files and directories: the only place work runs in parallel.
///
/// Templates and plans are linted one file at a time; Terraform configuration one module (directory)
/// at a time, so resources in different files of one module see each other. A directory that another
/// module of the run calls as a local module is linted through that call, with the inputs it is given,
/// and not again as a root of its own. A Terraform plan's findings are shown in its configuration (the
/// plan's directory, or `--source`) when that is at hand, and that directory is then checked through
/// the plan alone.
public struct Linter: Sendable {
  public var options: LintOptions

  public init(options: LintOptions) {
    self.options = options
  }

  public func run() async -> LintRun {
    let walker = FileWalker(exclude: options.exclude, resolver: options.resolver, followsSymlinks: options.followsSymlinks)
    let (sizedFiles, walkProblems, walkNotes) = walker.sizedFiles(in: options.paths)
    let files = sizedFiles.map(\.path)
    var problems = walkProblems
    var notes = walkNotes
    for path in options.terraformVariables.files {
      do throws(FileReader.Failure) {
        _ = try FileReader.contents(of: path)
      } catch {
        problems.append(error.message)
      }
    }
    let linter = sourceLinter
    let stdinName = options.stdinFilename ?? "<stdin>"
    let units = LintUnit.units(for: files, stdinName: options.stdinFilename)
    let work = Self.work(of: units, files: sizedFiles, stdinName: options.stdinFilename)
    let results = await lint(units, work: work) { unit in
      Result { () throws(FileReader.Failure) -> UnitResult in try lint(unit, with: linter, stdinName: stdinName) }
    }
    var covered: Set<String> = []
    for case .success(let result) in results {
      for directory in result.moduleDirectories where directory != result.directory {
        covered.insert(directory)
      }
    }
    var findings: [Finding] = []
    var linted: Set<String> = []
    var resources: [String: Set<String>] = [:]
    for result in results {
      switch result {
      case .success(let unit):
        if let directory = unit.directory, covered.contains(directory) { continue }
        findings += unit.findings
        linted.formUnion(unit.lintedFiles)
        resources.merge(unit.resources) { $0.union($1) }
      case .failure(.unreadable(let message)):
        problems.append(message)
      case .failure(.vanished(let path)):
        notes.append("\(path): vanished before it could be read; skipped")
      }
    }
    // A module called by two roots reports the same finding twice only when the messages differ.
    var unique: [Finding] = []
    for finding in findings.sorted(by: Finding.isOrderedBefore) where unique.last != finding {
      unique.append(finding)
    }
    findings = unique
    let lintedFiles = linted.sorted()
    // The filters after the rules: the configuration's suppressions, then the baseline.
    let candidates = options.suppressions.map { SuppressionCandidate($0, resolver: options.resolver) }
    findings += SuppressionFilter(policy: options.suppressionPolicy, levels: options.ruleLevels)
      .apply(candidates, to: &findings, lintedFiles: lintedFiles, resources: resources)
    options.baseline?.apply(to: &findings, resolver: options.resolver)
    return LintRun(
      report: LintReport(findings: findings, filesLinted: lintedFiles.count, lintedFiles: lintedFiles), problems: problems, notes: notes)
  }

  /// Whether two paths are Terraform files of one module (one directory): an edit of one can change
  /// the findings of the other.
  public static func shareTerraformModule(_ path: String, _ other: String) -> Bool {
    LintUnit.isTerraform(path) && LintUnit.isTerraform(other)
      && TerraformPath.directory(of: path) == TerraformPath.directory(of: other)
  }

  private func isExcluded(_ path: String) -> Bool {
    options.exclude?.matches(path, resolver: options.resolver) ?? false
  }

  private func lint(_ unit: LintUnit, with linter: SourceLinter, stdinName: String) throws(FileReader.Failure) -> UnitResult {
    switch unit {
    case .file(let path):
      let bytes = try FileReader.contents(of: path, maxBytes: options.maxFileBytes)
      let result = linter.lint(bytes, path: path == "-" ? stdinName : path)
      // A plan speaks for its configuration: its findings are shown there, and that directory is not
      // linted again on its own.
      if result.kind == .terraformPlan,
        let placed = linter.placeInSource(
          result.findings, planPath: result.path,
          directory: options.terraformSource ?? TerraformPath.directory(of: result.path), fileSystem: DiskTerraformFiles())
      {
        return UnitResult(
          findings: placed.findings.filter { !isExcluded($0.file) },
          lintedFiles: [result.path] + placed.files.filter { !isExcluded($0) }, moduleDirectories: placed.moduleDirectories,
          resources: placed.resources.merging([result.path: result.resources]) { $0.union($1) })
      }
      return UnitResult(
        findings: result.findings, lintedFiles: result.wasLinted ? [result.path] : [],
        resources: result.wasLinted ? [result.path: result.resources] : [:])
    case .terraformModule(let directory):
      var fileSystem = DiskTerraformFiles()
      if let name = options.stdinFilename, LintUnit.isTerraform(name), TerraformPath.directory(of: name) == directory,
        options.paths.contains("-")
      {
        fileSystem.overlay[name] = try FileReader.contents(of: "-")
      }
      let result = linter.lintTerraformModule(directory: directory, fileSystem: fileSystem)
      // Excluded files of a module are still read (the module is one configuration), never reported.
      return UnitResult(
        findings: result.findings.filter { !isExcluded($0.file) }, lintedFiles: result.files.filter { !isExcluded($0) },
        moduleDirectories: result.moduleDirectories, resources: result.resources, directory: TerraformPath.normalize(directory))
    }
  }

  /// How many files and bytes each unit reads: a module's are those of its `.tf` files.
  private static func work(
    of units: [LintUnit], files: [(path: String, size: Int)], stdinName: String?
  ) -> [(files: Int, bytes: Int)] {
    var modules: [String: (files: Int, bytes: Int)] = [:]
    var sizes: [String: Int] = [:]
    for file in files {
      let named = file.path == "-" ? (stdinName ?? "-") : file.path
      if LintUnit.isTerraform(named) {
        let directory = TerraformPath.directory(of: named)
        let sum = modules[directory] ?? (0, 0)
        modules[directory] = (sum.files + 1, sum.bytes + file.size)
      } else {
        sizes[file.path] = file.size
      }
    }
    return units.map { unit in
      switch unit {
      case .file(let path): (1, sizes[path] ?? 0)
      case .terraformModule(let directory): modules[directory] ?? (1, 0)
      }
    }
  }

  /// `lintUnit` applied to every unit, results in the order of `units`, on up to `options.jobs` cores.
  ///
  /// At most one unit per job is in memory at a time, so memory is bounded by the largest files, not
  /// by their number. Workers share nothing and take no lock: each lints a batch of consecutive units
  /// (see `BatchPlan`) and hands back its results, which this task files in place.
  private func lint<Outcome: Sendable>(
    _ units: [LintUnit], work: [(files: Int, bytes: Int)], _ lintUnit: @escaping @Sendable (LintUnit) -> Outcome
  ) async -> [Outcome] {
    var progress = ProgressThrottle(
      fileCount: work.reduce(0) { $0 + $1.files }, report: options.progress, delay: options.progressDelay,
      interval: options.progressInterval)
    defer { progress.finish() }
    let plan = BatchPlan(sizes: work.map(\.bytes), jobs: options.jobs)
    guard options.jobs > 1, plan.batches.count > 1 else {
      // One job, or too little work to share: lint right here, without handing anything to a thread.
      var results: [Outcome] = []
      results.reserveCapacity(units.count)
      for (unit, done) in zip(units, work) {
        results.append(lintUnit(unit))
        progress.advance(files: done.files, bytes: done.bytes)
      }
      return results
    }
    var results = [Outcome?](repeating: nil, count: units.count)
    await withTaskGroup(of: (Range<Int>, [Outcome]).self) { group in
      var next = 0
      func startNext() {
        guard next < plan.batches.count else { return }
        let batch = plan.batches[next]
        let batchUnits = Array(units[batch])
        next += 1
        group.addTask { (batch, batchUnits.map(lintUnit)) }
      }
      for _ in 0..<min(options.jobs, plan.batches.count) { startNext() }
      while let (batch, outcomes) = await group.next() {
        startNext()
        for (offset, outcome) in outcomes.enumerated() {
          results[batch.lowerBound + offset] = outcome
        }
        let done = work[batch].reduce((files: 0, bytes: 0)) { ($0.files + $1.files, $0.bytes + $1.bytes) }
        progress.advance(files: done.files, bytes: done.bytes)
      }
    }
    return results.compactMap { $0 }
  }

  /// Lints one file's text as a run over that file would, the configuration's suppressions and the
  /// baseline included: for editors, which lint what is on screen rather than what is on disk. A file
  /// the configuration excludes is not linted.
  ///
  /// A Terraform file is linted with the rest of its module, as a run does: the other files of its
  /// directory and the local modules it calls are read from disk, except those in `openFiles` (path →
  /// text), which are read as the editor has them. The result holds the findings of every file of the
  /// module.
  public func lint(_ bytes: [UInt8], path: String, openFiles: [String: [UInt8]] = [:]) -> FileResult {
    if isExcluded(path) {
      return FileResult(path: path, kind: .other, findings: [])
    }
    var result: FileResult
    var lintedFiles = [path]
    if LintUnit.isTerraform(path) {
      var fileSystem = DiskTerraformFiles()
      fileSystem.overlay = openFiles
      fileSystem.overlay[path] = bytes
      let module = sourceLinter.lintTerraformModule(directory: TerraformPath.directory(of: path), fileSystem: fileSystem)
      lintedFiles = module.files.filter { !isExcluded($0) }
      result = FileResult(path: path, kind: .terraform, findings: module.findings.filter { !isExcluded($0.file) })
    } else {
      result = sourceLinter.lint(bytes, path: path)
    }
    guard result.wasLinted else { return result }
    var findings = result.findings
    let candidates = options.suppressions.map { SuppressionCandidate($0, resolver: options.resolver) }
    findings += SuppressionFilter(policy: options.suppressionPolicy, levels: options.ruleLevels)
      .apply(candidates, to: &findings, lintedFiles: lintedFiles)
    options.baseline?.apply(to: &findings, resolver: options.resolver)
    result.findings = findings.sorted(by: Finding.isOrderedBefore)
    return result
  }

  private var sourceLinter: SourceLinter {
    SourceLinter(
      settings: options.settings, parameterOverrides: options.parameterOverrides, keepsLineText: options.keepsLineText,
      keepsUTF16Columns: options.keepsUTF16Columns, computesLineHashes: options.computesLineHashes,
      ruleLevels: options.ruleLevels, suppressionPolicy: options.suppressionPolicy,
      terraformVariables: options.terraformVariables)
  }
}
