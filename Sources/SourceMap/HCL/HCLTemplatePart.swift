/// One piece of a template.
public enum HCLTemplatePart: Sendable {
  case literal(String, SourceRange)
  /// `${expression}`
  case interpolation(HCLExpression)
  /// `%{if condition}…%{else}…%{endif}`
  case conditional(HCLTemplateConditional)
  /// `%{for k, v in collection}…%{endfor}`
  case loop(HCLTemplateLoop)
}
