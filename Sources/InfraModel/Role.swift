/// An IAM role that a trail may assume to deliver to CloudWatch Logs.
public struct Role: Sendable, Equatable {
  public var identity: ResourceIdentity

  public init(identity: ResourceIdentity) {
    self.identity = identity
  }
}
