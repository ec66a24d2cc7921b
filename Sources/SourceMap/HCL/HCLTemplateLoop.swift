/// `%{for k, v in collection}…%{endfor}`
public struct HCLTemplateLoop: Sendable {
  public var keyVariable: String?
  public var valueVariable: String
  public var collection: HCLExpression
  public var body: [HCLTemplatePart]
  public var range: SourceRange

  public init(keyVariable: String?, valueVariable: String, collection: HCLExpression, body: [HCLTemplatePart], range: SourceRange) {
    self.keyVariable = keyVariable
    self.valueVariable = valueVariable
    self.collection = collection
    self.body = body
    self.range = range
  }
}
