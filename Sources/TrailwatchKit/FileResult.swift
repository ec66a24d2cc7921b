import Rules

/// The outcome of linting one file.
public struct FileResult: Sendable {
  public var path: String
  public var kind: DocumentKind
  public var findings: [Finding]

  public init(path: String, kind: DocumentKind, findings: [Finding]) {
    self.path = path
    self.kind = kind
    self.findings = findings
  }

  /// Whether the file counts as linted: a template or plan, or one that looked like one but broke.
  public var wasLinted: Bool {
    kind != .other || !findings.isEmpty
  }
}
