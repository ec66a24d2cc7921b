import SourceMap

/// A finding about one file, ready for filters and reporters.
public struct Finding: Sendable, Equatable {
  public var ruleID: String
  public var ruleName: String
  public var severity: Severity
  public var message: String
  /// The path as the user gave it (relative stays relative).
  public var file: String
  public var range: SourceRange
  /// The resource's logical id or address; nil for findings about the whole file.
  public var resource: String?
  public var resourceType: String?
  /// The text of the finding's first line, for excerpts and fingerprints; nil when not kept.
  public var lineText: String?
  /// The columns in UTF-16 code units (SARIF, GitHub annotations); nil unless the engine was asked.
  public var utf16Columns: UTF16Columns?
  /// GitHub code scanning's `primaryLocationLineHash` of the finding's start line; nil unless the
  /// engine was asked.
  public var lineHash: String?
  /// What accepts the finding; nil when it is reported.
  public var suppression: FindingSuppression?
  /// Other places the finding concerns (a plan finding reported in the `.tf` source keeps its place in
  /// the plan here); empty for most findings.
  public var related: [RelatedLocation]

  public init(
    ruleID: String, ruleName: String, severity: Severity, message: String, file: String, range: SourceRange,
    resource: String? = nil, resourceType: String? = nil, lineText: String? = nil, utf16Columns: UTF16Columns? = nil,
    lineHash: String? = nil, suppression: FindingSuppression? = nil, related: [RelatedLocation] = []
  ) {
    self.related = related
    self.ruleID = ruleID
    self.ruleName = ruleName
    self.severity = severity
    self.message = message
    self.file = file
    self.range = range
    self.resource = resource
    self.resourceType = resourceType
    self.lineText = lineText
    self.utf16Columns = utf16Columns
    self.lineHash = lineHash
    self.suppression = suppression
  }

  /// Whether the finding is reported: it counts, prints and decides the exit code.
  public var isReported: Bool { suppression == nil }

  /// The order of every report: file, line, column, rule, then message for ties.
  public static func isOrderedBefore(_ lhs: Finding, _ rhs: Finding) -> Bool {
    if lhs.file != rhs.file { return lhs.file < rhs.file }
    if lhs.range.start.line != rhs.range.start.line { return lhs.range.start.line < rhs.range.start.line }
    if lhs.range.start.column != rhs.range.start.column { return lhs.range.start.column < rhs.range.start.column }
    if lhs.ruleID != rhs.ruleID { return lhs.ruleID < rhs.ruleID }
    return lhs.message < rhs.message
  }
}
