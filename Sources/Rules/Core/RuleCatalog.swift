/// Every rule trailwatch has, in id order.
public enum RuleCatalog {
  public static let all: [any Rule] = [
    ParseErrorRule(),
    UnusedSuppressionRule(),
    ExpiredSuppressionRule(),
    SuppressionWithoutReasonRule(),
    InvalidSuppressionRule(),
    PlanIncompleteRule(),
    TrailMissingLogGroupRule(),
    TrailMissingRoleRule(),
    TrailRoleCannotDeliverRule(),
    TrailLogGroupArnMalformedRule(),
    TrailLoggingDisabledRule(),
    TrailRoleArnMalformedRule(),
    LogGroupMissingRetentionRule(),
    LogGroupRetentionTooShortRule(),
    LogGroupRetentionInvalidRule(),
  ]

  public static var descriptions: [RuleDescription] {
    all.map { type(of: $0).description }
  }

  /// The description of the rule with this id or name, case-insensitively; nil when none.
  public static func description(of idOrName: String) -> RuleDescription? {
    let wanted = idOrName.lowercased()
    return descriptions.first { $0.id.lowercased() == wanted || $0.name == wanted }
  }
}
