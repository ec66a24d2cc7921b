/// One finding as an editor shows it.
public struct Diagnostic: Sendable, Hashable, Codable {
  public struct CodeDescription: Sendable, Hashable, Codable {
    public var href: String
  }

  public var range: LSPRange
  /// 1 error, 2 warning, 3 information (trailwatch's notes).
  public var severity: Int
  /// The rule id (`TW201`).
  public var code: String
  /// The rule's documentation.
  public var codeDescription: CodeDescription
  public var source: String
  public var message: String
}
