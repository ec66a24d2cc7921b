/// `name(arguments)`; `name(list...)` expands its final argument.
public struct HCLFunctionCall: Sendable {
  /// The name as written, with a provider namespace when it has one (`provider::aws::arn_parse`).
  public var name: String
  public var nameRange: SourceRange
  public var arguments: [HCLExpression]
  /// Whether the final argument is followed by `...`.
  public var expandsFinalArgument: Bool

  public init(name: String, nameRange: SourceRange, arguments: [HCLExpression], expandsFinalArgument: Bool) {
    self.name = name
    self.nameRange = nameRange
    self.arguments = arguments
    self.expandsFinalArgument = expandsFinalArgument
  }
}
