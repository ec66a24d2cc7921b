import InfraModel

/// A check over the provider-neutral model: a pure function, no I/O, no globals.
public protocol Rule: Sendable {
  /// The rule's identity, documentation and examples.
  static var description: RuleDescription { get }
  /// What the rule finds in one template or plan.
  func check(_ infrastructure: Infrastructure, settings: RuleSettings) -> [Violation]
}
