import InfraModel
import Rules
import Testing
import TrailwatchKit

/// What `trailwatch init` writes: a configuration that reads as it is, and whose every commented
/// example reads too once its `# ` is deleted in place.
struct DefaultConfigurationTests {
  static let lines = DefaultConfiguration.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)

  /// An example line: a comment indented under a key, or a commented top-level key (`# baseline: …`).
  /// Prose comments start at the first column and never with a configuration key.
  static func isExample(_ line: String) -> Bool {
    let comment = line.drop { $0 == " " }
    guard comment.hasPrefix("# ") else { return false }
    if line.first == " " { return true }
    return ConfigurationReader.keys.contains { comment.dropFirst(2).hasPrefix($0 + ":") }
  }

  /// The examples: runs of consecutive example lines, as line indices.
  static let examples: [[Int]] = {
    var blocks: [[Int]] = []
    var previous = -2
    for (index, line) in lines.enumerated() where isExample(line) {
      if index == previous + 1 { blocks[blocks.count - 1].append(index) } else { blocks.append([index]) }
      previous = index
    }
    return blocks
  }()

  /// The text with the `# ` of the given lines deleted, indentation kept.
  static func uncommenting(_ indices: [Int]) -> String {
    var edited = lines
    for index in indices {
      let line = edited[index]
      guard let hash = line.firstRange(of: "# ") else { continue }
      edited[index] = line.replacingCharacters(in: hash, with: "")
    }
    return edited.joined(separator: "\n")
  }

  static func read(_ text: String) throws -> Configuration {
    var reader = ConfigurationReader(path: ".trailwatch.yml", directory: "/repo")
    return try reader.read(Array(text.utf8))
  }

  @Test("the configuration init writes reads without error and holds the defaults")
  func readsAsWritten() throws {
    let configuration = try Self.read(DefaultConfiguration.text)
    #expect(configuration.minRetentionDays == 365)
    #expect(configuration.ruleLevels == RuleLevels())
    #expect(configuration.suppressions.isEmpty)
    #expect(configuration.baseline == nil)
    // rules, exclude, baseline, suppressions: one example each.
    #expect(Self.examples.count == 4)
  }

  @Test("each example, uncommented in place, reads without error", arguments: examples)
  func exampleReads(lines indices: [Int]) throws {
    let text = Self.uncommenting(indices)
    #expect(text != DefaultConfiguration.text)
    #expect(throws: Never.self) { try Self.read(text) }
    // A line that starts an entry can be uncommented on its own, too.
    let indent = Self.lines[indices[0]].prefix { $0 == " " }.count
    for index in indices where Self.lines[index].prefix(while: { $0 == " " }).count == indent
      && !Self.lines[index].drop(while: { $0 == " " }).dropFirst(2).hasPrefix(" ")
    {
      #expect(throws: Never.self, "line \(index + 1) alone") { try Self.read(Self.uncommenting([index])) }
    }
  }

  @Test("every example uncommented at once is the configuration the comments describe")
  func everyExample() throws {
    let configuration = try Self.read(Self.uncommenting(Self.examples.flatMap { $0 }))
    #expect(configuration.ruleLevels == RuleLevels(["TW201": .severity(.error), "TW203": .off]))
    #expect(configuration.exclude.globs.map(\.pattern) == ["cdk.out", "stacks/legacy/**/*.json"])
    #expect(configuration.baseline == "/repo/.trailwatch-baseline.json")
    #expect(configuration.suppressions.map(\.resource) == ["DebugLogs"])
    #expect(configuration.suppressions.first?.until == CalendarDate(year: 2027, month: 12, day: 31))
  }
}
