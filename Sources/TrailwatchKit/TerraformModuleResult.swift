import Rules

/// The outcome of linting one Terraform module.
public struct TerraformModuleResult: Sendable {
  /// Sorted; each in the file where the resource or value is written.
  public var findings: [Finding]
  /// Every file read: the module's configuration files, its variable files, its local modules' files.
  public var files: [String]
  /// The normalized directories of the local modules it calls.
  public var moduleDirectories: [String]
  /// The addresses of the trails, log groups and roles each file declares: whether a configuration
  /// suppression for a resource concerns the file.
  public var resources: [String: Set<String>]

  public init(findings: [Finding], files: [String], moduleDirectories: [String], resources: [String: Set<String>] = [:]) {
    self.findings = findings
    self.files = files
    self.moduleDirectories = moduleDirectories
    self.resources = resources
  }
}
