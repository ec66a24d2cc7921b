#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The commented `.trailwatch.yml` that `trailwatch init` writes: every key, at its default.
public enum DefaultConfiguration {
  /// Every example is a comment that reads as valid YAML once its `# ` is deleted, in place: the list
  /// and mapping keys are left empty (which means none) with their examples commented beneath them.
  public static let text = """
    # trailwatch configuration. Command-line flags override these settings.
    # Guide: https://github.com/trailwatch/trailwatch#tuning-and-suppressing
    # To use an example below, delete the '# ' in front of its lines.

    # The fewest days a log group that a trail delivers to may keep events (TW202).
    min-retention-days: 365

    # Which log groups the minimum applies to: trail-log-groups (those a trail delivers to)
    # or all-log-groups.
    retention-scope: trail-log-groups

    # Rules by id or name: off, or the severity to report them at (error, warning, note).
    rules:
      # TW201: error
      # TW203: off

    # Files and directories not to lint, as globs relative to this file. A pattern without '/'
    # matches a name at any depth; '**' matches any number of directories.
    exclude:
      # - cdk.out
      # - "stacks/legacy/**/*.json"

    # Findings accepted when the baseline was written; only new findings are reported. Write the
    # file first (trailwatch --write-baseline .trailwatch-baseline.json .), then name it here,
    # relative to this file.
    # baseline: .trailwatch-baseline.json

    # Accepted findings, for any input (the only way to suppress in a Terraform plan).
    # rule: an id, a name or all; file: a glob; resource: a logical id or Terraform address;
    # until: the last day it holds (YYYY-MM-DD).
    suppressions:
      # - rule: TW201
      #   file: stacks/debug.yaml
      #   resource: DebugLogs
      #   reason: Debug logs are deleted with the stack.
      #   until: 2027-12-31

    """

  /// Writes the default configuration to `path`; never overwrites a file that exists.
  public static func write(to path: String) throws(ConfigurationError) {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
    guard descriptor >= 0 else {
      if errno == EEXIST {
        throw ConfigurationError("\(path) already exists; trailwatch init does not overwrite it")
      }
      throw ConfigurationError("\(path): \(FileWalker.describe(errno))")
    }
    defer { close(descriptor) }
    if let code = FileDescriptorWriter.writeAll(text, to: descriptor) {
      throw ConfigurationError("\(path): \(FileWalker.describe(code))")
    }
  }
}
