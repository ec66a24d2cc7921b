/// A CloudWatch Logs log group.
public struct LogGroup: Sendable, Equatable {
  public var identity: ResourceIdentity
  /// The log group's name when the input sets one.
  public var logGroupName: Attribute<String>
  /// How many days the group keeps events; absent means forever. When another resource sets the
  /// retention (CDK's `Custom::LogRetention`, Terraform's `aws_cloudwatch_log_group_retention`), its
  /// outcomes are that resource's value, at that resource's place.
  public var retentionInDays: Attribute<Int>
  /// The group's ARN without the `:*` ending, as far as it is known before deploy; nil when nothing
  /// of it is known. TW103 matches policy resources against it.
  public var arn: TextPattern?

  public init(
    identity: ResourceIdentity, logGroupName: Attribute<String>, retentionInDays: Attribute<Int>, arn: TextPattern? = nil
  ) {
    self.identity = identity
    self.logGroupName = logGroupName
    self.retentionInDays = retentionInDays
    self.arn = arn
  }
}
