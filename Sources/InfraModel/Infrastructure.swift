/// The provider-neutral model of one template or plan: what the rules read.
///
/// Adapters fill it from CloudFormation or Terraform; rules never see the input format.
public struct Infrastructure: Sendable, Equatable {
  public var trails: [Trail]
  public var logGroups: [LogGroup]
  public var roles: [Role]
  /// Parts of the input that could not be evaluated, so nothing in them can be called compliant.
  public var omissions: [Omission]
  /// Suppressions written in the file (comments, `Metadata`), for the engine's filters; rules never
  /// read them.
  public var suppressions: [Suppression]

  public init(
    trails: [Trail] = [], logGroups: [LogGroup] = [], roles: [Role] = [], omissions: [Omission] = [],
    suppressions: [Suppression] = []
  ) {
    self.trails = trails
    self.logGroups = logGroups
    self.roles = roles
    self.omissions = omissions
    self.suppressions = suppressions
  }
}
