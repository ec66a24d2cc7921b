import InfraModel

/// Phrases that several rules put into messages, so every rule says conditions and origins alike.
enum Wording {
  /// " when condition C is false" for a conditional outcome; empty otherwise.
  static func when<Value>(_ outcome: Outcome<Value>) -> String {
    outcome.condition.map { " \($0)" } ?? ""
  }

  /// " (from parameter Days, default 30)" when the value is not written where it is used.
  static func origin<Value>(_ outcome: Outcome<Value>) -> String {
    outcome.origin.map { " (\($0))" } ?? ""
  }

  /// "; the trail is deployed only when condition C is true" for a conditionally deployed resource.
  static func deployment(_ identity: ResourceIdentity, noun: String) -> String {
    identity.condition.map { "; the \(noun) is deployed only \($0)" } ?? ""
  }

  /// The resource named for people: its CDK construct path when it has one, else its id.
  static func name(_ identity: ResourceIdentity) -> String {
    if let path = identity.sourcePath { return "'\(identity.name)' (\(path))" }
    return "'\(identity.name)'"
  }
}
