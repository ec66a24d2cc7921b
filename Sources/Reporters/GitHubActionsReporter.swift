import Rules

/// GitHub Actions workflow commands: one `::error`, `::warning` or `::notice` line per finding,
/// which the runner turns into an annotation on the file and line, then a plain summary.
///
/// `::error file=stacks/a.yaml,line=13,col=3,endLine=13,endColumn=13,title=TW101 trail-missing-log-group::message`
/// Columns count UTF-16 code units, as in SARIF, and are left out when a finding spans lines (the
/// runner refuses columns then). Values are escaped as actions/toolkit escapes them, so a message or
/// a path cannot end the command early or start another. GitHub shows at most 10 error and 10
/// warning annotations per step; the summary says when some were not shown.
public struct GitHubActionsReporter: Reporter {
  public static let annotationsShownPerLevel = 10

  /// Absolute paths inside it are written relative to it, as annotations need repository paths.
  public var workingDirectory: String?

  public init(workingDirectory: String? = nil) {
    self.workingDirectory = workingDirectory
  }

  public func render(_ report: LintReport) -> String {
    var output = ""
    // Suppressed findings are not annotated: the runner has no way to show them as accepted.
    for finding in report.findings where finding.isReported {
      output += command(for: finding) + "\n"
    }
    output += "trailwatch: " + TextReporter.summaryLine(report) + "\n"
    let hidden = [Severity.error, .warning].compactMap { severity -> String? in
      let count = report.count(of: severity)
      guard count > Self.annotationsShownPerLevel else { return nil }
      return "\(count - Self.annotationsShownPerLevel) \(severity.rawValue)\(count - Self.annotationsShownPerLevel == 1 ? "" : "s")"
    }
    if !hidden.isEmpty {
      output += "trailwatch: GitHub shows at most \(Self.annotationsShownPerLevel) error and "
        + "\(Self.annotationsShownPerLevel) warning annotations per step; \(hidden.joined(separator: " and ")) "
        + "appear only in this log (upload SARIF to see them all in code scanning)\n"
    }
    return output
  }

  func command(for finding: Finding) -> String {
    let start = finding.range.start
    let end = finding.range.end
    var properties = [
      ("file", ReportPath.relative(finding.file, workingDirectory: workingDirectory)),
      ("line", String(max(start.line, 1))),
    ]
    if end.line == start.line || end.line < start.line {
      let columns = finding.utf16Columns ?? UTF16Columns(start: start.column, end: end.column)
      properties += [
        ("col", String(max(columns.start, 1))), ("endLine", String(max(start.line, 1))),
        ("endColumn", String(max(columns.end, columns.start, 1))),
      ]
    } else {
      properties.append(("endLine", String(end.line)))
    }
    properties.append(("title", "\(finding.ruleID) \(finding.ruleName)"))
    let list = properties.map { "\($0.0)=\(Self.escapeProperty($0.1))" }.joined(separator: ",")
    return "::\(Self.command(finding.severity)) \(list)::\(Self.escapeData(finding.message))"
  }

  static func command(_ severity: Severity) -> String {
    switch severity {
    case .error: "error"
    case .warning: "warning"
    case .note: "notice"
    }
  }

  /// The message: `%`, CR and LF, as actions/toolkit's `escapeData`.
  static func escapeData(_ text: String) -> String {
    escape(text, colonsAndCommas: false)
  }

  /// A property value: also `:` and `,`, which would end the value, as `escapeProperty`.
  static func escapeProperty(_ text: String) -> String {
    escape(text, colonsAndCommas: true)
  }

  /// Works on UTF-8 bytes: every escaped character is ASCII, so multibyte sequences pass through
  /// whole, and text with nothing to escape (nearly all of it) is returned as it is.
  private static func escape(_ text: String, colonsAndCommas: Bool) -> String {
    func replacement(_ byte: UInt8) -> String? {
      switch byte {
      case UInt8(ascii: "%"): "%25"
      case UInt8(ascii: "\r"): "%0D"
      case UInt8(ascii: "\n"): "%0A"
      case UInt8(ascii: ":") where colonsAndCommas: "%3A"
      case UInt8(ascii: ",") where colonsAndCommas: "%2C"
      default: nil
      }
    }
    guard text.utf8.contains(where: { replacement($0) != nil }) else { return text }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(text.utf8.count + 16)
    for byte in text.utf8 {
      if let escaped = replacement(byte) { bytes += escaped.utf8 } else { bytes.append(byte) }
    }
    return String(decoding: bytes, as: UTF8.self)
  }
}
