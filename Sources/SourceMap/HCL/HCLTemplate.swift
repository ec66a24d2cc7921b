/// A string template: a quoted string or a heredoc, as literal text, `${…}` interpolations and
/// `%{if}`/`%{for}` directives. Escapes are decoded, `$${` and `%%{` are literal text, strip markers
/// (`~`) and a `<<-` heredoc's indentation are already applied to the literal parts.
public struct HCLTemplate: Sendable {
  public var parts: [HCLTemplatePart]
  public var isHeredoc: Bool

  public init(parts: [HCLTemplatePart], isHeredoc: Bool) {
    self.parts = parts
    self.isHeredoc = isHeredoc
  }

  /// The text when the template holds only literal text; nil when it interpolates or has directives.
  public var literalText: String? {
    var text = ""
    for part in parts {
      guard case .literal(let literal, _) = part else { return nil }
      text += literal
    }
    return text
  }
}
