import InfraModel
import Rules
import SourceMap

/// Reads `.trailwatch.yml` with trailwatch's own YAML reader, so every mistake is reported at its line
/// and column, and all of them at once: an unknown key, a value of the wrong kind, an unknown rule, a
/// date that is not one, a glob that cannot match.
public struct ConfigurationReader {
  /// The keys a configuration may have, in the order `trailwatch init` writes them.
  public static let keys = ["min-retention-days", "retention-scope", "rules", "exclude", "baseline", "suppressions"]
  static let suppressionKeys = ["rule", "file", "resource", "reason", "until"]

  /// The file as the user would name it, for messages.
  public var path: String
  /// The absolute directory that holds it.
  public var directory: String
  private var errors: [String] = []

  public init(path: String, directory: String) {
    self.path = path
    self.directory = directory
  }

  /// The configuration in `bytes`; throws every error found.
  public mutating func read(_ bytes: [UInt8]) throws(ConfigurationError) -> Configuration {
    var configuration = Configuration(path: path, directory: directory)
    let root: Node?
    do {
      root = try YAMLReader.read(try SourceText(decoding: bytes))
    } catch {
      throw ConfigurationError("\(path):\(error.range.start.line):\(error.range.start.column): \(error.message)")
    }
    guard let root else { return configuration }
    guard let entries = root.entries else {
      fail("the configuration must be a mapping of settings, such as 'min-retention-days: 365'", at: root.range)
      throw ConfigurationError(errors)
    }
    var exclude: [Glob] = []
    for entry in entries {
      let value = entry.value
      switch entry.key.text {
      case "min-retention-days":
        let longest = RuleSettings.longestRetentionDays
        if let days = value.plainText.flatMap({ Scalar($0, style: .plain).intValue }), (1...longest).contains(days) {
          configuration.minRetentionDays = days
        } else {
          fail(
            "min-retention-days must be a whole number of days from 1 to \(longest), the longest retention CloudWatch Logs "
              + "offers\(found(value))", at: value.range)
        }
      case "retention-scope":
        let scopes = RuleSettings.RetentionScope.allCases.map(\.rawValue)
        if let scope = value.plainText.flatMap(RuleSettings.RetentionScope.init(rawValue:)) {
          configuration.retentionScope = scope
        } else {
          fail("retention-scope must be \(scopes.joined(separator: " or "))\(found(value))", at: value.range)
        }
      case "rules":
        configuration.ruleLevels = ruleLevels(value)
      case "exclude":
        exclude = globs(value)
      case "baseline":
        if let file = value.plainText, !file.isEmpty {
          configuration.baseline = PathResolver(workingDirectory: directory).absolute(file)
        } else {
          fail("baseline must be the path of a baseline file, relative to this file\(found(value))", at: value.range)
        }
      case "suppressions":
        configuration.suppressions = suppressions(value)
      default:
        let key = entry.key.text
        fail(
          "unknown key '\(key)'\(Suggestion.phrase(for: key, in: Self.keys)); the keys are \(Self.keys.joined(separator: ", "))",
          at: entry.key.range)
      }
    }
    configuration.exclude = PathPatterns(globs: exclude, directory: directory)
    guard errors.isEmpty else { throw ConfigurationError(errors) }
    return configuration
  }

  // MARK: - Sections

  private mutating func ruleLevels(_ node: Node) -> RuleLevels {
    guard !node.isNull else { return RuleLevels() }
    guard let entries = node.entries else {
      fail("rules must map rule ids to off, error, warning or note, as in 'TW201: error'", at: node.range)
      return RuleLevels()
    }
    var levels: [String: RuleLevel] = [:]
    for entry in entries {
      guard let rule = rule(named: entry.key.text, at: entry.key.range, allowingAll: false) else { continue }
      guard let level = entry.value.plainText.flatMap(RuleLevel.init) else {
        fail("the level of \(rule.id) must be off, error, warning or note\(found(entry.value))", at: entry.value.range)
        continue
      }
      levels[rule.id] = level
    }
    return RuleLevels(levels)
  }

  private mutating func globs(_ node: Node) -> [Glob] {
    guard !node.isNull else { return [] }
    guard let items = node.items else {
      fail("exclude must be a list of globs, such as ['cdk.out/**']", at: node.range)
      return []
    }
    return items.compactMap { glob($0, name: "an exclude pattern") }
  }

  private mutating func glob(_ node: Node, name: String) -> Glob? {
    guard let text = node.plainText else {
      fail("\(name) must be a glob such as 'stacks/**/*.yaml'\(found(node))", at: node.range)
      return nil
    }
    do {
      return try Glob(text)
    } catch {
      fail("bad glob '\(text)': \(error.message)", at: node.range)
      return nil
    }
  }

  private mutating func suppressions(_ node: Node) -> [ConfiguredSuppression] {
    guard !node.isNull else { return [] }
    guard let items = node.items else {
      fail("suppressions must be a list of entries with rule, file, resource, reason and until", at: node.range)
      return []
    }
    var suppressions: [ConfiguredSuppression] = []
    for item in items {
      guard let entries = item.entries else {
        fail("a suppression must be a mapping with rule, file, resource, reason and until", at: item.range)
        continue
      }
      var suppression = ConfiguredSuppression(
        ruleID: nil, file: nil, resource: nil, reason: nil, until: nil, configurationFile: path, range: item.range, directory: directory)
      var hasRule = false
      var valid = true
      for entry in entries {
        let value = entry.value
        switch entry.key.text {
        case "rule":
          hasRule = true
          guard let text = value.plainText else {
            fail("rule must be a rule id, a rule name or all\(found(value))", at: value.range)
            valid = false
            continue
          }
          if text == "all" { continue }
          if let rule = rule(named: text, at: value.range, allowingAll: true) {
            suppression.ruleID = rule.id
          } else {
            valid = false
          }
        case "file":
          if let glob = glob(value, name: "file") { suppression.file = glob } else { valid = false }
        case "resource":
          if let text = value.plainText, !text.isEmpty {
            suppression.resource = text
          } else {
            fail("resource must be a logical id or a Terraform address\(found(value))", at: value.range)
            valid = false
          }
        case "reason":
          if let text = value.plainText {
            suppression.reason = text.isEmpty ? nil : text
          } else {
            fail("reason must be text\(found(value))", at: value.range)
            valid = false
          }
        case "until":
          if let text = value.plainText, let date = CalendarDate(text) {
            suppression.until = date
          } else {
            fail("until must be a date written YYYY-MM-DD, such as 2025-12-31\(found(value))", at: value.range)
            valid = false
          }
        default:
          let key = entry.key.text
          fail(
            "unknown key '\(key)' in a suppression\(Suggestion.phrase(for: key, in: Self.suppressionKeys)); "
              + "the keys are \(Self.suppressionKeys.joined(separator: ", "))",
            at: entry.key.range)
          valid = false
        }
      }
      if !hasRule {
        fail("a suppression needs 'rule' (a rule id, a rule name or all)", at: item.range)
        valid = false
      }
      if valid { suppressions.append(suppression) }
    }
    return suppressions
  }

  // MARK: - Helpers

  private mutating func rule(named name: String, at range: SourceRange, allowingAll: Bool) -> RuleDescription? {
    if let rule = RuleCatalog.description(of: name) { return rule }
    let ids = RuleCatalog.descriptions.map(\.id)
    let hint = Suggestion.phrase(for: name, in: ids + RuleCatalog.descriptions.map(\.name))
    fail("unknown rule '\(name)'\(hint); the rules are \(ids.joined(separator: ", "))\(allowingAll ? ", or all" : "")", at: range)
    return nil
  }

  private mutating func fail(_ message: String, at range: SourceRange) {
    errors.append("\(path):\(range.start.line):\(range.start.column): \(message)")
  }

  /// "; found 'abc'" for a scalar, "; found a list" or "a mapping" otherwise.
  private func found(_ node: Node) -> String {
    switch node.content {
    case .scalar(let scalar): scalar.isNull ? "; found nothing" : "; found '\(scalar.text)'"
    case .sequence: "; found a list"
    case .mapping: "; found a mapping"
    }
  }
}

extension Node {
  /// The text of a scalar without a tag; nil for collections, tagged nodes and null.
  fileprivate var plainText: String? {
    guard tag == nil, let scalar, !scalar.isNull else { return nil }
    return scalar.text
  }

  fileprivate var isNull: Bool {
    tag == nil && scalar?.isNull == true
  }
}
