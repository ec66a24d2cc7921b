/// An IAM role that a trail may assume to deliver to CloudWatch Logs.
public struct Role: Sendable, Equatable {
  public var identity: ResourceIdentity
  /// Who may assume the role (CloudFormation `AssumeRolePolicyDocument`, Terraform
  /// `assume_role_policy`); no outcomes when the adapter does not read it.
  public var trustPolicy: Attribute<PolicyDocument>
  /// Every permissions policy attached to the role within the same input (inline policies, policy
  /// resources that name the role, managed policies it lists), each named for people ("inline policy
  /// 'deliver'", "AWS::IAM::Policy 'DeliveryPolicy'"). A policy that is attached but cannot be read (a
  /// managed policy from elsewhere) is an attribute whose outcome is unknown.
  public var policies: [Attribute<PolicyDocument>]
  /// Whether `trustPolicy` and `policies` were read at all; rules judge nothing about a role that
  /// an adapter does not describe.
  public var isDescribed: Bool

  public init(
    identity: ResourceIdentity, trustPolicy: Attribute<PolicyDocument> = .unread,
    policies: [Attribute<PolicyDocument>] = [], isDescribed: Bool = false
  ) {
    self.identity = identity
    self.trustPolicy = trustPolicy
    self.policies = policies
    self.isDescribed = isDescribed
  }
}
