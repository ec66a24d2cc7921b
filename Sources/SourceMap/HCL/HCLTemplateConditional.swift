/// `%{if condition}…%{else}…%{endif}`
public struct HCLTemplateConditional: Sendable {
  public var condition: HCLExpression
  public var whenTrue: [HCLTemplatePart]
  /// The parts after `%{else}`; nil when there is no `else`.
  public var whenFalse: [HCLTemplatePart]?
  public var range: SourceRange

  public init(condition: HCLExpression, whenTrue: [HCLTemplatePart], whenFalse: [HCLTemplatePart]?, range: SourceRange) {
    self.condition = condition
    self.whenTrue = whenTrue
    self.whenFalse = whenFalse
    self.range = range
  }
}
