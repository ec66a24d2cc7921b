/// Which findings of a file a suppression written in it can hide.
public enum SuppressionScope: Sendable, Equatable {
  /// Every finding in the file (template-level `Metadata`).
  case file
  /// Findings about the resource with this logical id or address.
  case resource(String)
  /// Findings that start on this 1-based line.
  case line(Int)
}
