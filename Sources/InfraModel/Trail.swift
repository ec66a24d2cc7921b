/// A CloudTrail trail.
public struct Trail: Sendable, Equatable {
  public var identity: ResourceIdentity
  /// The CloudWatch Logs log group ARN the trail delivers to.
  public var logGroup: Attribute<Reference>
  /// The role CloudTrail assumes to deliver to that log group.
  public var role: Attribute<Reference>
  /// Whether the trail records events (CloudFormation `IsLogging`, Terraform `enable_logging`); no
  /// outcomes when the adapter does not read it.
  public var isLogging: Attribute<Bool>

  public init(
    identity: ResourceIdentity, logGroup: Attribute<Reference>, role: Attribute<Reference>,
    isLogging: Attribute<Bool> = .unread
  ) {
    self.identity = identity
    self.logGroup = logGroup
    self.role = role
    self.isLogging = isLogging
  }
}
