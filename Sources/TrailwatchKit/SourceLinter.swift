import CloudFormation
import InfraModel
import Rules
import SourceMap
import TerraformPlan
import TerraformSource

/// Lints one file's bytes (read, detect, adapt, run every rule that is on, then apply the
/// suppressions written in the file), or one Terraform module through a file system it is given.
/// Pure: it opens nothing itself.
public struct SourceLinter: Sendable {
  public var settings: RuleSettings
  public var parameterOverrides: [String: String]
  public var keepsLineText: Bool
  public var keepsUTF16Columns: Bool
  public var computesLineHashes: Bool
  public var ruleLevels: RuleLevels
  public var suppressionPolicy: SuppressionPolicy
  /// Values for Terraform root modules' variables (`--var`, `--var-file`).
  public var terraformVariables: TerraformVariableInput

  public init(
    settings: RuleSettings = RuleSettings(), parameterOverrides: [String: String] = [:], keepsLineText: Bool = false,
    keepsUTF16Columns: Bool = false, computesLineHashes: Bool = false, ruleLevels: RuleLevels = RuleLevels(),
    suppressionPolicy: SuppressionPolicy = SuppressionPolicy(),
    terraformVariables: TerraformVariableInput = TerraformVariableInput()
  ) {
    self.terraformVariables = terraformVariables
    self.settings = settings
    self.parameterOverrides = parameterOverrides
    self.keepsLineText = keepsLineText
    self.keepsUTF16Columns = keepsUTF16Columns
    self.computesLineHashes = computesLineHashes
    self.ruleLevels = ruleLevels
    self.suppressionPolicy = suppressionPolicy
  }

  /// Lints `bytes` as the file at `path` (the path is only reported, never opened). A `.tf` or
  /// `.tf.json` file is linted as a module of that one file; `lintTerraformModule` lints it with the
  /// rest of its directory.
  public func lint(_ bytes: [UInt8], path: String) -> FileResult {
    if LintUnit.isTerraform(path) {
      let module = lintTerraformModule(
        directory: TerraformPath.directory(of: path), fileSystem: InMemoryTerraformFiles(bytes: [path: bytes]))
      return FileResult(path: path, kind: .terraform, findings: module.findings)
    }
    let text: SourceText
    do {
      text = try SourceText(decoding: bytes)
    } catch {
      // UTF-16 that cannot be decoded is still searched as text for the marks of a template.
      return parseFailure(error, bytes: SourceText.searchableBytes(of: bytes), text: SourceText(utf8: []), file: bytes, path: path)
    }
    let isJSON = SyntaxDetector.isJSON(path: path, bytes: text.bytes)
    let root: Node?
    do {
      root = try isJSON ? JSONReader.read(text) : YAMLReader.read(text)
    } catch {
      // A plan saved with the setup-terraform wrapper's text around it: say how to save it cleanly.
      let cause = TerraformPlanAdapter.wrapperError(in: text) ?? error
      return parseFailure(cause, bytes: text.bytes, text: text, file: bytes, path: path)
    }
    guard let root else {
      return FileResult(path: path, kind: .other, findings: [])
    }
    if TerraformPlanAdapter.isPlan(root) {
      let infrastructure: Infrastructure
      do {
        infrastructure = try TerraformPlanAdapter().infrastructure(from: root)
      } catch {
        return parseFailure(error, bytes: text.bytes, text: text, file: bytes, path: path, kind: .terraformPlan)
      }
      // Plans carry no comments or Metadata: the configuration's suppressions are the way (Linter).
      let found = findings(in: infrastructure, path: path) { _ in text }.sorted(by: Finding.isOrderedBefore)
      return FileResult(
        path: path, kind: .terraformPlan, findings: detailed(found, text: text, file: bytes),
        resources: infrastructure.resourceNames)
    }
    guard CloudFormationAdapter.isTemplate(root) else {
      return FileResult(path: path, kind: .other, findings: [])
    }
    // JSON has no comments; in YAML only lines holding the prefix are looked at.
    let comments =
      isJSON ? [] : YAMLComments.comments(in: text, root: root, startingWith: CloudFormationAdapter.suppressionCommentPrefix)
    let infrastructure = CloudFormationAdapter(parameterOverrides: parameterOverrides)
      .infrastructure(from: root, comments: comments)
    var found = findings(in: infrastructure, path: path) { _ in text }
    let candidates = infrastructure.suppressions.map { SuppressionCandidate($0, file: path) }
    found += SuppressionFilter(policy: suppressionPolicy, levels: ruleLevels).apply(candidates, to: &found, lintedFiles: [path])
      .map { finding in
        var finding = finding
        finding.lineText = excerpt(of: finding.range.start.line, in: text)
        return finding
      }
    found.sort(by: Finding.isOrderedBefore)
    return FileResult(
      path: path, kind: .cloudFormation, findings: detailed(found, text: text, file: bytes),
      resources: infrastructure.resourceNames)
  }

  /// Lints the Terraform module in `directory`: its `.tf` and `.tf.json` files, its variable files and
  /// the local modules it calls, all read through `fileSystem`. Each finding is in the file where the
  /// resource or value is written; a file that cannot be parsed is a TW001 finding of its own; the
  /// `trailwatch:ignore` comments of every file apply.
  public func lintTerraformModule(directory: String, fileSystem: any TerraformFileSystem) -> TerraformModuleResult {
    let source = TerraformSourceAdapter(variables: terraformVariables).read(directory: directory, from: fileSystem)
    var texts: [String: SourceText] = [:]
    var found: [Finding] = []
    let parseError = ParseErrorRule.description
    for file in source.files {
      texts[file.path] = file.text
      guard let error = file.error, let severity = ruleLevels.severity(of: parseError) else { continue }
      found.append(Finding(
        ruleID: parseError.id, ruleName: parseError.name, severity: severity,
        message: error.message, file: file.path, range: error.range,
        lineText: excerpt(of: error.range.start.line, in: file.text)))
    }
    found += findings(in: source.infrastructure, path: directory) { texts[$0] }
    let linted = source.files.map(\.path)
    let candidates = source.suppressions.map { located in
      var candidate = SuppressionCandidate(located.suppression, file: located.file)
      // A line of one file says nothing about the same line of the module's other files.
      if case .line = located.suppression.scope {
        let onLine = candidate.covers
        candidate.covers = { $0.file == located.file && onLine($0) }
      }
      return candidate
    }
    found += SuppressionFilter(policy: suppressionPolicy, levels: ruleLevels).apply(candidates, to: &found, lintedFiles: linted)
      .map { finding in
        var finding = finding
        finding.lineText = texts[finding.file].flatMap { excerpt(of: finding.range.start.line, in: $0) }
        return finding
      }
    var detailedFindings: [Finding] = []
    for (file, inFile) in Dictionary(grouping: found, by: \.file) {
      guard let text = texts[file] else {
        detailedFindings += inFile
        continue
      }
      detailedFindings += detailed(inFile, text: text, file: text.bytes)
    }
    return TerraformModuleResult(
      findings: detailedFindings.sorted(by: Finding.isOrderedBefore), files: linted,
      moduleDirectories: source.moduleDirectories, resources: source.infrastructure.resourcesByFile(defaultFile: directory))
  }

  /// Runs every rule that is on; a violation lands in its own file when it names one, else in `path`.
  func findings(in infrastructure: Infrastructure, path: String, text: (String) -> SourceText?) -> [Finding] {
    var findings: [Finding] = []
    for rule in RuleCatalog.all {
      let description = type(of: rule).description
      guard !ruleLevels.isOff(description) else { continue }
      for violation in rule.check(infrastructure, settings: settings) {
        guard let severity = ruleLevels.severity(of: description, violation: violation.severity) else { continue }
        let file = violation.file ?? path
        findings.append(Finding(
          ruleID: description.id, ruleName: description.name, severity: severity,
          message: violation.message, file: file, range: violation.range,
          resource: violation.resource?.name, resourceType: violation.resource?.type,
          lineText: text(file).flatMap { excerpt(of: violation.range.start.line, in: $0) }))
      }
    }
    return findings
  }

  /// Lines longer than this are not kept for excerpts: a minified plan is one line of megabytes, which
  /// no terminal can show and which each finding would otherwise copy.
  static let maxExcerptBytes = 1000

  func excerpt(of line: Int, in text: SourceText) -> String? {
    guard keepsLineText, text.lineBytes(line).count <= Self.maxExcerptBytes else { return nil }
    return text.lineText(line)
  }

  /// A TW001 finding for a file that looks like a template or plan (or is a plan, `kind`); a file that
  /// looks like neither is skipped.
  private func parseFailure(
    _ error: ParseError, bytes: [UInt8], text: SourceText, file: [UInt8], path: String, kind: DocumentKind? = nil
  ) -> FileResult {
    guard kind != nil || SyntaxDetector.looksLikeTemplateOrPlan(bytes) else {
      return FileResult(path: path, kind: .other, findings: [])
    }
    let description = ParseErrorRule.description
    guard let severity = ruleLevels.severity(of: description) else {
      return FileResult(path: path, kind: .cloudFormation, findings: [])
    }
    let finding = Finding(
      ruleID: description.id, ruleName: description.name, severity: severity,
      message: error.message, file: path, range: error.range,
      lineText: excerpt(of: error.range.start.line, in: text))
    let resultKind = kind ?? SyntaxDetector.kind(ofUnparsed: bytes)
    return FileResult(path: path, kind: resultKind, findings: detailed([finding], text: text, file: file))
  }

  /// Adds what the reporters asked for, only when they asked: UTF-16 columns (from the line table, in
  /// one pass per line however many findings share it: a minified plan is one line) and GitHub's line
  /// hashes (one pass over the file as it is on disk, only when it has findings).
  func detailed(_ findings: [Finding], text: SourceText, file bytes: [UInt8]) -> [Finding] {
    guard keepsUTF16Columns || computesLineHashes, !findings.isEmpty else { return findings }
    let hashes = computesLineHashes
      ? PrimaryLocationLineHash.hashes(ofFile: bytes, lines: Set(findings.map(\.range.start.line))) : [:]
    let columns = keepsUTF16Columns ? text.utf16Columns(of: findings.flatMap { [$0.range.start, $0.range.end] }) : []
    return findings.enumerated().map { index, finding in
      var finding = finding
      if keepsUTF16Columns {
        finding.utf16Columns = UTF16Columns(start: columns[2 * index], end: columns[2 * index + 1])
      }
      if computesLineHashes {
        finding.lineHash = hashes[finding.range.start.line]
      }
      return finding
    }
  }
}
