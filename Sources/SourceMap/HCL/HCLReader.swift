/// Reads HCL native syntax (Terraform `.tf` and `.tfvars` files) into a positioned syntax tree.
///
/// Written to HashiCorp's HCL native syntax specification: bodies of attributes and blocks with
/// labels; every expression form (literals, quoted templates with `${…}` interpolations and
/// `%{if}`/`%{for}` directives and `~` strip markers, `<<EOT` and `<<-EOT` heredocs, tuples, objects,
/// function calls with `...` expansion and provider namespaces, traversals with indexes and splats,
/// conditionals, `for` expressions, and unary and binary operators with HCL's precedence); `#`, `//`
/// and `/* */` comments, which are kept. Positions are those of every other reader: 1-based lines,
/// columns counting Unicode scalars (a tab is one column), offsets in UTF-8 bytes.
///
/// Invalid UTF-8 and syntax errors are `ParseError`s at their position. Nesting, of expressions and of
/// blocks alike, stops at `limits.maxDepth` levels with an error, checked before each level is
/// entered, so no input can exhaust the stack.
public enum HCLReader {
  /// Reads a whole file: a body of attributes and blocks.
  public static func read(_ text: SourceText, limits: ReaderLimits = .default) throws(ParseError) -> HCLFile {
    var parser = try HCLParser(text: text, limits: limits)
    return try parser.parseFile()
  }

  /// Reads text that is a template on its own, without quotes: the value of a string in Terraform's
  /// JSON configuration syntax (`"${aws_cloudwatch_log_group.audit.arn}:*"`).
  public static func readTemplate(_ text: SourceText, limits: ReaderLimits = .default) throws(ParseError) -> HCLTemplate {
    var parser = try HCLParser(text: text, limits: limits)
    return try parser.parseStandaloneTemplate()
  }

  /// Reads text that is one expression on its own (a `-var` value such as `["a", "b"]`).
  public static func readExpression(_ text: SourceText, limits: ReaderLimits = .default) throws(ParseError) -> HCLExpression {
    var parser = try HCLParser(text: text, limits: limits)
    return try parser.parseStandaloneExpression()
  }
}
