/// A CloudWatch Logs log group.
public struct LogGroup: Sendable, Equatable {
  public var identity: ResourceIdentity
  /// The log group's name when the input sets one.
  public var logGroupName: Attribute<String>
  /// How many days the group keeps events; absent means forever. When another resource sets the
  /// retention (CDK's `Custom::LogRetention`, Terraform's `aws_cloudwatch_log_group_retention`), its
  /// outcomes are that resource's value, at that resource's place.
  public var retentionInDays: Attribute<Int>
  /// Why a retention period does not apply to this group, in words ("its log_group_class is
  /// DELIVERY"); nil when it applies. Retention rules (TW201, TW202) skip such a group.
  public var retentionExemption: String?
  /// Why this group's settings are not this file's to change, in words (an existing group a Terraform
  /// data source only reads); nil when the file manages the group. Rules do not ask for a fix the file
  /// cannot make (TW201, TW203), and say so where a trail still depends on the group (TW202).
  public var managedElsewhere: String?
  /// The group's ARN without the `:*` ending, as far as it is known before deploy; nil when nothing
  /// of it is known. TW103 matches policy resources against it.
  public var arn: TextPattern?

  public init(
    identity: ResourceIdentity, logGroupName: Attribute<String>, retentionInDays: Attribute<Int>,
    retentionExemption: String? = nil, managedElsewhere: String? = nil, arn: TextPattern? = nil
  ) {
    self.identity = identity
    self.logGroupName = logGroupName
    self.retentionInDays = retentionInDays
    self.retentionExemption = retentionExemption
    self.managedElsewhere = managedElsewhere
    self.arn = arn
  }
}
