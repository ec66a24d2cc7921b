import Rules

/// The outcome of linting one file.
public struct FileResult: Sendable {
  public var path: String
  public var kind: DocumentKind
  public var findings: [Finding]
  /// The logical ids or Terraform addresses of the trails, log groups and roles in the file: whether a
  /// configuration suppression for a resource concerns this file.
  public var resources: Set<String>

  public init(path: String, kind: DocumentKind, findings: [Finding], resources: Set<String> = []) {
    self.path = path
    self.kind = kind
    self.findings = findings
    self.resources = resources
  }

  /// Whether the file counts as linted: a template or plan, or one that looked like one but broke.
  public var wasLinted: Bool {
    kind != .other || !findings.isEmpty
  }
}
