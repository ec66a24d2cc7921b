import Foundation
import Rules

/// The JSON contract: `{"version": 1, "findings": […], "summary": {…}}`, keys sorted.
public struct JSONReporter: Reporter {
  public init() {}

  struct Document: Encodable {
    var version = 1
    var findings: [Entry]
    var summary: Summary
  }

  struct Entry: Encodable {
    var rule: String
    var name: String
    var severity: String
    var message: String
    var file: String
    var line: Int
    var column: Int
    var endLine: Int
    var endColumn: Int
    var resource: String?
    var resourceType: String?
    var suppression: Suppression?
    var related: [Related]

    // Absent resources and suppressions are written as null, so every entry has every key; `related`
    // is written only when the finding has related places (a plan finding shown in its .tf source).
    func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(rule, forKey: .rule)
      try container.encode(name, forKey: .name)
      try container.encode(severity, forKey: .severity)
      try container.encode(message, forKey: .message)
      try container.encode(file, forKey: .file)
      try container.encode(line, forKey: .line)
      try container.encode(column, forKey: .column)
      try container.encode(endLine, forKey: .endLine)
      try container.encode(endColumn, forKey: .endColumn)
      try container.encode(resource, forKey: .resource)
      try container.encode(resourceType, forKey: .resourceType)
      try container.encode(suppression, forKey: .suppression)
      if !related.isEmpty { try container.encode(related, forKey: .related) }
    }

    enum CodingKeys: String, CodingKey {
      case rule, name, severity, message, file, line, column, endLine, endColumn, resource, resourceType, suppression, related
    }
  }

  /// Another place the finding concerns: `{file, line, column, note}`.
  struct Related: Encodable {
    var file: String
    var line: Int
    var column: Int
    var note: String
  }

  /// Why a finding is accepted, in SARIF's terms (`kind`, `justification`) plus where it is written.
  struct Suppression: Encodable {
    var kind: String
    var source: String
    var justification: String?
    var file: String
    var line: Int
    var column: Int

    func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(kind, forKey: .kind)
      try container.encode(source, forKey: .source)
      try container.encode(justification, forKey: .justification)
      try container.encode(file, forKey: .file)
      try container.encode(line, forKey: .line)
      try container.encode(column, forKey: .column)
    }

    enum CodingKeys: String, CodingKey {
      case kind, source, justification, file, line, column
    }
  }

  struct Summary: Encodable {
    var files: Int
    var errors: Int
    var warnings: Int
    var notes: Int
    var suppressed: Int
    var baselined: Int
  }

  public func render(_ report: LintReport) -> String {
    let document = Document(
      findings: report.findings.map { finding in
        Entry(
          rule: finding.ruleID, name: finding.ruleName, severity: finding.severity.rawValue,
          message: finding.message, file: finding.file,
          line: finding.range.start.line, column: finding.range.start.column,
          endLine: finding.range.end.line, endColumn: finding.range.end.column,
          resource: finding.resource, resourceType: finding.resourceType,
          suppression: finding.suppression.map { suppression in
            Suppression(
              kind: suppression.kind.rawValue, source: suppression.source.rawValue,
              justification: suppression.justification, file: suppression.file,
              line: suppression.range.start.line, column: suppression.range.start.column)
          },
          related: finding.related.map { place in
            Related(file: place.file, line: place.range.start.line, column: place.range.start.column, note: place.note)
          })
      },
      summary: Summary(
        files: report.filesLinted, errors: report.count(of: .error), warnings: report.count(of: .warning),
        notes: report.count(of: .note), suppressed: report.suppressedCount, baselined: report.baselinedCount)
    )
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    // Encoding plain strings and integers cannot fail; an empty document is the safe fallback.
    guard let data = try? encoder.encode(document) else { return "{}\n" }
    return String(decoding: data, as: UTF8.self) + "\n"
  }
}
