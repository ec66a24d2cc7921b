import Rules
import SourceMap
import TrailwatchKit

/// A plan written in a test with `↓` where findings must start, linted as a user's file would be.
struct MarkedPlan {
  var text: String
  var markers: [SourcePosition] = []

  init(_ marked: String) {
    let parsed = MarkedText(marked)
    self.text = parsed.text
    self.markers = parsed.markers
  }

  /// The findings of linting `bytes` (the text as UTF-8 unless given), one line each:
  /// `line:column RULE severity: message`.
  func lint(showUnknown: Bool = false, bytes: [UInt8]? = nil, path: String = "plan.json") -> [String] {
    let linter = SourceLinter(settings: RuleSettings(showUnknown: showUnknown))
    return linter.lint(bytes ?? Array(text.utf8), path: path).findings.map(Self.describe)
  }

  /// The expected findings: one `(rule, severity, message)` per marker, in marker order.
  func expected(_ findings: [(String, Severity, String)]) -> [String] {
    zip(markers, findings).map { "\($0.line):\($0.column) \($1.0) \($1.1.rawValue): \($1.2)" }
  }

  static func describe(_ finding: Finding) -> String {
    "\(finding.range.start.line):\(finding.range.start.column) \(finding.ruleID) \(finding.severity.rawValue): \(finding.message)"
  }
}
