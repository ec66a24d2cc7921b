/// An expression of HCL's expression language, with its source range.
///
/// The tree is as written: nothing is evaluated, and `a.b[0]` stays a traversal of `a`. Its depth is
/// bounded by `ReaderLimits.maxDepth`, so walking or dropping it cannot exhaust the stack.
public struct HCLExpression: Sendable {
  public indirect enum Kind: Sendable {
    /// A number literal exactly as written (`365`, `1.5e3`).
    case number(String)
    case bool(Bool)
    case null
    /// A quoted string or a heredoc, with its interpolations and directives.
    case template(HCLTemplate)
    /// `[a, b]`
    case tuple([HCLExpression])
    /// `{a = 1, "b" : 2}`
    case object([HCLObjectItem])
    /// A bare name: `var`, `local`, `aws_cloudtrail`, or a for expression's variable.
    case variable(String)
    /// `name(arguments)`, `provider::aws::arn_parse(…)`.
    case call(HCLFunctionCall)
    /// Attribute access, indexes and splats applied to an expression, in order:
    /// `var.names[0]` is the variable `var` followed by `.names` and `[0]`.
    case traversal(HCLExpression, [HCLTraversalStep])
    /// `[for …]` and `{for …}`.
    case forExpression(HCLForExpression)
    case unary(HCLUnaryOperator, HCLExpression)
    case binary(HCLBinaryOperator, HCLExpression, HCLExpression)
    /// `condition ? whenTrue : whenFalse`
    case conditional(HCLExpression, HCLExpression, HCLExpression)
    /// `(expression)`: kept so that `{(key) = 1}` can be told from `{key = 1}`.
    case parenthesized(HCLExpression)
  }

  public var kind: Kind
  public var range: SourceRange
  /// How many levels of expressions this one nests, itself included.
  public let depth: Int

  public init(_ kind: Kind, range: SourceRange, depth: Int = 1) {
    self.kind = kind
    self.range = range
    self.depth = depth
  }

  /// The text of a template that holds only literal text (`"abc"`, a heredoc without `${…}`); nil
  /// for anything else.
  public var literalText: String? {
    if case .template(let template) = kind { return template.literalText }
    return nil
  }

  /// The traversal `a.b.c` as names when the expression is a variable followed only by attribute
  /// accesses (and literal indexes, written as their digits); nil otherwise.
  public var staticTraversal: [String]? {
    switch kind {
    case .variable(let name):
      return [name]
    case .traversal(let source, let steps):
      guard case .variable(let name) = source.kind else { return nil }
      var names = [name]
      for step in steps {
        switch step {
        case .attribute(let attribute, _): names.append(attribute)
        case .legacyIndex(let index, _): names.append(String(index))
        case .index(let key):
          if case .number(let digits) = key.kind { names.append(digits) } else { return nil }
        case .attributeSplat, .fullSplat: return nil
        }
      }
      return names
    default:
      return nil
    }
  }
}
