import Rules

/// The outcome of linting one unit: its findings, the files it read, and the local module
/// directories it covered (so those are not linted again as roots of their own).
struct UnitResult: Sendable {
  var findings: [Finding]
  var lintedFiles: [String]
  var moduleDirectories: [String] = []
  /// The resources each linted file holds, by file (see `FileResult.resources`).
  var resources: [String: Set<String>] = [:]
  /// The normalized directory of a Terraform module unit; nil for a single file.
  var directory: String?
}
