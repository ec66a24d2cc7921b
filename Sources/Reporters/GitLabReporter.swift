import Foundation
import Rules

/// GitLab Code Quality JSON (`artifacts: reports: codequality:`): an array of issues, `[]` when
/// there are none, UTF-8 without a byte-order mark.
///
/// The fingerprint is a SHA-256 of file, rule, resource and message, never the line, so a finding
/// keeps its identity in merge-request diffs when lines are added above it. GitLab collapses issues
/// with the same fingerprint, so a second identical finding in a file gets its ordinal hashed in.
public struct GitLabReporter: Reporter {
  /// Absolute paths inside it are written relative to it, as GitLab wants repository paths.
  public var workingDirectory: String?

  public init(workingDirectory: String? = nil) {
    self.workingDirectory = workingDirectory
  }

  struct Issue: Codable, Equatable {
    var description: String
    var checkName: String
    var fingerprint: String
    var severity: String
    var location: Location

    enum CodingKeys: String, CodingKey {
      case description, fingerprint, severity, location
      case checkName = "check_name"
    }
  }

  struct Location: Codable, Equatable {
    var path: String
    var lines: Lines
  }

  struct Lines: Codable, Equatable {
    var begin: Int
  }

  public func render(_ report: LintReport) -> String {
    var seen: [String: Int] = [:]
    // Code Quality has no notion of an accepted issue: suppressed findings are left out.
    let issues = report.reportedFindings.map { finding -> Issue in
      let path = ReportPath.relative(finding.file, workingDirectory: workingDirectory)
      // NUL cannot occur in a path, and separates the parts so that no two keys run together.
      var key = [path, finding.ruleID, finding.resource ?? "", finding.message].joined(separator: "\u{0}")
      let occurrence = seen[key, default: 0] + 1
      seen[key] = occurrence
      if occurrence > 1 { key += "\u{0}\(occurrence)" }
      return Issue(
        description: "\(finding.message) [\(finding.ruleID)]", checkName: finding.ruleID,
        fingerprint: SHA256.hex(key), severity: Self.severity(finding.severity),
        location: Location(path: path, lines: Lines(begin: max(finding.range.start.line, 1))))
    }
    if issues.isEmpty { return "[]\n" }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    guard let data = try? encoder.encode(issues) else { return "[]\n" }
    return String(decoding: data, as: UTF8.self) + "\n"
  }

  /// GitLab's levels: an error fails the deploy or the audit (critical), a warning costs or risks
  /// (major), a note is information.
  static func severity(_ severity: Severity) -> String {
    switch severity {
    case .error: "critical"
    case .warning: "major"
    case .note: "info"
    }
  }
}
