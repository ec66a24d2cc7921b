import Foundation
import Testing

/// The pull-request formats as a CI job meets them: exact output for the samples, a SARIF log the
/// official schema accepts, and `--output` writing only the files it is told to.
struct CIFormatTests {
  @Test(
    "each CI format prints the pinned report for the samples",
    arguments: [
      ("sarif", "samples.sarif"), ("gitlab", "samples.gitlab.json"), ("junit", "samples.junit.xml"),
      ("github", "samples.github.txt"),
    ])
  func golden(format: String, golden: String) throws {
    let output = try CommandRunner.run(["--format", format, "samples/"])
    #expect(output.stdout == (try CommandRunner.golden(golden)))
    #expect(output.stderr == "")
    #expect(output.exitCode == 1)
  }

  @Test(
    "the samples' SARIF is valid against the SARIF 2.1.0 schema",
    .enabled(if: SARIFSchema.isAvailable, "needs ../shared/schemas/sarif-schema-2.1.0.json and python3 with jsonschema"))
  func schemaValid() throws {
    let output = try CommandRunner.run(["--format", "sarif", "--sarif-category", "infra", "--show-unknown", "samples/"])
    #expect(try SARIFSchema.errors(in: output.stdout) == "")
  }

  @Test(
    "the schema check finds a broken log (so a valid verdict means something)",
    .enabled(if: SARIFSchema.isAvailable, "needs ../shared/schemas/sarif-schema-2.1.0.json and python3 with jsonschema"))
  func schemaCatchesErrors() throws {
    let valid = try CommandRunner.golden("samples.sarif")
    let broken = valid.replacingOccurrences(of: "\"startLine\" : 9", with: "\"startLine\" : 0")
      .replacingOccurrences(of: "\"level\" : \"warning\"", with: "\"level\" : \"severe\"")
    #expect(broken != valid)
    let errors = try SARIFSchema.errors(in: broken)
    #expect(errors.contains("startLine: 0 is less than the minimum of 1"))
    #expect(errors.contains("level: 'severe' is not one of"))
  }

  @Test("a finding after multibyte characters gets UTF-16 columns in SARIF and annotations, characters in text")
  func multibyteColumns() throws {
    let file = "samples/cloudformation/bad-unicode-log-group.yaml"
    let text = try CommandRunner.run(["--format", "gcc", file])
    #expect(text.stdout.hasPrefix("\(file):7:77: error: "))
    let github = try CommandRunner.run(["--format", "github", file])
    #expect(github.stdout.hasPrefix("::error file=\(file),line=7,col=78,endLine=7,endColumn=79,title=TW202 "))
    let sarif = try CommandRunner.run(["--format", "sarif", file])
    #expect(sarif.stdout.contains("\"endColumn\" : 79,\n                  \"endLine\" : 7,\n                  \"startColumn\" : 78,"))
  }

  @Test("--sarif-category sets the automation id")
  func category() throws {
    let output = try CommandRunner.run(["--format", "sarif", "--sarif-category", "infra/stacks", "samples/cloudformation/good-audit-trail.yaml"])
    let log = try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any]
    let run = try #require((log?["runs"] as? [[String: Any]])?.first)
    #expect((run["automationDetails"] as? [String: String]) == ["id": "infra/stacks/"])
    #expect((run["results"] as? [Any])?.isEmpty == true)
    #expect(output.exitCode == 0)
  }

  @Test("GitLab gets an empty array when nothing is found")
  func gitlabEmpty() throws {
    let output = try CommandRunner.run(["--format", "gitlab", "samples/cloudformation/good-audit-trail.yaml"])
    #expect(output.stdout == "[]\n")
  }

  /// A scratch directory, removed afterwards.
  func scratch() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("trailwatch-output-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  @Test("--output writes each report to its file while the console shows --format; nothing else is touched")
  func outputs() throws {
    let directory = try scratch()
    defer { try? FileManager.default.removeItem(at: directory) }
    let keep = directory.appendingPathComponent("keep.txt")
    try Data("mine\n".utf8).write(to: keep)
    let sarif = directory.appendingPathComponent("trailwatch.sarif").path
    let junit = directory.appendingPathComponent("junit.xml").path
    let gitlab = directory.appendingPathComponent("gl-code-quality-report.json").path
    try Data("an older report that is longer than nothing\n".utf8).write(to: URL(fileURLWithPath: gitlab))
    let output = try CommandRunner.run([
      "--output", "sarif=\(sarif)", "--output", "junit=\(junit)", "--output", "gitlab=\(gitlab)", "samples/",
    ])
    #expect(output.stdout == (try CommandRunner.golden("samples.txt")))
    #expect(output.stderr == "")
    #expect(output.exitCode == 1)
    #expect(try String(contentsOfFile: sarif, encoding: .utf8) == (try CommandRunner.golden("samples.sarif")))
    #expect(try String(contentsOfFile: junit, encoding: .utf8) == (try CommandRunner.golden("samples.junit.xml")))
    #expect(try String(contentsOfFile: gitlab, encoding: .utf8) == (try CommandRunner.golden("samples.gitlab.json")))
    let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
    #expect(names == ["gl-code-quality-report.json", "junit.xml", "keep.txt", "trailwatch.sarif"])
    #expect(try String(contentsOf: keep, encoding: .utf8) == "mine\n")
  }

  @Test(
    "a bad --output is a usage error before anything is linted",
    arguments: [
      (["--output", "yaml=out.yaml"], "--output: unknown format 'yaml' in 'yaml=out.yaml'; the formats are text, gcc, json, sarif, junit, github, gitlab"),
      (["--output", "report.sarif"], "--output expects FORMAT=PATH (FORMAT one of text, gcc, json, sarif, junit, github, gitlab), got 'report.sarif'"),
      (["--output", "sarif="], "--output: no path after 'sarif=' in 'sarif='"),
      (["--output", "sarif=/no-such-directory/x.sarif"], "--output: cannot create /no-such-directory/x.sarif: directory /no-such-directory does not exist"),
      (["--output", "sarif=samples"], "--output: samples is a directory"),
      (["--output", "sarif=/tmp/tw-twice.sarif", "--output", "json=/tmp/tw-twice.sarif"], "--output: /tmp/tw-twice.sarif is named twice"),
    ])
  func badOutput(arguments: [String], message: String) throws {
    let output = try CommandRunner.run(arguments + ["samples/"])
    #expect(output.exitCode == 2)
    #expect(output.stdout == "")
    #expect(output.stderr.contains("Error: \(message)"), "\(output.stderr)")
  }

  @Test("a report that cannot be written whole exits 2 and says why", .enabled(if: FileManager.default.fileExists(atPath: "/dev/full")))
  func outputDeviceFull() throws {
    let output = try CommandRunner.run(["--output", "json=/dev/full", "samples/cloudformation/good-audit-trail.yaml"])
    #expect(output.stdout == "1 file linted: no findings\n")
    #expect(output.stderr == "trailwatch: cannot write /dev/full: no space left on device\n")
    #expect(output.exitCode == 2)
  }

  @Test("--output never overwrites a file being linted")
  func neverOverwritesInput() throws {
    let directory = try scratch()
    defer { try? FileManager.default.removeItem(at: directory) }
    let template = directory.appendingPathComponent("stack.yaml")
    let original = try String(contentsOfFile: "samples/cloudformation/good-audit-trail.yaml".inPackage, encoding: .utf8)
    try Data(original.utf8).write(to: template)
    let named = try CommandRunner.run(["--output", "json=\(template.path)", template.path])
    #expect(named.exitCode == 2)
    #expect(named.stderr.contains("--output: \(template.path) is \(template.path), which is being linted"))
    let walked = try CommandRunner.run(["--output", "json=\(template.path)", directory.path])
    #expect(walked.exitCode == 2)
    #expect(walked.stderr == "trailwatch: --output: \(template.path) is \(template.path), which was linted; trailwatch never overwrites its input\n")
    #expect(walked.stdout == "1 file linted: no findings\n")
    #expect(try String(contentsOf: template, encoding: .utf8) == original)
  }
}

extension String {
  /// A path relative to the package root, made absolute.
  var inPackage: String {
    CommandRunner.packageRoot.appendingPathComponent(self).path
  }
}
