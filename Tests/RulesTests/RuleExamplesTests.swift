import Rules
import SourceMap
import Testing
import TrailwatchKit

/// Every rule's examples are its tests: a triggering example reports the rule exactly at its `↓`
/// markers, a non-triggering one does not report it at all. Each example is also re-run with CRLF
/// line breaks, with a UTF-8 byte-order mark, and (YAML) after a comment line of multibyte text,
/// where the same findings must appear at the same (or shifted) places. Examples are linted as with
/// `--report-unused --require-reason`, so the suppression rules' examples show what those flags report.
struct RuleExamplesTests {
  static let linter = SourceLinter(suppressionPolicy: SuppressionPolicy(reportsUnused: true, requiresReasons: true))

  /// A form of an example, with how its expected lines shift.
  struct Variant: Sendable, CustomTestStringConvertible {
    var name: String
    var transform: @Sendable (String, Bool) -> String?
    var lineShift: Int

    var testDescription: String { name }

    static let all: [Variant] = [
      Variant(name: "as written", transform: { text, _ in text }, lineShift: 0),
      Variant(
        name: "CRLF", transform: { text, _ in text.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\r\n") },
        lineShift: 0),
      Variant(name: "byte-order mark", transform: { text, _ in "\u{FEFF}" + text }, lineShift: 0),
      Variant(name: "multibyte comment above", transform: { text, isJSON in isJSON ? nil : "# Überprüft 🔍 ✓\n" + text }, lineShift: 1),
    ]
  }

  static let rules = RuleCatalog.descriptions

  @Test("triggering examples report at their markers", arguments: rules, Variant.all)
  func triggering(rule: RuleDescription, variant: Variant) {
    #expect(!rule.triggeringExamples.isEmpty, "\(rule.id) has no triggering example")
    for example in rule.triggeringExamples {
      let marked = MarkedText(example.text)
      guard let text = variant.transform(marked.text, example.fileName.hasSuffix(".json")) else { continue }
      let result = Self.linter.lint(Array(text.utf8), path: example.fileName)
      let found = result.findings.filter { $0.ruleID == rule.id }.map { "\($0.range.start.line):\($0.range.start.column)" }
      let expected = marked.markers.map { "\($0.line + variant.lineShift):\($0.column)" }
      #expect(
        found == expected, "\(rule.id) \(example.fileName) (\(variant.name)): \(result.findings.map(\.message))",
        sourceLocation: SourceLocation(fileID: "Rules/\(example.fileName)", filePath: example.sourceFile, line: example.sourceLine, column: 1))
    }
  }

  @Test("non-triggering examples report nothing of the rule", arguments: rules, Variant.all)
  func nonTriggering(rule: RuleDescription, variant: Variant) {
    #expect(!rule.nonTriggeringExamples.isEmpty, "\(rule.id) has no non-triggering example")
    for example in rule.nonTriggeringExamples {
      guard let text = variant.transform(example.text, example.fileName.hasSuffix(".json")) else { continue }
      let result = Self.linter.lint(Array(text.utf8), path: example.fileName)
      let found = result.findings.filter { $0.ruleID == rule.id }
      #expect(
        found.isEmpty, "\(rule.id) \(example.fileName) (\(variant.name)): \(found.map(\.message))",
        sourceLocation: SourceLocation(fileID: "Rules/\(example.fileName)", filePath: example.sourceFile, line: example.sourceLine, column: 1))
    }
  }

  @Test("every rule has a unique id and name, and documentation")
  func catalogue() {
    let ids = Self.rules.map(\.id)
    #expect(Set(ids).count == ids.count)
    #expect(Set(Self.rules.map(\.name)).count == ids.count)
    #expect(ids == ids.sorted())
    for rule in Self.rules {
      #expect(rule.id.wholeMatch(of: /TW[0-9]{3}/) != nil)
      #expect(!rule.rationale.isEmpty && !rule.remediation.isEmpty && !rule.references.isEmpty)
    }
  }

  /// The remediation of every rule must not trip a sibling: a log group fixed as TW201 suggests has
  /// retention of at least 365 days.
  @Test("remediations ask for at least 365 days")
  func remediationsAgree() {
    for rule in Self.rules where rule.remediation.contains("RetentionInDays") {
      #expect(rule.remediation.contains("365"), "\(rule.id)")
    }
  }
}

extension RuleDescription: CustomTestStringConvertible {
  public var testDescription: String { id }
}
