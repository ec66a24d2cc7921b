import CloudFormation
import InfraModel
import Rules
import SourceMap

/// Lints one file's bytes: read, detect, adapt, run every rule. Pure: no file system access.
public struct SourceLinter: Sendable {
  public var settings: RuleSettings
  public var parameterOverrides: [String: String]
  public var keepsLineText: Bool

  public init(settings: RuleSettings = RuleSettings(), parameterOverrides: [String: String] = [:], keepsLineText: Bool = false) {
    self.settings = settings
    self.parameterOverrides = parameterOverrides
    self.keepsLineText = keepsLineText
  }

  /// Lints `bytes` as the file at `path` (the path is only reported, never opened).
  public func lint(_ bytes: [UInt8], path: String) -> FileResult {
    let text: SourceText
    do {
      text = try SourceText(decoding: bytes)
    } catch {
      // UTF-16 that cannot be decoded is still searched as text for the marks of a template.
      return parseFailure(error, bytes: SourceText.searchableBytes(of: bytes), text: SourceText(utf8: []), path: path)
    }
    let root: Node?
    do {
      root = try SyntaxDetector.isJSON(path: path, bytes: text.bytes)
        ? JSONReader.read(text) : YAMLReader.read(text)
    } catch {
      return parseFailure(error, bytes: text.bytes, text: text, path: path)
    }
    guard let root, CloudFormationAdapter.isTemplate(root) else {
      return FileResult(path: path, kind: .other, findings: [])
    }
    let infrastructure = CloudFormationAdapter(parameterOverrides: parameterOverrides).infrastructure(from: root)
    return FileResult(path: path, kind: .cloudFormation, findings: findings(in: infrastructure, text: text, path: path))
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

  private func parseFailure(_ error: ParseError, bytes: [UInt8], text: SourceText, path: String) -> FileResult {
    guard SyntaxDetector.looksLikeTemplateOrPlan(bytes) else {
      return FileResult(path: path, kind: .other, findings: [])
    }
    let description = ParseErrorRule.description
    let finding = Finding(
      ruleID: description.id, ruleName: description.name, severity: description.severity,
      message: error.message, file: path, range: error.range,
      lineText: keepsLineText ? text.lineText(error.range.start.line) : nil)
    return FileResult(path: path, kind: .cloudFormation, findings: [finding])
  }
}
