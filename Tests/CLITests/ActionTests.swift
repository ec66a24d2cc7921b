import Foundation
import Testing

/// The GitHub Action's lint step (action.yml), run by bash as the runner runs it, with `swift` and
/// `trailwatch` replaced by stubs that record the arguments trailwatch would get.
struct ActionTests {
  /// The `run:` script of the step with `id: lint`, dedented.
  static func lintScript() throws -> String {
    let text = try String(contentsOf: CommandRunner.packageRoot.appendingPathComponent("action.yml"), encoding: .utf8)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let step = try #require(lines.firstIndex { $0.trimmingCharacters(in: .whitespaces) == "id: lint" })
    let run = try #require(lines[step...].firstIndex { $0.trimmingCharacters(in: .whitespaces) == "run: |" })
    let indent = lines[run].prefix { $0 == " " }.count
    var body: [String] = []
    for line in lines[(run + 1)...] {
      let lineIndent = line.prefix { $0 == " " }.count
      if !line.trimmingCharacters(in: .whitespaces).isEmpty && lineIndent <= indent { break }
      body.append(String(line.dropFirst(min(lineIndent, indent + 2))))
    }
    return body.joined(separator: "\n") + "\n"
  }

  /// Runs the lint step with `inputs` as its environment; returns the arguments trailwatch got.
  static func arguments(with inputs: [String: String]) throws -> [String] {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let bin = directory.url.appendingPathComponent("bin").path
    let record = directory.url.appendingPathComponent("arguments").path
    try directory.write("bin/swift", "#!/bin/sh\necho '\(bin)'\n")
    try directory.write("bin/trailwatch", "#!/bin/sh\nfor argument in \"$@\"; do printf '%s\\n' \"$argument\"; done > '\(record)'\n")
    for stub in ["swift", "trailwatch"] {
      try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: bin + "/" + stub)
    }
    try directory.write("step.sh", try lintScript())
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/bash")
    // How the runner starts a `shell: bash` step.
    process.arguments = ["--noprofile", "--norc", "-eo", "pipefail", directory.url.appendingPathComponent("step.sh").path]
    process.currentDirectoryURL = directory.url
    var environment = [
      "PATH": bin + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"),
      "GITHUB_ACTION_PATH": directory.url.path,
      "GITHUB_OUTPUT": directory.url.appendingPathComponent("output").path,
      "TRAILWATCH_PATHS": ".", "TRAILWATCH_FAIL_ON": "warning", "TRAILWATCH_MIN_RETENTION": "",
      "TRAILWATCH_SARIF": "trailwatch.sarif", "TRAILWATCH_CATEGORY": "trailwatch", "TRAILWATCH_ANNOTATIONS": "true",
    ]
    environment.merge(inputs) { $1 }
    process.environment = environment
    try process.run()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    return try directory.read("arguments").split(separator: "\n").map(String.init)
  }

  @Test("by default the action passes no --min-retention, so .trailwatch.yml's min-retention-days holds")
  func minRetentionLeftToConfiguration() throws {
    let action = try String(contentsOf: CommandRunner.packageRoot.appendingPathComponent("action.yml"), encoding: .utf8)
    let input = try #require(action.range(of: "\n  min-retention:\n"))
    let declaration = action[input.upperBound...].split(separator: "\n").prefix(3)
    #expect(declaration.contains("    default: \"\""))
    #expect(try Self.arguments(with: [:]) == [
      "--format", "github", "--output", "sarif=trailwatch.sarif", "--sarif-category", "trailwatch",
      "--fail-on", "warning", "--", ".",
    ])
  }

  @Test("min-retention, when given, is passed on")
  func minRetentionGiven() throws {
    #expect(try Self.arguments(with: ["TRAILWATCH_MIN_RETENTION": "400", "TRAILWATCH_PATHS": "stacks/ plans/plan.json"]) == [
      "--format", "github", "--output", "sarif=trailwatch.sarif", "--sarif-category", "trailwatch",
      "--fail-on", "warning", "--min-retention", "400", "--", "stacks/", "plans/plan.json",
    ])
  }
}
