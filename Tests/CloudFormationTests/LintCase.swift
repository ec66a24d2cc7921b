import Rules
import SourceMap
import Testing
import TrailwatchKit

/// A template in YAML and in JSON, each with `↓` where findings start, and the findings both must
/// give, in report order: `TW101 error: message`.
struct LintCase: Sendable, CustomTestStringConvertible {
  var name: String
  var yaml: String
  var json: String
  var expected: [String]
  var settings = RuleSettings()
  var parameters: [String: String] = [:]

  var testDescription: String { name }

  /// Lints both forms and checks every finding's position and text.
  func verify(sourceLocation: SourceLocation = #_sourceLocation) {
    for (path, marked) in [("template.yaml", yaml), ("template.json", json)] {
      let text = MarkedText(marked)
      let result = SourceLinter(settings: settings, parameterOverrides: parameters).lint(Array(text.text.utf8), path: path)
      let found = result.findings.map {
        "\($0.range.start.line):\($0.range.start.column) \($0.ruleID) \($0.severity.rawValue): \($0.message)"
      }
      #expect(text.markers.count == expected.count, "\(name) \(path): \(text.markers.count) markers for \(expected.count) findings", sourceLocation: sourceLocation)
      let wanted = zip(text.markers, expected).map { "\($0.line):\($0.column) \($1)" }
      #expect(found == wanted, "\(name) \(path)", sourceLocation: sourceLocation)
    }
  }
}
