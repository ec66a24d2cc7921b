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
    let (files, walkProblems, walkNotes) = walker.files(in: options.paths)
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
    var results = [Result<UnitResult, FileReader.Failure>?](repeating: nil, count: units.count)
    await withTaskGroup(of: (Int, Result<UnitResult, FileReader.Failure>).self) { group in
      var next = 0
      func startNext() {
        guard next < units.count else { return }
        let index = next
        let unit = units[index]
        next += 1
        group.addTask {
          (index, Result { () throws(FileReader.Failure) -> UnitResult in try lint(unit, with: linter, stdinName: stdinName) })
        }
      }
      for _ in 0..<min(options.jobs, units.count) { startNext() }
      while let (index, result) = await group.next() {
        results[index] = result
        startNext()
      }
    }
    var covered: Set<String> = []
    for case .success(let result)? in results {
      for directory in result.moduleDirectories where directory != result.directory {
        covered.insert(directory)
      }
    }
    var findings: [Finding] = []
    var linted: Set<String> = []
    var resources: [String: Set<String>] = [:]
    for case let result? in results {
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
      ruleLevels: options.ruleLevels, suppressionPolicy: options.suppressionPolicy,
      terraformVariables: options.terraformVariables)
  }
}
