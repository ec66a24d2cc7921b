import InfraModel
import Rules

/// A suppression as the filter sees it, wherever it was written: which rules, which findings, and
/// what a finding it hides carries.
struct SuppressionCandidate {
  /// The one property every finding a suppression covers shares, when there is one.
  enum Index: Hashable {
    case resource(String)
    case line(Int)
    case none
  }

  /// The rule ids it suppresses; nil for every rule.
  var ruleIDs: [String]?
  /// Names it gives that are no rule, as written.
  var unknownRules: [String] = []
  /// Why it cannot be read; it then suppresses nothing.
  var problem: String?
  var until: CalendarDate?
  /// Whether it is written for a peer tool: never reported as unused or without a reason.
  var isPeer = false
  /// What it covers, in words: " for 'AppLogs'", " for line 7", "".
  var scopeWords: String
  /// The resource it is written for, when one.
  var resource: String?
  /// Whether it covers a finding, rule aside.
  var covers: (Finding) -> Bool
  /// What a finding must have for `covers` to hold, so the filter need not ask every suppression.
  var index: Index = .none
  /// Whether it can cover findings in a file: only then can a run that linted no such file call it
  /// unused.
  var coversFile: (String) -> Bool = { _ in true }
  /// Whether a linted file, with the resources it holds, is one it is about: only then can a run call
  /// it expired. A configuration entry is about the files its glob matches that hold its resource.
  var concerns: (_ file: String, _ resources: Set<String>) -> Bool = { _, _ in true }
  /// What a finding it hides carries; also where the suppression is written.
  var suppression: FindingSuppression

  /// One suppression read from a template or plan.
  init(_ written: Suppression, file: String) {
    suppression = FindingSuppression(
      kind: .inSource, source: FindingSuppression.Source(written.source), justification: written.reason, file: file,
      range: written.range)
    problem = written.problem
    until = written.until
    isPeer = written.source.isPeer
    switch written.scope {
    case .file:
      scopeWords = " for the whole file"
      covers = { _ in true }
    case .resource(let name):
      scopeWords = " for '\(name)'"
      resource = name
      index = .resource(name)
      covers = { $0.resource == name }
    case .line(let line):
      scopeWords = " for line \(line)"
      index = .line(line)
      covers = { $0.range.start.line == line }
    case .block(let name, let addresses):
      scopeWords = " for '\(name)'"
      resource = name
      let instances = Set(addresses)
      covers = { $0.resource.map(instances.contains) ?? false }
    }
    if isPeer {
      let ids = written.rules.flatMap { PeerSuppressions.ruleIDs(for: $0, source: written.source) }
      ruleIDs = ids.isEmpty ? [] : Array(Set(ids)).sorted()
      return
    }
    if written.rules.contains(where: { $0.lowercased() == "all" }) {
      ruleIDs = nil
      return
    }
    var ids: [String] = []
    for name in written.rules {
      if let rule = RuleCatalog.description(of: name) {
        if !ids.contains(rule.id) { ids.append(rule.id) }
      } else {
        unknownRules.append(name)
      }
    }
    ruleIDs = ids
  }

  /// One entry of `suppressions` in the configuration.
  init(_ configured: ConfiguredSuppression, resolver: PathResolver) {
    suppression = FindingSuppression(
      kind: .external, source: .config, justification: configured.reason, file: configured.configurationFile,
      range: configured.range)
    ruleIDs = configured.ruleID.map { [$0] }
    until = configured.until
    resource = configured.resource
    var words = configured.resource.map { " for '\($0)'" } ?? ""
    if let file = configured.file { words += " in '\(file.pattern)'" }
    scopeWords = words
    let files = configured.file.map { PathPatterns(globs: [$0], directory: configured.directory) }
    let name = configured.resource
    index = name.map { .resource($0) } ?? .none
    if let files { coversFile = { files.matches($0, resolver: resolver) } }
    concerns = { file, resources in
      if let name, !resources.contains(name) { return false }
      if let files, !files.matches(file, resolver: resolver) { return false }
      return true
    }
    covers = { finding in
      if let name, finding.resource != name { return false }
      // A plan's finding shown in its .tf source still answers to the plan's name.
      if let files, !files.matches(finding.file, resolver: resolver),
        !finding.related.contains(where: { files.matches($0.file, resolver: resolver) })
      {
        return false
      }
      return true
    }
  }

  func names(_ ruleID: String) -> Bool {
    ruleIDs?.contains(ruleID) ?? true
  }
}

extension FindingSuppression.Source {
  init(_ source: SuppressionSource) {
    switch source {
    case .comment: self = .comment
    case .metadata: self = .metadata
    case .checkov: self = .checkov
    case .cfnNag: self = .cfnNag
    case .cfnGuard: self = .cfnGuard
    }
  }
}
