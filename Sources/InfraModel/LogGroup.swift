/// A CloudWatch Logs log group.
public struct LogGroup: Sendable, Equatable {
  public var identity: ResourceIdentity
  /// The log group's name when the input sets one.
  public var logGroupName: Attribute<String>
  /// How many days the group keeps events; absent means forever.
  public var retentionInDays: Attribute<Int>
  /// Why a retention period does not apply to this group, in words ("its log_group_class is
  /// DELIVERY"); nil when it applies. Retention rules (TW201, TW202) skip such a group.
  public var retentionExemption: String?
  /// Why this group's settings are not this file's to change, in words (an existing group a Terraform
  /// data source only reads); nil when the file manages the group. Rules do not ask for a fix the file
  /// cannot make (TW201, TW203), and say so where a trail still depends on the group (TW202).
  public var managedElsewhere: String?

  public init(
    identity: ResourceIdentity, logGroupName: Attribute<String>, retentionInDays: Attribute<Int>,
    retentionExemption: String? = nil, managedElsewhere: String? = nil
  ) {
    self.identity = identity
    self.logGroupName = logGroupName
    self.retentionInDays = retentionInDays
    self.retentionExemption = retentionExemption
    self.managedElsewhere = managedElsewhere
  }
}
