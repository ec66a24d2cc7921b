import CloudFormation
import InfraModel
import Reporters
import Rules
import SourceMap

/// Lints one file's bytes: read, detect, adapt, run every rule. Pure: no file system access.
public struct SourceLinter: Sendable {
  public var settings: RuleSettings
  public var parameterOverrides: [String: String]
  public var keepsLineText: Bool
  public var keepsUTF16Columns: Bool
  public var computesLineHashes: Bool

  public init(
    settings: RuleSettings = RuleSettings(), parameterOverrides: [String: String] = [:], keepsLineText: Bool = false,
    keepsUTF16Columns: Bool = false, computesLineHashes: Bool = false
  ) {
    self.settings = settings
    self.parameterOverrides = parameterOverrides
    self.keepsLineText = keepsLineText
    self.keepsUTF16Columns = keepsUTF16Columns
    self.computesLineHashes = computesLineHashes
  }

  /// Lints `bytes` as the file at `path` (the path is only reported, never opened).
  public func lint(_ bytes: [UInt8], path: String) -> FileResult {
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
    let found = findings(in: infrastructure, text: text, path: path)
    return FileResult(path: path, kind: .cloudFormation, findings: detailed(found, text: text, file: bytes))
  }

  private func findings(in infrastructure: Infrastructure, text: SourceText, path: String) -> [Finding] {
    var findings: [Finding] = []
    for rule in RuleCatalog.all {
      let description = type(of: rule).description
      for violation in rule.check(infrastructure, settings: settings) {
        findings.append(Finding(
          ruleID: description.id, ruleName: description.name, severity: violation.severity ?? description.severity,
          message: violation.message, file: path, range: violation.range,
          resource: violation.resource?.name, resourceType: violation.resource?.type,
          lineText: keepsLineText ? text.lineText(violation.range.start.line) : nil))
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
