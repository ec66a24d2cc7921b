import SourceMap

/// Who a resource is and where it is declared.
public struct ResourceIdentity: Sendable, Equatable {
  /// The CloudFormation logical id or the Terraform address.
  public var name: String
  /// The resource type as the input names it (`AWS::CloudTrail::Trail`, `aws_cloudtrail`).
  public var type: String
  /// The declaration: the logical-id key, or the resource's entry in a plan.
  public var range: SourceRange
  /// A resource-level condition under which it is deployed, as a clause ("condition HasTrail is
  /// true"); nil when always deployed.
  public var condition: String?
  /// How the conditions named in `condition` turn out with the input's default values ("HasTrail is
  /// true"); empty when they cannot be decided before deploy.
  public var conditionDefaults: [String]
  /// Where the resource comes from in the user's own code when that differs from this file
  /// (a CDK construct path); nil otherwise.
  public var sourcePath: String?
  /// The file that declares the resource when the model spans several files (a Terraform module:
  /// every `.tf` file of a directory, and its local modules); nil: the one file being linted.
  public var file: String?

  public init(
    name: String, type: String, range: SourceRange, condition: String? = nil, conditionDefaults: [String] = [],
    sourcePath: String? = nil, file: String? = nil
  ) {
    self.name = name
    self.type = type
    self.range = range
    self.condition = condition
    self.conditionDefaults = conditionDefaults
    self.sourcePath = sourcePath
    self.file = file
  }
}
