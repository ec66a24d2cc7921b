import InfraModel

/// The check TW101 and TW102 share: a trail attribute that must be set in every outcome.
struct TrailAttributeCheck {
  var attribute: KeyPath<Trail, Attribute<Reference>>
  /// What goes wrong when it is missing, after "so".
  var consequence: String

  func violations(in infrastructure: Infrastructure, settings: RuleSettings) -> [Violation] {
    var violations: [Violation] = []
    for trail in infrastructure.trails {
      let value = trail[keyPath: attribute]
      for outcome in value.outcomes {
        switch outcome.state {
        case .absent:
          let message = "trail \(Wording.name(trail.identity)) has no \(value.name)\(Wording.when(outcome)), "
            + "so \(consequence)\(Wording.circumstances(outcome, of: trail.identity, noun: "trail"))"
          violations.append(Violation(message, at: outcome.range, resource: trail.identity))
        case .unknown(let reason) where settings.showUnknown:
          let message = Wording.undecided(value, outcome, of: trail.identity, noun: "trail", reason: reason)
          violations.append(Violation(message, at: outcome.range, resource: trail.identity, severity: .note))
        case .malformed(let kind):
          let message = "trail \(Wording.name(trail.identity)) has \(kind) as \(value.name)\(Wording.when(outcome)), "
            + "not an ARN, so \(consequence)\(Wording.circumstances(outcome, of: trail.identity, noun: "trail"))"
          violations.append(Violation(message, at: outcome.range, resource: trail.identity))
        case .explicit, .unknown:
          break
        }
      }
    }
    return violations
  }
}
