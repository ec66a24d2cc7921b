import InfraModel

/// Whether a set of IAM policy documents allows a request, as far as that can be told before deploy.
///
/// An unconditional Deny that applies wins; otherwise an Allow that applies (conditional or not:
/// trailwatch gives an IAM `Condition` the benefit of the doubt) grants. When neither settles it and
/// some Allow may apply, or part of a policy cannot be read, the answer is undecided, with the first
/// reason.
struct PolicyEvaluation {
  enum Verdict: Equatable {
    case allowed
    case denied(by: String)
    case notAllowed
    case undecided(String)
  }

  /// Each readable document with the name it is reported under.
  var documents: [(name: String, document: PolicyDocument)] = []
  /// Why a policy that applies could not be read at all.
  var unreadable: [String] = []

  init(_ attributes: [Attribute<PolicyDocument>]) {
    for attribute in attributes {
      for outcome in attribute.outcomes {
        switch outcome.state {
        case .explicit(let document):
          documents.append((attribute.name, document))
        case .unknown(let reason):
          unreadable.append(reason)
        case .absent, .malformed:
          break
        }
      }
    }
  }

  /// The verdict for a request that `applies` tells each statement's part in.
  func verdict(_ applies: (PolicyStatement) -> Match) -> Verdict {
    var mayAllow: String?
    var allowed = false
    for (name, document) in documents {
      for statement in document.statements {
        let match = applies(statement)
        switch (statement.effect, match) {
        case (.deny, .yes) where !statement.isConditional:
          return .denied(by: name)
        case (.allow, .yes):
          allowed = true
        case (.allow, .maybe):
          mayAllow = mayAllow ?? "whether a statement of \(name) applies depends on values known only at deploy time"
        default:
          break
        }
      }
    }
    if allowed { return .allowed }
    if let reason = unreadable.first { return .undecided(reason) }
    for (name, document) in documents {
      if let reason = document.unreadable.first { return .undecided("\(name): \(reason)") }
    }
    if let mayAllow { return .undecided(mayAllow) }
    return .notAllowed
  }

  /// How an action entry list matches `action` (IAM actions ignore case).
  static func actions(of statement: PolicyStatement, match action: String) -> Match {
    let target = PatternMatch.targetAtoms(TextPattern(literal: action), caseInsensitive: true)
    let match = Match.any(statement.actions.lazy.map {
      PatternMatch.match(PatternMatch.policyAtoms($0, caseInsensitive: true), target)
    })
    return match.negated(statement.negatesActions)
  }
}
