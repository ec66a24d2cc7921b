import Rules

/// The filter stage after the rules: marks the findings that suppressions accept, and reports on the
/// suppressions themselves (TW002 unused, TW003 expired, TW004 without a reason, TW005 unreadable).
///
/// Every suppression that covers a finding counts as used; the first one in the list is the one the
/// finding carries. Findings of the suppression rules themselves are never suppressed.
struct SuppressionFilter {
  var policy: SuppressionPolicy
  var levels: RuleLevels

  /// The rules this filter reports: never suppressed, never baselined.
  static let ownRuleIDs: Set<String> = [
    UnusedSuppressionRule.description.id, ExpiredSuppressionRule.description.id,
    SuppressionWithoutReasonRule.description.id, InvalidSuppressionRule.description.id,
  ]

  /// Marks `findings` and returns the findings about the suppressions. A run over some files cannot
  /// speak for the others: a suppression is judged unused only when `lintedFiles` holds a file it can
  /// cover, and expired only when it holds a file it concerns (`resources`: the resources of each
  /// linted file).
  func apply(
    _ candidates: [SuppressionCandidate], to findings: inout [Finding], lintedFiles: [String],
    resources: [String: Set<String>] = [:]
  ) -> [Finding] {
    var reports: [Finding] = []
    var active: [(candidate: SuppressionCandidate, used: Set<String>, expired: Bool)] = []
    for candidate in candidates {
      if let problem = candidate.problem {
        report(InvalidSuppressionRule.description, problem, about: candidate, into: &reports)
        continue
      }
      for name in candidate.unknownRules {
        let ids = RuleCatalog.descriptions.map(\.id)
        let hint = Suggestion.phrase(for: name, in: ids + RuleCatalog.descriptions.map(\.name))
        report(
          InvalidSuppressionRule.description,
          "suppression names unknown rule '\(name)'\(hint); trailwatch rules lists the rules", about: candidate, into: &reports)
      }
      if candidate.ruleIDs?.isEmpty == true { continue }
      if let until = candidate.until, until < policy.today {
        // An expired suppression for files this run did not lint (a pre-commit run over other files)
        // is left to a run that lints them; it suppresses nothing either way.
        guard lintedFiles.contains(where: { candidate.concerns($0, resources[$0] ?? []) }) else {
          active.append((candidate, [], true))
          continue
        }
        report(
          ExpiredSuppressionRule.description,
          "\(Self.subject(candidate.ruleIDs))\(candidate.scopeWords) expired on \(until), so what it suppressed is "
            + "reported again; fix it or renew the date",
          about: candidate, into: &reports)
        continue
      }
      active.append((candidate, [], false))
    }
    // Indexed by what findings must have, so a file with many suppressions stays linear.
    var bySubject: [SuppressionCandidate.Index: [Int]] = [:]
    for slot in active.indices where !active[slot].expired {
      bySubject[active[slot].candidate.index, default: []].append(slot)
    }
    for index in findings.indices where !Self.ownRuleIDs.contains(findings[index].ruleID) {
      var slots = bySubject[.none] ?? []
      if let resource = findings[index].resource { slots += bySubject[.resource(resource)] ?? [] }
      slots += bySubject[.line(findings[index].range.start.line)] ?? []
      // In list order: the first suppression that covers a finding is the one it carries.
      for slot in slots.sorted() {
        let candidate = active[slot].candidate
        guard candidate.names(findings[index].ruleID), candidate.covers(findings[index]) else { continue }
        active[slot].used.insert(candidate.ruleIDs == nil ? "all" : findings[index].ruleID)
        if findings[index].suppression == nil { findings[index].suppression = candidate.suppression }
      }
    }
    for (candidate, used, expired) in active where !candidate.isPeer {
      if policy.requiresReasons, !expired, candidate.suppression.justification == nil {
        report(
          SuppressionWithoutReasonRule.description,
          "\(Self.subject(candidate.ruleIDs))\(candidate.scopeWords) gives no reason; write why the finding is accepted",
          about: candidate, into: &reports)
      }
      guard policy.reportsUnused, lintedFiles.contains(where: candidate.coversFile) else { continue }
      let unused = candidate.ruleIDs.map { ids in ids.filter { !used.contains($0) } } ?? (used.isEmpty ? nil : [])
      if unused?.isEmpty == true { continue }
      report(
        UnusedSuppressionRule.description,
        "\(Self.subject(unused))\(candidate.scopeWords) matches no finding; remove it", about: candidate, into: &reports)
    }
    return reports
  }

  private func report(_ rule: RuleDescription, _ message: String, about candidate: SuppressionCandidate, into reports: inout [Finding]) {
    guard let severity = levels.severity(of: rule) else { return }
    reports.append(
      Finding(
        ruleID: rule.id, ruleName: rule.name, severity: severity, message: message, file: candidate.suppression.file,
        range: candidate.suppression.range, resource: candidate.resource))
  }

  /// "suppression of TW101", "suppression of TW101 and TW102", "suppression of all rules".
  static func subject(_ ruleIDs: [String]?) -> String {
    guard let ids = ruleIDs else { return "suppression of all rules" }
    switch ids.count {
    case 0, 1: return "suppression of \(ids.first ?? "")"
    default: return "suppression of \(ids.dropLast().joined(separator: ", ")) and \(ids[ids.count - 1])"
    }
  }
}
