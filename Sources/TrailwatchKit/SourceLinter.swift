import CloudFormation
import InfraModel
import Reporters
import Rules
import SourceMap

/// Lints one file's bytes: read, detect, adapt, run every rule that is on, then apply the
/// suppressions written in the file. Pure: no file system access.
public struct SourceLinter: Sendable {
  public var settings: RuleSettings
  public var parameterOverrides: [String: String]
  public var keepsLineText: Bool
  public var keepsUTF16Columns: Bool
  public var computesLineHashes: Bool
  public var ruleLevels: RuleLevels
  public var suppressionPolicy: SuppressionPolicy

  public init(
    settings: RuleSettings = RuleSettings(), parameterOverrides: [String: String] = [:], keepsLineText: Bool = false,
    keepsUTF16Columns: Bool = false, computesLineHashes: Bool = false, ruleLevels: RuleLevels = RuleLevels(),
    suppressionPolicy: SuppressionPolicy = SuppressionPolicy()
  ) {
    self.settings = settings
    self.parameterOverrides = parameterOverrides
    self.keepsLineText = keepsLineText
    self.keepsUTF16Columns = keepsUTF16Columns
    self.computesLineHashes = computesLineHashes
    self.ruleLevels = ruleLevels
    self.suppressionPolicy = suppressionPolicy
  }

  /// Lints `bytes` as the file at `path` (the path is only reported, never opened).
  public func lint(_ bytes: [UInt8], path: String) -> FileResult {
    let text: SourceText
    do {
      text = try SourceText(decoding: bytes)
    } catch {
      return parseFailure(error, bytes: bytes, text: SourceText(utf8: []), file: bytes, path: path)
    }
    let isJSON = SyntaxDetector.isJSON(path: path, bytes: text.bytes)
    let root: Node?
    do {
      root = try isJSON ? JSONReader.read(text) : YAMLReader.read(text)
    } catch {
      return parseFailure(error, bytes: text.bytes, text: text, file: bytes, path: path)
    }
    guard let root, CloudFormationAdapter.isTemplate(root) else {
      return FileResult(path: path, kind: .other, findings: [])
    }
    // JSON has no comments; in YAML only lines holding the prefix are looked at.
    let comments =
      isJSON ? [] : YAMLComments.comments(in: text, root: root, startingWith: CloudFormationAdapter.suppressionCommentPrefix)
    let infrastructure = CloudFormationAdapter(parameterOverrides: parameterOverrides)
      .infrastructure(from: root, comments: comments)
    var found = findings(in: infrastructure, text: text, path: path)
    let candidates = infrastructure.suppressions.map { SuppressionCandidate($0, file: path) }
    found += SuppressionFilter(policy: suppressionPolicy, levels: ruleLevels).apply(candidates, to: &found, lintedFiles: [path])
      .map { keepsLineText ? $0.withLineText(from: text) : $0 }
    found.sort(by: Finding.isOrderedBefore)
    return FileResult(path: path, kind: .cloudFormation, findings: detailed(found, text: text, file: bytes))
  }

  private func findings(in infrastructure: Infrastructure, text: SourceText, path: String) -> [Finding] {
    var findings: [Finding] = []
    for rule in RuleCatalog.all {
      let description = type(of: rule).description
      guard !ruleLevels.isOff(description) else { continue }
      for violation in rule.check(infrastructure, settings: settings) {
        guard let severity = ruleLevels.severity(of: description, violation: violation.severity) else { continue }
        findings.append(Finding(
          ruleID: description.id, ruleName: description.name, severity: severity,
          message: violation.message, file: path, range: violation.range,
          resource: violation.resource?.name, resourceType: violation.resource?.type,
          lineText: keepsLineText ? text.lineText(violation.range.start.line) : nil))
      }
    }
    return findings
  }

  private func parseFailure(
    _ error: ParseError, bytes: [UInt8], text: SourceText, file: [UInt8], path: String
  ) -> FileResult {
    guard SyntaxDetector.looksLikeTemplateOrPlan(bytes) else {
      return FileResult(path: path, kind: .other, findings: [])
    }
    let description = ParseErrorRule.description
    guard let severity = ruleLevels.severity(of: description) else {
      return FileResult(path: path, kind: .cloudFormation, findings: [])
    }
    let finding = Finding(
      ruleID: description.id, ruleName: description.name, severity: severity,
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

extension Finding {
  fileprivate func withLineText(from text: SourceText) -> Finding {
    var finding = self
    finding.lineText = text.lineText(range.start.line)
    return finding
  }
}
