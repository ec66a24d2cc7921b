import Rules
import SourceMap
import Testing
import TrailwatchKit

/// `--write-baseline` and `--baseline`: findings keyed by file + resource + rule, never by line.
struct BaselineTests {
  static let stack = """
    AWSTemplateFormatVersion: "2010-09-09"
    Resources:
      AuditTrail:
        Type: AWS::CloudTrail::Trail
        Properties:
          IsLogging: true
          S3BucketName: audit
      DebugLogs:
        Type: AWS::Logs::LogGroup
    """

  /// Lints `path` in `scratch` with `baseline` and returns the summaries of the findings.
  private func lint(_ scratch: Scratch, _ paths: [String] = ["."], baseline: Baseline? = nil) async -> [Finding] {
    let resolver = PathResolver(workingDirectory: scratch.directory)
    let options = LintOptions(paths: paths.map { scratch.path($0) }, jobs: 1, baseline: baseline, resolver: resolver)
    return await Linter(options: options).run().report.findings
  }

  /// Writes a baseline of the current findings to `ci/baseline.json` and reads it back.
  private func writeBaseline(_ scratch: Scratch) async throws -> Baseline {
    let resolver = PathResolver(workingDirectory: scratch.directory)
    let findings = await lint(scratch)
    try scratch.write("ci/.keep", "")
    try Baseline(findings: findings, path: scratch.path("ci/baseline.json"), resolver: resolver).write()
    return try Baseline.read(scratch.path("ci/baseline.json"), resolver: resolver)
  }

  @Test("the baseline file is sorted JSON, relative to its own directory, one entry per file, resource and rule")
  func format() async throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    try scratch.write("stacks/b.yaml", Self.stack)
    try scratch.write("stacks/a.json", #"{"AWSTemplateFormatVersion": "2010-09-09", "Resources": {"L": {"Type": "AWS::Logs::LogGroup"}}, "Resources": 1}"#)
    _ = try await writeBaseline(scratch)
    #expect(try scratch.read("ci/baseline.json") == """
      {
        "findings" : [
          {
            "file" : "../stacks/a.json",
            "message" : "duplicate key 'Resources' (first defined at line 1, column 44)",
            "rule" : "TW001"
          },
          {
            "file" : "../stacks/b.yaml",
            "resource" : "AuditTrail",
            "rule" : "TW101"
          },
          {
            "file" : "../stacks/b.yaml",
            "resource" : "AuditTrail",
            "rule" : "TW102"
          },
          {
            "file" : "../stacks/b.yaml",
            "resource" : "DebugLogs",
            "rule" : "TW201"
          }
        ],
        "version" : 1
      }

      """)
  }

  @Test("with the baseline only new findings are reported; JSON still carries the old ones")
  func onlyNewFindings() async throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    try scratch.write("stack.yaml", Self.stack)
    let baseline = try await writeBaseline(scratch)
    try scratch.write("stack.yaml", Self.stack + "\n  MoreLogs:\n    Type: AWS::Logs::LogGroup\n")
    let findings = await lint(scratch, baseline: baseline)
    #expect(findings.map(\.summary) == [
      "3:3 TW101 ← baseline 3:5", "3:3 TW102 ← baseline 8:5", "8:3 TW201 ← baseline 13:5", "10:3 TW201",
    ])
    #expect(findings[0].suppression?.kind == .external)
    #expect(findings[0].suppression?.file == "ci/baseline.json")
  }

  /// Edits that must not bring a baselined finding back.
  static let edits: [(String, @Sendable (String) -> String)] = [
    ("moving a resource", { _ in
      """
      AWSTemplateFormatVersion: "2010-09-09"
      Resources:
        DebugLogs:
          Type: AWS::Logs::LogGroup
        AuditTrail:
          Type: AWS::CloudTrail::Trail
          Properties:
            IsLogging: true
            S3BucketName: audit
      """
    }),
    ("adding lines above", { "# Audit stack\n# owned by the platform team\n\nDescription: audit\n" + $0 }),
    ("reformatting", { _ in
      """
      {"AWSTemplateFormatVersion": "2010-09-09", "Resources": {"AuditTrail": {"Type": "AWS::CloudTrail::Trail",
      "Properties": {"IsLogging": true, "S3BucketName": "audit"}}, "DebugLogs": {"Type": "AWS::Logs::LogGroup"}}}
      """
    }),
  ]

  @Test("moving, adding lines above or reformatting does not resurrect a baselined finding", arguments: edits.map(\.0))
  func stableUnderEdits(edit: String) async throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    try scratch.write("stack.yaml", Self.stack)
    let baseline = try await writeBaseline(scratch)
    let change = try #require(Self.edits.first { $0.0 == edit }?.1)
    try scratch.write("stack.yaml", change(Self.stack))
    let findings = await lint(scratch, baseline: baseline)
    #expect(findings.count == 3)
    #expect(findings.allSatisfy { $0.suppression?.source == .baseline }, "\(findings.map(\.summary))")
  }

  @Test("a parse error is keyed by its message, without the line numbers in it")
  func parseErrors() async throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    let broken = "AWSTemplateFormatVersion: x\nResources:\n  L:\n    Type: AWS::Logs::LogGroup\n    Type: AWS::Logs::LogGroup\n"
    try scratch.write("broken.yaml", broken)
    let baseline = try await writeBaseline(scratch)
    try scratch.write("broken.yaml", "# moved down\n\n" + broken)
    #expect(await lint(scratch, baseline: baseline).map(\.summary) == ["7:5 TW001 ← baseline 3:5"])
    // Another error in the same file is a new finding.
    try scratch.write("broken.yaml", "AWSTemplateFormatVersion: x\nResources:\n  L: {Type: AWS::Logs::LogGroup\n")
    #expect(await lint(scratch, baseline: baseline).map(\.summary) == ["4:1 TW001"])
  }

  @Test("a baseline that cannot be written says why")
  func unwritable() throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    let baseline = Baseline(entries: [], path: scratch.path("missing/baseline.json"), directory: scratch.path("missing"))
    #expect(throws: ConfigurationError("\(scratch.path("missing/baseline.json")): cannot write the baseline: no such file or directory")) {
      try baseline.write()
    }
  }

  @Test("rewriting the baseline drops what was fixed")
  func fixedFindingsDropped() async throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    try scratch.write("stack.yaml", Self.stack)
    let first = try await writeBaseline(scratch)
    #expect(first.entries.count == 3)
    try scratch.write("stack.yaml", Self.stack + "\n    Properties: {RetentionInDays: 365}\n")
    let resolver = PathResolver(workingDirectory: scratch.directory)
    let findings = await lint(scratch, baseline: first)
    let second = Baseline(findings: findings, path: scratch.path("ci/baseline.json"), resolver: resolver)
    #expect(second.entries.map(\.rule) == ["TW101", "TW102"])
  }

  @Test("rewriting from a run over some files keeps the other files' entries while those files exist")
  func partialRewrite() async throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    try scratch.write("a.yaml", Self.stack)
    try scratch.write("b.yaml", Self.stack)
    try scratch.write("gone.yaml", Self.stack)
    let resolver = PathResolver(workingDirectory: scratch.directory)
    let first = try await writeBaseline(scratch)
    #expect(first.entries.count == 9)
    // a.yaml is fixed and linted on its own; gone.yaml is deleted; b.yaml is not linted.
    try scratch.write("a.yaml", "Resources:\n  L:\n    Type: AWS::Logs::LogGroup\n    Properties: {RetentionInDays: 365}\n")
    try scratch.remove("gone.yaml")
    let findings = await lint(scratch, ["a.yaml"], baseline: first)
    let second = Baseline(
      findings: findings, path: scratch.path("ci/baseline.json"), resolver: resolver, keeping: first,
      lintedFiles: [scratch.path("a.yaml")])
    #expect(second.entries.map { "\($0.file) \($0.resource ?? "") \($0.rule)" } == [
      "../b.yaml AuditTrail TW101", "../b.yaml AuditTrail TW102", "../b.yaml DebugLogs TW201",
    ])
    #expect(second.carriedOver == 3)
  }

  @Test("a baseline that cannot be read is an error at its place", arguments: [
    ("{\"version\": 1, \"findings\": [}", "base.json:1:29: unexpected character '}'"),
    ("[]", "base.json:1:1: a baseline is a JSON object with \"version\": 1 and \"findings\""),
    ("{\"version\": 2, \"findings\": []}", "base.json:1:13: this baseline is not version 1; rewrite it with --write-baseline"),
    ("{\"version\": 1, \"findings\": [{\"file\": \"a.yaml\", \"rule\": \"TW101\"}]}", "base.json:1:29: each finding needs file, rule, and resource or message"),
    ("{\"version\": 1, \"findings\": [{\"file\": \"a.yaml\", \"rule\": \"TW101\", \"line\": 3}]}", "base.json:1:65: unknown key 'line'; an entry has file, rule, resource and message"),
    ("{\"version\": 1, \"findings\": [{\"file\": 1, \"rule\": \"TW101\", \"resource\": \"A\"}]}", "base.json:1:38: file must be a string"),
  ])
  func unreadable(text: String, message: String) throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    try scratch.write("base.json", text)
    let resolver = PathResolver(workingDirectory: scratch.directory)
    #expect(throws: ConfigurationError(message)) { try Baseline.read("base.json".absolute(in: scratch), resolver: resolver) }
  }
}

extension String {
  fileprivate func absolute(in scratch: Scratch) -> String {
    scratch.path(self)
  }
}
