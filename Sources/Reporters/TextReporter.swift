import Rules

/// `path:line:col: severity: message [TW101]`, the line every editor and CI log understands; with
/// excerpts, the source line and a caret under the finding; with a summary, a closing count.
public struct TextReporter: Reporter {
  public var excerpts: Bool
  public var summary: Bool

  public init(excerpts: Bool, summary: Bool) {
    self.excerpts = excerpts
    self.summary = summary
  }

  public func render(_ report: LintReport) -> String {
    var output = ""
    for finding in report.findings where finding.isReported {
      output += "\(finding.file):\(finding.range.start.line):\(finding.range.start.column): "
      output += "\(finding.severity.rawValue): \(finding.message) [\(finding.ruleID)]\n"
      if excerpts, let line = finding.lineText {
        output += excerpt(line, finding: finding)
      }
    }
    if summary {
      output += Self.summaryLine(report) + "\n"
    }
    return output
  }

  private func excerpt(_ line: String, finding: Finding) -> String {
    let start = finding.range.start
    let end = finding.range.end
    let column = max(start.column, 1)
    // Keep tabs in the padding so the caret lines up under tab-indented text.
    let padding = line.unicodeScalars.prefix(column - 1).map { $0 == "\t" ? "\t" : " " }.joined()
    let width = end.line == start.line ? max(end.column - start.column, 1) : 1
    return "  \(line)\n  \(padding)^\(String(repeating: "~", count: width - 1))\n"
  }

  /// "3 files linted: 2 errors, 1 warning" or "1 file linted: no findings", with what was accepted:
  /// "(2 suppressed, 5 in the baseline)".
  static func summaryLine(_ report: LintReport) -> String {
    let files = report.filesLinted == 1 ? "1 file linted" : "\(report.filesLinted) files linted"
    var counts: [String] = []
    for severity in Severity.allCases.reversed() {
      let count = report.count(of: severity)
      if count > 0 { counts.append("\(count) \(severity.rawValue)\(count == 1 ? "" : "s")") }
    }
    var accepted: [String] = []
    if report.suppressedCount > 0 { accepted.append("\(report.suppressedCount) suppressed") }
    if report.baselinedCount > 0 { accepted.append("\(report.baselinedCount) in the baseline") }
    let tail = accepted.isEmpty ? "" : " (\(accepted.joined(separator: ", ")))"
    return files + ": " + (counts.isEmpty ? "no findings" : counts.joined(separator: ", ")) + tail
  }
}
