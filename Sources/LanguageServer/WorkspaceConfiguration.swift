import Rules
import TrailwatchKit

/// The `.trailwatch.yml` that applies to each document (the nearest one from the document's directory
/// up to the repository root, as on the command line), read once and read again when it or its
/// baseline changes on disk.
///
/// A configuration with mistakes does not stop the server: documents are linted with the defaults,
/// and the mistakes are handed out once (`takeNewErrors`) for the client to show.
struct WorkspaceConfiguration {
  private struct Entry {
    var configurationStamp: FileStamp?
    var baselinePath: String?
    var baselineStamp: FileStamp?
    var options: LintOptions
    var errors: [String]
  }

  let resolver: PathResolver
  /// By configuration path; "" holds the options for documents without one.
  private var entries: [String: Entry] = [:]
  private var shownErrors: [String: [String]] = [:]
  private var newErrors: [String] = []

  init(resolver: PathResolver) {
    self.resolver = resolver
  }

  /// How to lint the document at `path` (a file path; anything else is linted as if in the
  /// workspace's root).
  mutating func options(for path: String) -> LintOptions {
    let directory = path.hasPrefix("/") ? resolver.directory(of: path) : resolver.workingDirectory
    let configurationPath = ConfigurationLoader.find(from: directory) ?? ""
    if let entry = entries[configurationPath], isCurrent(entry, path: configurationPath) {
      return entry.options
    }
    let entry = load(configurationPath)
    entries[configurationPath] = entry
    if shownErrors[configurationPath] != entry.errors {
      shownErrors[configurationPath] = entry.errors
      newErrors += entry.errors
    }
    return entry.options
  }

  /// Forgets what was read, so the next document reads the files again.
  mutating func invalidate() {
    entries = [:]
  }

  /// The configuration mistakes found since the last call, each once.
  mutating func takeNewErrors() -> [String] {
    defer { newErrors = [] }
    return newErrors
  }

  private func isCurrent(_ entry: Entry, path: String) -> Bool {
    guard !path.isEmpty else { return true }
    guard FileStamp(path: path) == entry.configurationStamp else { return false }
    return entry.baselinePath.map { FileStamp(path: $0) == entry.baselineStamp } ?? true
  }

  private func load(_ path: String) -> Entry {
    let defaults = LintOptions(paths: [], resolver: resolver)
    guard !path.isEmpty else {
      return Entry(configurationStamp: nil, options: defaults, errors: [])
    }
    // Stamped before reading, so a change while reading is seen next time.
    let stamp = FileStamp(path: path)
    do {
      let configuration = try ConfigurationLoader.load(path, resolver: resolver)
      let baselineStamp = configuration.baseline.flatMap { FileStamp(path: $0) }
      let baseline = try configuration.baseline.map { baselinePath throws(ConfigurationError) in
        try Baseline.read(baselinePath, resolver: resolver)
      }
      let standard = RuleSettings()
      let settings = RuleSettings(
        minRetentionDays: configuration.minRetentionDays ?? standard.minRetentionDays,
        retentionScope: configuration.retentionScope ?? standard.retentionScope)
      let options = LintOptions(
        paths: [], settings: settings, ruleLevels: configuration.ruleLevels, exclude: configuration.exclude,
        suppressions: configuration.suppressions, baseline: baseline, resolver: resolver)
      return Entry(
        configurationStamp: stamp, baselinePath: configuration.baseline, baselineStamp: baselineStamp, options: options,
        errors: [])
    } catch {
      return Entry(configurationStamp: stamp, options: defaults, errors: error.messages)
    }
  }
}
