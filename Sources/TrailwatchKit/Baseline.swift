#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import Foundation
import Rules
import SourceMap

/// Findings accepted when the baseline was written: `--baseline FILE` reports only the others.
///
/// The file is JSON, sorted and one entry per accepted file + resource + rule, so it reviews well in a
/// pull request:
///
/// ```json
/// {
///   "findings" : [
///     { "file" : "stacks/audit.yaml", "resource" : "AuditTrail", "rule" : "TW102" }
///   ],
///   "version" : 1
/// }
/// ```
public struct Baseline: Sendable {
  public private(set) var entries: [BaselineEntry]
  /// The baseline file as the user would name it.
  public var path: String
  /// The absolute directory that holds it: entries' files are relative to it.
  public var directory: String
  /// Each entry's place in the file, by matching key.
  private var places: [BaselineEntry: SourceRange]
  /// How many entries were kept from the previous baseline for files the run did not lint.
  public private(set) var carriedOver = 0

  /// A baseline of `entries`; duplicates are dropped and the rest sorted.
  public init(entries: [BaselineEntry], path: String, directory: String, places: [BaselineEntry: SourceRange] = [:]) {
    self.entries = Array(Set(entries)).sorted()
    self.path = path
    self.directory = directory
    self.places = [:]
    for entry in self.entries {
      self.places[entry.matchingKey] = places[entry] ?? .fileStart
    }
  }

  /// The baseline of the findings a run reports (or reported only because of an earlier baseline).
  /// Findings hidden by suppressions, and findings about suppressions, are not recorded.
  ///
  /// Entries of `previous` are kept for files the run did not lint (`lintedFiles`) that still exist,
  /// so rewriting the baseline from a run over some files does not forget the others; for the files
  /// it linted, what was fixed is dropped.
  public init(
    findings: [Finding], path: String, resolver: PathResolver, keeping previous: Baseline? = nil, lintedFiles: [String] = []
  ) {
    let directory = resolver.directory(of: path)
    var entries = findings.filter { finding in
      (finding.suppression == nil || finding.suppression?.source == .baseline)
        && !SuppressionFilter.ownRuleIDs.contains(finding.ruleID)
    }.map { Self.entry(for: $0, directory: directory, resolver: resolver) }
    var carried = 0
    if let previous {
      let linted = Set((lintedFiles + findings.map(\.file)).map(resolver.absolute))
      let base = PathResolver(workingDirectory: previous.directory)
      for entry in previous.entries {
        let file = base.absolute(entry.file)
        guard !linted.contains(file), Self.exists(file) else { continue }
        var kept = entry
        kept.file = resolver.relative(file, to: directory)
        entries.append(kept)
        carried += 1
      }
    }
    self.init(entries: entries, path: path, directory: directory)
    carriedOver = carried
  }

  private static func exists(_ path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0
  }

  static func entry(for finding: Finding, directory: String, resolver: PathResolver) -> BaselineEntry {
    BaselineEntry(
      file: resolver.relative(finding.file, to: directory), rule: finding.ruleID, resource: finding.resource,
      message: finding.message)
  }

  /// Marks the reported findings that the baseline accepts.
  public func apply(to findings: inout [Finding], resolver: PathResolver) {
    for index in findings.indices where findings[index].suppression == nil {
      guard !SuppressionFilter.ownRuleIDs.contains(findings[index].ruleID) else { continue }
      let key = Self.entry(for: findings[index], directory: directory, resolver: resolver).matchingKey
      guard let range = places[key] else { continue }
      findings[index].suppression = FindingSuppression(
        kind: .external, source: .baseline, justification: nil, file: path, range: range)
    }
  }

  // MARK: - The file

  private struct Document: Codable {
    var version: Int
    var findings: [BaselineEntry]
  }

  /// The file's text: keys sorted, entries sorted, two-space indentation, a final line break.
  public func render() -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    // Encoding strings and an integer cannot fail; an empty baseline is the safe fallback.
    guard let data = try? encoder.encode(Document(version: 1, findings: entries)) else {
      return "{\n  \"findings\" : [],\n  \"version\" : 1\n}\n"
    }
    return String(decoding: data, as: UTF8.self) + "\n"
  }

  /// Writes the baseline to `path`, whole or not at all (a temporary file renamed into place).
  public func write() throws(ConfigurationError) {
    let temporary = path + ".trailwatch-\(getpid())"
    func failure(_ code: Int32 = errno) -> ConfigurationError {
      ConfigurationError("\(path): cannot write the baseline: \(FileWalker.describe(code))")
    }
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    guard descriptor >= 0 else { throw failure() }
    if let code = FileDescriptorWriter.writeAll(render(), to: descriptor) {
      close(descriptor)
      unlink(temporary)
      throw failure(code)
    }
    close(descriptor)
    guard rename(temporary, path) == 0 else {
      let error = failure()
      unlink(temporary)
      throw error
    }
  }

  /// Reads the baseline at `path` with trailwatch's JSON reader, reporting mistakes at their place.
  public static func read(_ path: String, resolver: PathResolver) throws(ConfigurationError) -> Baseline {
    let shown = path.hasPrefix("/") ? resolver.display(path) : path
    let bytes: [UInt8]
    do {
      bytes = try FileReader.contents(of: path)
    } catch {
      throw ConfigurationError("\(shown): cannot read the baseline; write one with --write-baseline \(shown)")
    }
    func failure(_ message: String, _ range: SourceRange) -> ConfigurationError {
      ConfigurationError("\(shown):\(range.start.line):\(range.start.column): \(message)")
    }
    let root: Node?
    do {
      root = try JSONReader.read(try SourceText(decoding: bytes))
    } catch {
      throw failure(error.message, error.range)
    }
    guard let root, root.entries != nil else {
      throw failure("a baseline is a JSON object with \"version\": 1 and \"findings\"", root?.range ?? .fileStart)
    }
    var errors: [String] = []
    for key in root.entries ?? [] where key.key.text != "version" && key.key.text != "findings" {
      errors += failure("unknown key '\(key.key.text)'; a baseline has version and findings", key.key.range).messages
    }
    if root["version"]?.scalar?.text != "1" || root["version"]?.scalar?.style != .plain {
      errors += failure("this baseline is not version 1; rewrite it with --write-baseline", root["version"]?.range ?? root.range).messages
    }
    var entries: [BaselineEntry] = []
    var places: [BaselineEntry: SourceRange] = [:]
    guard let items = root["findings"]?.items else {
      errors += failure("\"findings\" must be a list", root["findings"]?.range ?? root.range).messages
      throw ConfigurationError(errors)
    }
    for item in items {
      guard let fields = item.entries else {
        errors += failure("each finding must be an object with file, rule and resource or message", item.range).messages
        continue
      }
      var text: [String: String] = [:]
      let errorCount = errors.count
      for field in fields {
        guard ["file", "rule", "resource", "message"].contains(field.key.text) else {
          errors += failure("unknown key '\(field.key.text)'; an entry has file, rule, resource and message", field.key.range).messages
          continue
        }
        guard let scalar = field.value.scalar, scalar.style == .quoted else {
          errors += failure("\(field.key.text) must be a string", field.value.range).messages
          continue
        }
        text[field.key.text] = scalar.text
      }
      guard errors.count == errorCount else { continue }
      guard let file = text["file"], let rule = text["rule"], text["resource"] != nil || text["message"] != nil else {
        errors += failure("each finding needs file, rule, and resource or message", item.range).messages
        continue
      }
      let entry = BaselineEntry(file: file, rule: rule, resource: text["resource"], message: text["message"])
      entries.append(entry)
      places[entry] = places[entry] ?? item.range
    }
    guard errors.isEmpty else { throw ConfigurationError(errors) }
    return Baseline(entries: entries, path: shown, directory: resolver.directory(of: path), places: places)
  }
}
