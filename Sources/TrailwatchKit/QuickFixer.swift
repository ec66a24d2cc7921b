import Rules
import SourceMap

/// Finds edits that fix a finding, for an editor's quick fixes.
///
/// Every candidate is checked before it is offered: the edit is applied, the new text is linted with
/// the same options (configuration, suppressions and baseline included), and the fix is kept only
/// when the finding is no longer reported, the text still parses, and the resource has no reported
/// finding it did not have before. So a fix never trades one finding for another (a retention of 365
/// under a configured minimum of 400, a parameter default outside its `AllowedValues`).
public struct QuickFixer: Sendable {
  /// How the text is linted; `paths` play no part.
  public var options: LintOptions

  public init(options: LintOptions) {
    self.options = options
  }

  public init(settings: RuleSettings = RuleSettings()) {
    self.init(options: LintOptions(paths: [], settings: settings))
  }

  /// The fixes for `finding`, one of `findings` (everything `Linter(options:).lint(bytes, path:)`
  /// reported).
  public func fixes(for finding: Finding, in bytes: [UInt8], path: String, findings: [Finding]) -> [Fix] {
    guard finding.isReported, finding.resource != nil else { return [] }
    if LintUnit.isTerraform(path) {
      return terraformFixes(for: finding, in: bytes, path: path, findings: findings)
    }
    guard let resource = finding.resource, let template = EditableTemplate(bytes: bytes, path: path) else { return [] }
    var candidates: [Fix]
    switch finding.ruleID {
    case LogGroupMissingRetentionRule.description.id:
      candidates = addRetention(for: finding, resource: resource, in: template)
    case LogGroupRetentionTooShortRule.description.id, LogGroupRetentionInvalidRule.description.id:
      candidates = replaceRetention(for: finding, in: template)
    default:
      candidates = []
    }
    candidates += ignoreComment(for: finding, resource: resource, in: template)
    return candidates.filter { verify($0, in: bytes, path: path, findings: findings) }
  }

  private func terraformFixes(for finding: Finding, in bytes: [UInt8], path: String, findings: [Finding]) -> [Fix] {
    let hcl = TerraformQuickFixes(bytes: bytes)
    var candidates: [Fix] = []
    switch finding.ruleID {
    case LogGroupMissingRetentionRule.description.id:
      // Unset: add it; `retention_in_days = 0` (never expire): replace the 0.
      candidates += [hcl.addRetention(for: finding, days: targetRetention)].compactMap { $0 }
      candidates += hcl.replaceRetention(for: finding, with: [targetRetention])
    case LogGroupRetentionTooShortRule.description.id, LogGroupRetentionInvalidRule.description.id:
      candidates += hcl.replaceRetention(
        for: finding, with: retentionChoices(for: finding.ruleID, written: hcl.writtenRetention(at: finding)?.days))
    default:
      break
    }
    candidates += [hcl.ignoreComment(for: finding)].compactMap { $0 }
    return candidates.filter { verify($0, in: bytes, path: path, findings: findings) }
  }

  /// What a retention may become: `targetRetention`, and for an invalid one (TW203) first the
  /// accepted periods either side of the value written.
  private func retentionChoices(for ruleID: String, written days: Int?) -> [Int] {
    var values: [Int] = []
    if ruleID == LogGroupRetentionInvalidRule.description.id, let days {
      values = AllowedRetention.neighbours(of: days)
    }
    if !values.contains(targetRetention) { values.append(targetRetention) }
    return values
  }

  /// The retention a fix writes: one year, or the shortest accepted period meeting a higher minimum.
  var targetRetention: Int {
    let wanted = max(365, options.settings.minRetentionDays)
    return AllowedRetention.days.first { $0 >= wanted } ?? AllowedRetention.days[AllowedRetention.days.count - 1]
  }

  // MARK: TW201

  private func addRetention(for finding: Finding, resource: String, in template: EditableTemplate) -> [Fix] {
    guard let entry = template.resource(resource), entry.value.entries != nil else { return [] }
    let days = targetRetention
    let title = "Add RetentionInDays: \(days)"
    guard let edit = retentionEdit(resource: entry, days: days, in: template) else { return [] }
    return [Fix(title: title, finding: finding, edits: [edit], isPreferred: true)]
  }

  private func retentionEdit(resource entry: MappingEntry, days: Int, in template: EditableTemplate) -> SourceEdit? {
    let resource = entry.value
    let value = String(days)
    guard let properties = resource.entry("Properties") else {
      return addProperties(retention: value, to: entry, in: template)
    }
    let node = properties.value
    if node.entries != nil {
      if let retention = node.entry("RetentionInDays") {
        return fill(retention, with: value, in: template)
      }
      if let opening = template.flowOpening(of: node) {
        return template.appendFlowEntry(key: "RetentionInDays", value: value, to: node, opening: opening)
      }
      return template.prependBlockEntry(["RetentionInDays: \(value)"], to: node)
    }
    // `Properties:` with nothing after it, or `Properties: null`.
    guard let scalar = node.scalar, scalar.isNull, node.tag == nil else { return nil }
    if scalar.text.isEmpty, template.flowOpening(of: resource) == nil {
      let keyOffset = template.offset(properties.key.range.start)
      guard let indent = template.indentation(before: keyOffset) else { return nil }
      let step = indentationStep(of: entry, childIndent: indent, in: template)
      let text = template.lineBreak + indent + step + "RetentionInDays: \(value)"
      return SourceEdit(insert: text, at: template.lineEnd(of: keyOffset))
    }
    let mapping = "{\(template.key("RetentionInDays")): \(value)}"
    return fill(properties, with: mapping, in: template)
  }

  /// Adds `Properties` holding the retention to a resource that has none: after its `Type` line in a
  /// block mapping, as the last entry of a flow mapping (JSON).
  private func addProperties(retention value: String, to entry: MappingEntry, in template: EditableTemplate) -> SourceEdit? {
    let resource = entry.value
    if let opening = template.flowOpening(of: resource) {
      let mapping = "{\(template.key("RetentionInDays")): \(value)}"
      return template.appendFlowEntry(key: "Properties", value: mapping, to: resource, opening: opening)
    }
    guard let first = template.ownEntries(of: resource).first,
      let indent = template.indentation(before: template.offset(first.key.range.start))
    else { return nil }
    let step = indentationStep(of: entry, childIndent: indent, in: template)
    if let type = resource.entry("Type"), type.value.scalar != nil,
      type.value.range.start.line == type.value.range.end.line,
      type.key.range.start.offset >= resource.range.start.offset,
      template.indentation(before: template.offset(type.key.range.start)) == indent
    {
      let text = template.lineBreak + indent + "Properties:" + template.lineBreak + indent + step + "RetentionInDays: \(value)"
      return SourceEdit(insert: text, at: template.lineEnd(of: template.offset(type.value.range.end)))
    }
    return template.prependBlockEntry(["Properties:", step + "RetentionInDays: \(value)"], to: resource)
  }

  /// Gives a null value (`Key: null`, `Key: ~`, or `Key:` with nothing) the text `value`.
  private func fill(_ entry: MappingEntry, with value: String, in template: EditableTemplate) -> SourceEdit? {
    guard let scalar = entry.value.scalar, scalar.isNull, entry.value.tag == nil else { return nil }
    if scalar.text.isEmpty {
      guard let colon = template.colon(after: entry.key) else { return nil }
      return SourceEdit(insert: " " + value, at: colon + 1)
    }
    return SourceEdit(range: template.offset(entry.value.range.start)..<template.offset(entry.value.range.end), replacement: value)
  }

  /// How much deeper a resource's properties are indented than its logical id (2 when unclear).
  private func indentationStep(of entry: MappingEntry, childIndent: String, in template: EditableTemplate) -> String {
    let parent = template.indentation(before: template.offset(entry.key.range.start))?.count ?? 0
    let step = childIndent.count - parent
    return String(repeating: " ", count: step > 0 ? step : 2)
  }

  // MARK: TW202, TW203

  private func replaceRetention(for finding: Finding, in template: EditableTemplate) -> [Fix] {
    guard var node = template.node(at: finding.range) else { return [] }
    // A value that comes from a parameter is fixed at the parameter's default.
    var subject = "RetentionInDays"
    if let parameter = template.parameter(referencedBy: node) {
      guard let defaultValue = parameter.value["Default"] else { return [] }
      node = defaultValue
      subject = "the Default of parameter \(parameter.key.text)"
    }
    guard let scalar = node.scalar else { return [] }
    let range = template.offset(node.range.start)..<template.offset(node.range.end)
    let values = retentionChoices(for: finding.ruleID, written: scalar.intValue)
    // Keep the value's form: a quoted number stays quoted.
    let quote = range.isEmpty ? nil : [UInt8(ascii: "\""), UInt8(ascii: "'")].first { $0 == template.bytes[range.lowerBound] }
    let quoted = { (text: String) in quote.map { String(UnicodeScalar($0)) + text + String(UnicodeScalar($0)) } ?? text }
    return values.map { days in
      Fix(
        title: "Set \(subject) to \(days)", finding: finding,
        edits: [SourceEdit(range: range, replacement: quoted(String(days)))], isPreferred: values.count == 1)
    }
  }

  // MARK: Suppressing

  /// The marker of a reason the user still has to write.
  static let reasonPlaceholder = "TODO: say why this is accepted"

  /// `# trailwatch:ignore ID reason` alone on the line above the resource's logical id (YAML only:
  /// JSON has no comments), at the logical id's indentation.
  private func ignoreComment(for finding: Finding, resource: String, in template: EditableTemplate) -> [Fix] {
    guard !template.isJSON, let entry = template.resource(resource) else { return [] }
    let keyOffset = template.offset(entry.key.range.start)
    guard let indent = template.indentation(before: keyOffset) else { return [] }
    let comment = "\(indent)# trailwatch:ignore \(finding.ruleID) \(Self.reasonPlaceholder)\(template.lineBreak)"
    return [
      Fix(
        title: "Ignore \(finding.ruleID) for '\(resource)' with a comment", finding: finding,
        edits: [SourceEdit(insert: comment, at: template.lineStart(of: keyOffset))], isPreferred: false)
    ]
  }

  // MARK: Checking

  private func verify(_ fix: Fix, in bytes: [UInt8], path: String, findings: [Finding]) -> Bool {
    let fixed = Linter(options: options).lint(SourceEdit.apply(fix.edits, to: bytes), path: path)
    let parseError = ParseErrorRule.description.id
    guard fixed.kind != .other, !fixed.findings.contains(where: { $0.isReported && $0.ruleID == parseError }) else {
      return false
    }
    let resource = fix.finding.resource
    var allowed: [String: Int] = [:]
    for finding in findings where finding.isReported && finding.resource == resource && finding != fix.finding {
      allowed[finding.ruleID + "\u{0}" + finding.message, default: 0] += 1
    }
    for finding in fixed.findings where finding.isReported && finding.resource == resource {
      let key = finding.ruleID + "\u{0}" + finding.message
      guard let count = allowed[key], count > 0 else { return false }
      allowed[key] = count - 1
    }
    return true
  }
}
