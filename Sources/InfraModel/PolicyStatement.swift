/// One statement of an IAM policy document.
///
/// Entries are patterns because IAM matches with `*` and `?` and because parts of them may be known
/// only at deploy time; a resource entry is a `Reference` so it can also name a resource of the same
/// input outright.
public struct PolicyStatement: Sendable, Equatable {
  public enum Effect: Sendable, Equatable {
    case allow
    case deny
  }

  public var effect: Effect
  /// `Action`, or `NotAction` when `negatesActions`.
  public var actions: [TextPattern]
  public var negatesActions: Bool
  /// `Resource`, or `NotResource` when `negatesResources`; empty in a trust policy.
  public var resources: [Reference]
  public var negatesResources: Bool
  /// `Principal` (trust policies): service names, account ARNs and `*`, whatever key they are under;
  /// `NotPrincipal` when `negatesPrincipals`.
  public var principals: [TextPattern]
  public var negatesPrincipals: Bool
  /// Whether the statement holds only sometimes: it has an IAM `Condition`, or the input includes it
  /// only under a condition. Such an Allow may grant; such a Deny is not counted on to refuse.
  public var isConditional: Bool

  public init(
    effect: Effect, actions: [TextPattern], negatesActions: Bool = false, resources: [Reference] = [],
    negatesResources: Bool = false, principals: [TextPattern] = [], negatesPrincipals: Bool = false,
    isConditional: Bool = false
  ) {
    self.effect = effect
    self.actions = actions
    self.negatesActions = negatesActions
    self.resources = resources
    self.negatesResources = negatesResources
    self.principals = principals
    self.negatesPrincipals = negatesPrincipals
    self.isConditional = isConditional
  }
}
