import SourceMap

/// One file the adapter read: its text (for excerpts and line text) and its comments (for inline
/// suppressions such as `# trailwatch:ignore TW101 reason`).
public struct TerraformSourceFile: Sendable {
  public var path: String
  public var text: SourceText
  /// `#`, `//` and `/* */` comments of a `.tf` or `.tfvars` file; none for JSON.
  public var comments: [HCLComment]
  /// Why the file could not be read; nil when it was.
  public var error: ParseError?

  public init(path: String, text: SourceText, comments: [HCLComment], error: ParseError?) {
    self.path = path
    self.text = text
    self.comments = comments
    self.error = error
  }
}
