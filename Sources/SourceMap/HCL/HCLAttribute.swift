/// `name = expression`: one attribute of a body.
public struct HCLAttribute: Sendable {
  public var name: String
  public var nameRange: SourceRange
  public var value: HCLExpression
  /// From the name to the end of the value.
  public var range: SourceRange

  public init(name: String, nameRange: SourceRange, value: HCLExpression, range: SourceRange) {
    self.name = name
    self.nameRange = nameRange
    self.value = value
    self.range = range
  }
}
