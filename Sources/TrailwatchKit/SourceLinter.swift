import CloudFormation
import InfraModel
import Reporters
import Rules
import SourceMap
import TerraformPlan

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
      let found = findings(in: infrastructure, text: text, path: path).sorted(by: Finding.isOrderedBefore)
      return FileResult(path: path, kind: .terraformPlan, findings: detailed(found, text: text, file: bytes))
    }
    guard CloudFormationAdapter.isTemplate(root) else {
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
      .map { finding in
        var finding = finding
        finding.lineText = excerpt(of: finding.range.start.line, in: text)
        return finding
      }
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
          lineText: excerpt(of: violation.range.start.line, in: text)))
      }
    }
    return findings
  }

  /// Lines longer than this are not kept for excerpts: a minified plan is one line of megabytes, which
  /// no terminal can show and which each finding would otherwise copy.
  static let maxExcerptBytes = 1000

  private func excerpt(of line: Int, in text: SourceText) -> String? {
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
  private func detailed(_ findings: [Finding], text: SourceText, file bytes: [UInt8]) -> [Finding] {
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
