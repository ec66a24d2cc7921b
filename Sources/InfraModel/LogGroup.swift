/// A CloudWatch Logs log group.
public struct LogGroup: Sendable, Equatable {
  public var identity: ResourceIdentity
  /// The log group's name when the input sets one.
  public var logGroupName: Attribute<String>
  /// How many days the group keeps events; absent means forever.
  public var retentionInDays: Attribute<Int>

  public init(identity: ResourceIdentity, logGroupName: Attribute<String>, retentionInDays: Attribute<Int>) {
    self.identity = identity
    self.logGroupName = logGroupName
    self.retentionInDays = retentionInDays
  }
}
