import InfraModel

/// Phrases that several rules put into messages, so every rule says conditions, origins and what it
/// could not decide alike.
enum Wording {
  /// " when condition C is false" for a conditional outcome; empty otherwise.
  static func when<Value>(_ outcome: Outcome<Value>) -> String {
    outcome.condition.map { " when \($0)" } ?? ""
  }

  /// " (parameter Days, default 30)" when the value is not written where it is used.
  static func origin<Value>(_ outcome: Outcome<Value>) -> String {
    outcome.origin.map { " (\($0))" } ?? ""
  }

  /// "; the trail is deployed only when condition C is true" for a conditionally deployed resource.
  static func deployment(_ identity: ResourceIdentity, noun: String) -> String {
    identity.condition.map { "; the \(noun) is deployed only when \($0)" } ?? ""
  }

  /// "; with the parameter defaults C is false and D is true": how the conditions a message names turn
  /// out with the defaults, said once at its end; empty when none can be decided.
  static func defaults(_ phrases: [String]...) -> String {
    var seen: Set<String> = []
    let unique = phrases.joined().filter { seen.insert($0).inserted }
    guard !unique.isEmpty else { return "" }
    return "; with the parameter defaults " + unique.joined(separator: " and ")
  }

  /// What ends every message about an outcome of a resource: its deployment condition, then how the
  /// conditions turn out with the defaults.
  static func circumstances<Value>(_ outcome: Outcome<Value>, of identity: ResourceIdentity, noun: String) -> String {
    deployment(identity, noun: noun) + defaults(outcome.conditionDefaults, identity.conditionDefaults)
  }

  /// The same for a message about a resource as a whole.
  static func circumstances(of identity: ResourceIdentity, noun: String) -> String {
    deployment(identity, noun: noun) + defaults(identity.conditionDefaults)
  }

  /// "X of trail 'T' cannot be checked before deploy when …: reason", the one form of every note
  /// about a value that cannot be known before deploy.
  static func undecided<Value>(
    _ attribute: Attribute<Value>, _ outcome: Outcome<Value>, of identity: ResourceIdentity, noun: String, reason: String
  ) -> String {
    "\(attribute.name) of \(noun) \(name(identity)) cannot be checked before deploy\(when(outcome)): \(reason)"
  }

  /// The resource named for people: its CDK construct path when it has one, else its id.
  static func name(_ identity: ResourceIdentity) -> String {
    if let path = identity.sourcePath { return "'\(identity.name)' (\(path))" }
    return "'\(identity.name)'"
  }
}
