import CloudFormation
import InfraModel
import Reporters
import Rules
import SourceMap
import TerraformSource

/// Lints one file's bytes (read, detect, adapt, run every rule), or one Terraform module through a
/// file system it is given. Pure: it opens nothing itself.
public struct SourceLinter: Sendable {
  public var settings: RuleSettings
  public var parameterOverrides: [String: String]
  public var keepsLineText: Bool
  public var keepsUTF16Columns: Bool
  public var computesLineHashes: Bool
  /// Values for Terraform root modules' variables (`--var`, `--var-file`).
  public var terraformVariables: TerraformVariableInput

  public init(
    settings: RuleSettings = RuleSettings(), parameterOverrides: [String: String] = [:], keepsLineText: Bool = false,
    keepsUTF16Columns: Bool = false, computesLineHashes: Bool = false,
    terraformVariables: TerraformVariableInput = TerraformVariableInput()
  ) {
    self.settings = settings
    self.parameterOverrides = parameterOverrides
    self.keepsLineText = keepsLineText
    self.keepsUTF16Columns = keepsUTF16Columns
    self.computesLineHashes = computesLineHashes
    self.terraformVariables = terraformVariables
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
      return parseFailure(error, bytes: bytes, text: SourceText(utf8: []), file: bytes, path: path)
    }
    let root: Node?
    do {
      root = try SyntaxDetector.isJSON(path: path, bytes: text.bytes)
        ? JSONReader.read(text) : YAMLReader.read(text)
    } catch {
      return parseFailure(error, bytes: text.bytes, text: text, file: bytes, path: path)
    }
    guard let root, CloudFormationAdapter.isTemplate(root) else {
      return FileResult(path: path, kind: .other, findings: [])
    }
    let infrastructure = CloudFormationAdapter(parameterOverrides: parameterOverrides).infrastructure(from: root)
    let found = findings(in: infrastructure, path: path) { _ in text }
    return FileResult(path: path, kind: .cloudFormation, findings: detailed(found, text: text, file: bytes))
  }

  /// Lints the Terraform module in `directory`: its `.tf` and `.tf.json` files, its variable files and
  /// the local modules it calls, all read through `fileSystem`. Each finding is in the file where the
  /// resource or value is written; a file that cannot be parsed is a TW001 finding of its own.
  public func lintTerraformModule(directory: String, fileSystem: any TerraformFileSystem) -> TerraformModuleResult {
    let source = TerraformSourceAdapter(variables: terraformVariables).read(directory: directory, from: fileSystem)
    var texts: [String: SourceText] = [:]
    var findings: [Finding] = []
    let description = ParseErrorRule.description
    for file in source.files {
      texts[file.path] = file.text
      guard let error = file.error else { continue }
      findings.append(Finding(
        ruleID: description.id, ruleName: description.name, severity: description.severity,
        message: error.message, file: file.path, range: error.range,
        lineText: keepsLineText ? file.text.lineText(error.range.start.line) : nil))
    }
    findings += self.findings(in: source.infrastructure, path: directory) { texts[$0] }
    var detailedFindings: [Finding] = []
    for (file, inFile) in Dictionary(grouping: findings, by: \.file) {
      guard let text = texts[file] else {
        detailedFindings += inFile
        continue
      }
      detailedFindings += detailed(inFile, text: text, file: text.bytes)
    }
    return TerraformModuleResult(
      findings: detailedFindings.sorted(by: Finding.isOrderedBefore), files: source.files.map(\.path),
      moduleDirectories: source.moduleDirectories)
  }

  /// Runs every rule; a violation lands in its own file when it names one, else in `path`.
  private func findings(in infrastructure: Infrastructure, path: String, text: (String) -> SourceText?) -> [Finding] {
    var findings: [Finding] = []
    for rule in RuleCatalog.all {
      let description = type(of: rule).description
      for violation in rule.check(infrastructure, settings: settings) {
        let file = violation.file ?? path
        findings.append(Finding(
          ruleID: description.id, ruleName: description.name, severity: violation.severity ?? description.severity,
          message: violation.message, file: file, range: violation.range,
          resource: violation.resource?.name, resourceType: violation.resource?.type,
          lineText: keepsLineText ? text(file)?.lineText(violation.range.start.line) : nil))
      }
    }
    return findings.sorted(by: Finding.isOrderedBefore)
  }

  private func parseFailure(
    _ error: ParseError, bytes: [UInt8], text: SourceText, file: [UInt8], path: String
  ) -> FileResult {
    guard SyntaxDetector.looksLikeTemplateOrPlan(bytes) else {
      return FileResult(path: path, kind: .other, findings: [])
    }
    let description = ParseErrorRule.description
    let finding = Finding(
      ruleID: description.id, ruleName: description.name, severity: description.severity,
      message: error.message, file: path, range: error.range,
      lineText: keepsLineText ? text.lineText(error.range.start.line) : nil)
    return FileResult(path: path, kind: .cloudFormation, findings: detailed([finding], text: text, file: file))
  }

  /// Adds what the reporters asked for, only when they asked: UTF-16 columns (from the line table)
  /// and GitHub's line hashes (one pass over the file as it is on disk, only when it has findings).
  private func detailed(_ findings: [Finding], text: SourceText, file bytes: [UInt8]) -> [Finding] {
    guard keepsUTF16Columns || computesLineHashes, !findings.isEmpty else { return findings }
    let hashes = computesLineHashes
      ? PrimaryLocationLineHash.hashes(ofFile: bytes, lines: Set(findings.map(\.range.start.line))) : [:]
    return findings.map { finding in
      var finding = finding
      if keepsUTF16Columns {
        finding.utf16Columns = UTF16Columns(
          start: text.utf16Column(of: finding.range.start), end: text.utf16Column(of: finding.range.end))
      }
      if computesLineHashes {
        finding.lineHash = hashes[finding.range.start.line]
      }
      return finding
    }
  }
}
