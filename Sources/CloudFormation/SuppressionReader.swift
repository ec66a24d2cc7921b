import InfraModel
import SourceMap

/// Reads the suppressions written in a template: `# trailwatch:ignore` comments, `Metadata.trailwatch`
/// on resources and on the template, and the peers' `Metadata` spellings (checkov, cfn_nag, cfn-guard).
///
/// Ids are kept as written; the engine maps and checks them. A trailwatch suppression that cannot be
/// read is kept with its problem, so the user hears about it; a peer's is skipped, as that tool's
/// business.
struct SuppressionReader {
  static let commentPrefix = SuppressionComment.prefix
  /// What a comment must start with to be read at all: suppressions, and near misses of one.
  static let commentWord = SuppressionComment.word

  let template: Template

  func suppressions(comments: [Comment]) -> [Suppression] {
    var suppressions: [Suppression] = []
    var resourcesByLine: [Int: String] = [:]
    for resource in template.resources {
      resourcesByLine[resource.keyRange.start.line] = resource.logicalID
    }
    for comment in comments {
      let scope: SuppressionScope = resourcesByLine[comment.subjectLine].map { .resource($0) } ?? .line(comment.subjectLine)
      if let suppression = Self.suppression(comment, scope: scope) { suppressions.append(suppression) }
    }
    if let metadata = template.metadata, metadata.entries != nil {
      suppressions += trailwatchEntries(metadata, scope: .file)
    }
    for resource in template.resources {
      guard let metadata = resource.metadata, metadata.entries != nil else { continue }
      let scope = SuppressionScope.resource(resource.logicalID)
      suppressions += trailwatchEntries(metadata, scope: scope)
      suppressions += peerEntries(metadata, scope: scope)
    }
    return suppressions
  }

  // MARK: - Comments

  /// `# trailwatch:ignore TW101,TW102 reason`; a suppression with a problem for a near miss
  /// (`# trailwatch: ignore TW201`); nil for any other comment.
  static func suppression(_ comment: Comment, scope: SuppressionScope) -> Suppression? {
    SuppressionComment.suppression(comment, scope: scope)
  }

  // MARK: - Metadata.trailwatch

  private static let shape = "Metadata trailwatch.ignore takes a list of rule ids, or of {rule, reason, until} entries"

  private func trailwatchEntries(_ metadata: Node, scope: SuppressionScope) -> [Suppression] {
    guard let entry = metadata.entry("trailwatch") else { return [] }
    let settings = entry.value
    func problem(_ text: String, at range: SourceRange) -> Suppression {
      Suppression(rules: [], scope: scope, source: .metadata, range: range, problem: text)
    }
    guard let keys = settings.entries else {
      return [problem("Metadata trailwatch must be a mapping with the key 'ignore'", at: settings.range)]
    }
    var suppressions: [Suppression] = []
    for key in keys where key.key.text != "ignore" {
      suppressions.append(problem("unknown key '\(key.key.text)' in Metadata trailwatch; the only key is 'ignore'", at: key.key.range))
    }
    guard let ignore = settings["ignore"] else { return suppressions }
    if let scalar = ignore.scalar, !scalar.isNull, ignore.tag == nil {
      let id = scalar.text
      return suppressions + [Suppression(rules: [id], scope: scope, source: .metadata, range: ignore.range)]
    }
    guard let items = ignore.items else { return suppressions + [problem(Self.shape, at: ignore.range)] }
    for item in items {
      suppressions.append(trailwatchItem(item, scope: scope))
    }
    return suppressions
  }

  private func trailwatchItem(_ item: Node, scope: SuppressionScope) -> Suppression {
    var suppression = Suppression(rules: [], scope: scope, source: .metadata, range: item.range)
    if let scalar = item.scalar, !scalar.isNull, item.tag == nil {
      suppression.rules = [scalar.text]
      return suppression
    }
    guard let keys = item.entries else {
      suppression.problem = Self.shape
      return suppression
    }
    for key in keys {
      let text = key.value.scalar.flatMap { $0.isNull || key.value.tag != nil ? nil : $0.text }
      switch key.key.text {
      case "rule":
        guard let text, !text.isEmpty else {
          suppression.problem = "'rule' in Metadata trailwatch.ignore must be a rule id, as in 'rule: TW201'"
          return suppression
        }
        suppression.rules = [text]
      case "reason":
        guard let text else {
          suppression.problem = "'reason' in Metadata trailwatch.ignore must be text"
          return suppression
        }
        suppression.reason = text.isEmpty ? nil : text
      case "until":
        guard let text, let date = CalendarDate(text) else {
          suppression.problem = "'until' in Metadata trailwatch.ignore must be a date written YYYY-MM-DD"
          return suppression
        }
        suppression.until = date
      default:
        suppression.problem = "unknown key '\(key.key.text)' in Metadata trailwatch.ignore; the keys are rule, reason, until"
        return suppression
      }
    }
    if suppression.rules.isEmpty {
      suppression.problem = "an entry of Metadata trailwatch.ignore needs 'rule', as in 'rule: TW201'"
    }
    return suppression
  }

  // MARK: - Peers

  /// checkov `skip: [{id, comment}]`, cfn_nag `rules_to_suppress: [{id, reason}]`, cfn-guard
  /// `SuppressedRules: [id]`. Entries that do not have these shapes are the peer's to complain about.
  private func peerEntries(_ metadata: Node, scope: SuppressionScope) -> [Suppression] {
    var suppressions: [Suppression] = []
    let structured: [(SuppressionSource, String, String, String)] = [
      (.checkov, "checkov", "skip", "comment"),
      (.cfnNag, "cfn_nag", "rules_to_suppress", "reason"),
    ]
    for (source, tool, list, reasonKey) in structured {
      for item in metadata[tool]?[list]?.items ?? [] {
        guard let id = item["id"]?.scalar?.text, !id.isEmpty else { continue }
        let reason = item[reasonKey]?.scalar?.text
        suppressions.append(
          Suppression(rules: [id], scope: scope, reason: reason?.isEmpty == false ? reason : nil, source: source, range: item.range))
      }
    }
    for item in metadata["guard"]?["SuppressedRules"]?.items ?? [] {
      guard let id = item.scalar?.text, !id.isEmpty else { continue }
      suppressions.append(Suppression(rules: [id], scope: scope, source: .cfnGuard, range: item.range))
    }
    return suppressions
  }
}

