/// The one input value an outcome depends on, when it depends on exactly one: a CloudFormation
/// parameter or a Terraform variable, at its default or at another value a deployment may give it.
/// Lets a rule say "when parameter Days is any of 1, 3 or 7" once instead of once per value.
public struct InputChoice: Sendable, Equatable {
  /// How the input is called in the user's language: "parameter", "variable".
  public var kind: String
  public var name: String
  public var value: String
  public var isDefault: Bool

  public init(kind: String, name: String, value: String, isDefault: Bool) {
    self.kind = kind
    self.name = name
    self.value = value
    self.isDefault = isDefault
  }
}
