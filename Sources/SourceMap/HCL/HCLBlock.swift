/// `type "label" label { … }`: a block with its labels and its own body.
public struct HCLBlock: Sendable {
  public var type: String
  public var typeRange: SourceRange
  public var labels: [HCLLabel]
  public var body: HCLBody
  /// The header: from the type's first character to the end of the last label (or of the type when
  /// there are no labels), as in `resource "aws_cloudtrail" "main"`.
  public var headerRange: SourceRange
  /// From the type to just after the closing `}`.
  public var range: SourceRange

  public init(
    type: String, typeRange: SourceRange, labels: [HCLLabel], body: HCLBody, headerRange: SourceRange,
    range: SourceRange
  ) {
    self.type = type
    self.typeRange = typeRange
    self.labels = labels
    self.body = body
    self.headerRange = headerRange
    self.range = range
  }
}
