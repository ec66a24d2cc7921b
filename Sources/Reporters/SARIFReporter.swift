import Foundation
import Rules

/// SARIF 2.1.0 for GitHub code scanning (and any other SARIF reader): every rule with its
/// documentation, one result per finding at its file, line and UTF-16 columns, and GitHub's line
/// fingerprint so alerts survive edits above them. A suppressed or baselined finding is a result
/// with `suppressions` (kind `inSource` or `external`, and the justification).
///
/// GitHub rejects a run with more than 25,000 results. Rather than have the whole upload refused,
/// the reporter keeps the 25,000 most severe findings (errors, then warnings, then notes, each in
/// report order) and says so on stderr; GitHub shows the top 5,000 of a run in any case.
public struct SARIFReporter: Reporter {
  public static let maximumResultsPerRun = 25_000
  /// GitHub's limit for an uploaded SARIF file, after gzip compression.
  public static let maximumCompressedBytes = 10 * 1024 * 1024
  /// Above this size before compression, gzip would have to shrink the report more than tenfold to
  /// fit GitHub's limit, so the size is worth a notice. trailwatch's SARIF compresses far better
  /// (measured: 20,000 results, 15.8 MB, 0.46 MB gzipped); the reporter cannot gzip to be sure.
  public static let uncompressedNoticeBytes = 10 * maximumCompressedBytes
  public static let maximumTagsPerRule = 20

  /// trailwatch's version and home page, from the engine (`TrailwatchVersion`).
  public var toolVersion: String
  public var informationURI: String
  public var rules: [RuleDescription]
  /// The `runAutomationDetails.id` category; a `/` is added as upload-sarif adds it.
  public var category: String?
  /// Absolute paths inside it are written relative to it.
  public var workingDirectory: String?
  public var maximumResults: Int

  public init(
    toolVersion: String, informationURI: String, rules: [RuleDescription] = RuleCatalog.descriptions,
    category: String? = nil, workingDirectory: String? = nil, maximumResults: Int = SARIFReporter.maximumResultsPerRun
  ) {
    self.toolVersion = toolVersion
    self.informationURI = informationURI
    self.rules = rules
    self.category = category
    self.workingDirectory = workingDirectory
    self.maximumResults = maximumResults
  }

  public func render(_ report: LintReport) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    // Strings, integers and optionals only: encoding cannot fail; an empty object is the fallback.
    guard let data = try? encoder.encode(log(report)) else { return "{}\n" }
    return String(decoding: data, as: UTF8.self) + "\n"
  }

  public func notices(for report: LintReport, rendered: String) -> [String] {
    var notices: [String] = []
    if report.findings.count > maximumResults {
      notices.append(
        "SARIF: \(report.findings.count) findings exceed GitHub code scanning's limit of \(maximumResults) results "
          + "per run; only the \(maximumResults) most severe were written (GitHub shows the top 5,000)")
    }
    for rule in descriptors(for: report) where rule.properties.tags.count > Self.maximumTagsPerRule {
      notices.append("SARIF: rule \(rule.id) has \(rule.properties.tags.count) tags; GitHub keeps \(Self.maximumTagsPerRule)")
    }
    let bytes = rendered.utf8.count
    if bytes > Self.uncompressedNoticeBytes {
      let megabytes = (Double(bytes) / 1_048_576 * 10).rounded() / 10
      notices.append(
        "SARIF: the report is \(megabytes) MB before compression; gzip must shrink it more than tenfold to stay under "
          + "GitHub code scanning's 10 MB limit (check with gzip -c FILE | wc -c)")
    }
    return notices
  }

  /// The log as a value, for tests and for writers other than JSON.
  public func log(_ report: LintReport) -> SARIFLog {
    let descriptors = descriptors(for: report)
    var indexes: [String: Int] = [:]
    for (index, rule) in descriptors.enumerated() where indexes[rule.id] == nil {
      indexes[rule.id] = index
    }
    let results = kept(report.findings).map { finding in
      result(for: finding, ruleIndex: indexes[finding.ruleID] ?? 0)
    }
    let automation = category.map { SARIFLog.AutomationDetails(id: $0.hasSuffix("/") ? $0 : $0 + "/") }
    let root = SARIFLog.ArtifactLocation(
      uri: nil, uriBaseId: nil,
      description: SARIFLog.Message(text: "The directory trailwatch ran in: the repository root in CI."))
    let run = SARIFLog.Run(
      tool: SARIFLog.Tool(
        driver: SARIFLog.ToolComponent(
          name: "trailwatch", version: toolVersion, informationUri: informationURI,
          rules: descriptors)),
      automationDetails: automation,
      originalUriBaseIds: [Self.sourceRoot: root],
      results: results)
    return SARIFLog(runs: [run])
  }

  static let sourceRoot = "%SRCROOT%"

  /// The findings that fit in one run: all of them, or the most severe, in report order; reported
  /// findings before suppressed ones.
  private func kept(_ findings: [Finding]) -> [Finding] {
    guard findings.count > maximumResults else { return findings }
    let chosen = findings.indices
      .sorted { lhs, rhs in
        if findings[lhs].isReported != findings[rhs].isReported { return findings[lhs].isReported }
        return findings[lhs].severity != findings[rhs].severity ? findings[lhs].severity > findings[rhs].severity : lhs < rhs
      }
      .prefix(maximumResults)
      .sorted()
    return chosen.map { findings[$0] }
  }

  private func result(for finding: Finding, ruleIndex: Int) -> SARIFLog.Result {
    let (uri, isRelative) = ReportPath.uri(finding.file, workingDirectory: workingDirectory)
    let start = finding.range.start
    let end = finding.range.end
    let columns = finding.utf16Columns ?? UTF16Columns(start: start.column, end: end.column)
    let startColumn = max(columns.start, 1)
    let endLine = max(end.line, start.line)
    let endColumn = endLine == start.line ? max(columns.end, startColumn) : max(columns.end, 1)
    let region = SARIFLog.Region(
      startLine: max(start.line, 1), startColumn: startColumn, endLine: max(endLine, 1), endColumn: endColumn)
    let location = SARIFLog.Location(
      physicalLocation: SARIFLog.PhysicalLocation(
        artifactLocation: SARIFLog.ArtifactLocation(uri: uri, uriBaseId: isRelative ? Self.sourceRoot : nil),
        region: region))
    return SARIFLog.Result(
      ruleId: finding.ruleID, ruleIndex: ruleIndex, level: Self.level(finding.severity),
      message: SARIFLog.Message(text: finding.message), locations: [location],
      partialFingerprints: finding.lineHash.map { SARIFLog.PartialFingerprints(primaryLocationLineHash: $0) },
      suppressions: finding.suppression.map { suppression in
        [SARIFLog.Suppression(kind: suppression.kind.rawValue, justification: suppression.justification)]
      },
      relatedLocations: finding.related.isEmpty ? nil : finding.related.enumerated().map { index, place in
        relatedLocation(place, id: index)
      })
  }

  /// A related place; its columns count characters (its line is not at hand for UTF-16 columns).
  private func relatedLocation(_ place: RelatedLocation, id: Int) -> SARIFLog.Location {
    let (uri, isRelative) = ReportPath.uri(place.file, workingDirectory: workingDirectory)
    let start = place.range.start
    let endLine = max(place.range.end.line, start.line, 1)
    let startColumn = max(start.column, 1)
    let endColumn = endLine == start.line ? max(place.range.end.column, startColumn) : max(place.range.end.column, 1)
    return SARIFLog.Location(
      id: id,
      physicalLocation: SARIFLog.PhysicalLocation(
        artifactLocation: SARIFLog.ArtifactLocation(uri: uri, uriBaseId: isRelative ? Self.sourceRoot : nil),
        region: SARIFLog.Region(startLine: max(start.line, 1), startColumn: startColumn, endLine: endLine, endColumn: endColumn)),
      message: SARIFLog.Message(text: place.note))
  }

  /// Every rule of the catalogue, then any rule a finding names that the catalogue lacks.
  private func descriptors(for report: LintReport) -> [SARIFLog.ReportingDescriptor] {
    var descriptors = rules.map(Self.descriptor)
    var known = Set(rules.map(\.id))
    for finding in report.findings where !known.contains(finding.ruleID) {
      known.insert(finding.ruleID)
      let text = SARIFLog.Message(text: finding.ruleName)
      descriptors.append(SARIFLog.ReportingDescriptor(
        id: finding.ruleID, name: finding.ruleName, shortDescription: text, fullDescription: text, help: text,
        helpUri: nil, defaultConfiguration: SARIFLog.Configuration(level: Self.level(finding.severity)),
        properties: SARIFLog.RuleProperties(
          tags: ["security"], precision: "high", securitySeverity: Self.securitySeverity(finding.severity))))
    }
    return descriptors
  }

  static func descriptor(_ rule: RuleDescription) -> SARIFLog.ReportingDescriptor {
    var help = rule.summary + "\n\n" + rule.rationale + "\n\nFix: " + rule.remediation
    if !rule.references.isEmpty {
      help += "\n\nReferences:\n" + rule.references.map { "- \($0.title): \($0.url)" }.joined(separator: "\n")
    }
    return SARIFLog.ReportingDescriptor(
      id: rule.id, name: rule.name,
      shortDescription: SARIFLog.Message(text: limited(rule.summary, to: 1024)),
      fullDescription: SARIFLog.Message(text: limited(rule.rationale, to: 1024)),
      help: SARIFLog.Message(text: help, markdown: RuleDocumentation.markdown(rule)),
      helpUri: rule.documentationURL,
      defaultConfiguration: SARIFLog.Configuration(level: level(rule.severity)),
      properties: SARIFLog.RuleProperties(
        tags: ["security"] + rule.controls, precision: "high", securitySeverity: securitySeverity(rule.severity)))
  }

  static func level(_ severity: Severity) -> String {
    switch severity {
    case .error: "error"
    case .warning: "warning"
    case .note: "note"
    }
  }

  /// GitHub ranks alerts of rules that carry a security severity by it: error is high, warning
  /// medium, note low.
  static func securitySeverity(_ severity: Severity) -> String {
    switch severity {
    case .error: "8.0"
    case .warning: "5.0"
    case .note: "2.0"
    }
  }

  /// At most `limit` characters, cut after the last whole sentence that fits (GitHub refuses longer
  /// descriptions).
  static func limited(_ text: String, to limit: Int) -> String {
    guard text.count > limit else { return text }
    let prefix = text.prefix(limit - 1)
    if let end = prefix.range(of: ". ", options: .backwards) {
      return String(prefix[..<end.lowerBound]) + "."
    }
    return String(prefix) + "…"
  }
}
