import InfraModel
import Rules
import Testing
import TrailwatchKit

/// `.trailwatch.yml`: suppressions by file glob and resource, exclusion, rule levels, on real files.
struct ConfiguredSuppressionTests {
  static let yamlStack = """
    Resources:
      AuditTrail:
        Type: AWS::CloudTrail::Trail
        Properties: {IsLogging: true, S3BucketName: audit}
      DebugLogs:
        Type: AWS::Logs::LogGroup
    """
  static let jsonStack = """
    {"Resources": {
      "AuditTrail": {"Type": "AWS::CloudTrail::Trail", "Properties": {"IsLogging": true, "S3BucketName": "audit"}},
      "DebugLogs": {"Type": "AWS::Logs::LogGroup"}
    }}
    """

  /// Writes the stacks and the configuration, lints the scratch directory as the working directory,
  /// and returns "file line:col rule ← …" for every finding, paths relative to the scratch directory.
  private func lint(
    configuration: String, files: [String: String], paths: [String] = ["."], unused: Bool = false, reasons: Bool = false
  ) async throws -> [String] {
    let scratch = try Scratch()
    defer { scratch.remove() }
    for (name, text) in files { try scratch.write(name, text) }
    let configPath = try scratch.write(".trailwatch.yml", configuration)
    let resolver = PathResolver(workingDirectory: scratch.directory)
    let loaded = try ConfigurationLoader.load(configPath, resolver: resolver)
    let options = LintOptions(
      paths: paths.map { scratch.path($0) }, jobs: 2, ruleLevels: loaded.ruleLevels, exclude: loaded.exclude,
      suppressions: loaded.suppressions,
      suppressionPolicy: SuppressionPolicy(
        reportsUnused: unused, requiresReasons: reasons, today: CalendarDate(year: 2025, month: 6, day: 15)),
      resolver: resolver)
    let run = await Linter(options: options).run()
    return run.report.findings.map { finding in
      let file = resolver.display(finding.file.hasPrefix("/") ? finding.file : scratch.path(finding.file))
      return "\(file) \(finding.summary)"
    }
  }

  @Test("a suppression by file glob and resource works alike for YAML and JSON")
  func byFileAndResource() async throws {
    let findings = try await lint(
      configuration: """
        suppressions:
          - rule: TW201
            file: "stacks/*"
            resource: DebugLogs
            reason: deleted with the stack
          - rule: trail-missing-role
            resource: AuditTrail
        """,
      files: ["stacks/a.yaml": Self.yamlStack, "stacks/b.json": Self.jsonStack, "other/c.yaml": Self.yamlStack])
    #expect(findings == [
      "other/c.yaml 2:3 TW101", "other/c.yaml 2:3 TW102 ← config 6:5", "other/c.yaml 5:3 TW201",
      "stacks/a.yaml 2:3 TW101", "stacks/a.yaml 2:3 TW102 ← config 6:5", "stacks/a.yaml 5:3 TW201 ← config 2:5 'deleted with the stack'",
      "stacks/b.json 2:3 TW101", "stacks/b.json 2:3 TW102 ← config 6:5", "stacks/b.json 3:3 TW201 ← config 2:5 'deleted with the stack'",
    ])
  }

  @Test("unused, expired and reasonless configuration suppressions are reported in the configuration file")
  func reportsOnConfiguration() async throws {
    let findings = try await lint(
      configuration: """
        suppressions:
          - rule: TW201
            file: "*.yaml"
            resource: RemovedLogs
            reason: gone
          - rule: TW101
            until: 2025-06-01
            reason: the migration
          - rule: all
            resource: DebugLogs
        """,
      files: ["a.yaml": Self.yamlStack], unused: true, reasons: true)
    #expect(findings == [
      ".trailwatch.yml 2:5 TW002", ".trailwatch.yml 6:5 TW003", ".trailwatch.yml 9:5 TW004",
      "a.yaml 2:3 TW101", "a.yaml 2:3 TW102", "a.yaml 5:3 TW201 ← config 9:5",
    ])
  }

  @Test("a run over some files does not call a suppression for other files unused")
  func partialRunUnused() async throws {
    let fixed = Self.yamlStack + "\n    Properties: {RetentionInDays: 365}"
    let findings = try await lint(
      configuration: "suppressions:\n  - {rule: TW201, file: \"other/*.yaml\", reason: elsewhere}\n"
        + "  - {rule: TW201, file: \"stacks/*.yaml\", reason: here}\n",
      files: ["stacks/a.yaml": fixed, "other/b.yaml": Self.yamlStack], paths: ["stacks/a.yaml"], unused: true)
    #expect(findings == [".trailwatch.yml 3:5 TW002", "stacks/a.yaml 2:3 TW101", "stacks/a.yaml 2:3 TW102"])
  }

  static let expiring = """
    suppressions:
      - {rule: TW201, file: "legacy/*.yaml", reason: migrating, until: 2025-06-01}
      - {rule: TW101, resource: SandboxTrail, reason: the organization trail, until: 2025-06-01}
    """
  static let sandbox = "Resources:\n  SandboxTrail:\n    Type: AWS::CloudTrail::Trail\n    Properties: {IsLogging: true}\n"
  static let clean = "Resources:\n  Logs:\n    Type: AWS::Logs::LogGroup\n    Properties: {RetentionInDays: 365}\n"

  @Test("an expired configuration suppression is reported only by a run that lints a file it is about")
  func expiredOnlyWhereItApplies() async throws {
    let files = ["legacy/a.yaml": Self.yamlStack, "sandbox.yaml": Self.sandbox, "app.yaml": Self.clean]
    // A pre-commit run over an unrelated file: neither entry is about it.
    #expect(try await lint(configuration: Self.expiring, files: files, paths: ["app.yaml"]) == [])
    // The file glob matches.
    #expect(try await lint(configuration: Self.expiring, files: files, paths: ["legacy/a.yaml"]) == [
      ".trailwatch.yml 2:5 TW003", "legacy/a.yaml 2:3 TW101", "legacy/a.yaml 2:3 TW102", "legacy/a.yaml 5:3 TW201",
    ])
    // No file glob: a file that holds the resource.
    #expect(try await lint(configuration: Self.expiring, files: files, paths: ["sandbox.yaml"]) == [
      ".trailwatch.yml 3:5 TW003", "sandbox.yaml 2:3 TW101", "sandbox.yaml 2:3 TW102",
    ])
  }

  @Test("in a Terraform module, an expired suppression for a resource concerns the file that declares it")
  func expiredInTerraformModule() async throws {
    let configuration = """
      suppressions:
        - {rule: TW201, resource: aws_cloudwatch_log_group.app, reason: x, until: 2025-06-01}
        - {rule: TW201, file: "infra/logs.tf", resource: aws_cloudwatch_log_group.gone, reason: x, until: 2025-06-01}
        - {rule: TW201, file: "infra/main.tf", resource: aws_cloudwatch_log_group.app, reason: x, until: 2025-06-01}
      """
    let files = [
      "infra/main.tf": "resource \"aws_cloudwatch_log_group\" \"app\" {\n  retention_in_days = 365\n}\n",
      "infra/logs.tf": "resource \"aws_cloudwatch_log_group\" \"kept\" {\n  retention_in_days = 365\n}\n",
    ]
    #expect(try await lint(configuration: configuration, files: files, paths: ["infra"]) == [
      ".trailwatch.yml 2:5 TW003", ".trailwatch.yml 4:5 TW003",
    ])
  }

  @Test("an expired suppression for a resource no linted file holds is unused, with --report-unused")
  func expiredForRemovedResource() async throws {
    let files = ["legacy/a.yaml": Self.clean, "app.yaml": Self.clean]
    #expect(try await lint(configuration: Self.expiring, files: files, unused: true) == [
      ".trailwatch.yml 2:5 TW003", ".trailwatch.yml 3:5 TW002",
    ])
    #expect(try await lint(configuration: Self.expiring, files: files, paths: ["app.yaml"], unused: true) == [
      ".trailwatch.yml 3:5 TW002"
    ])
  }

  @Test("excluded files and directories are not linted, even when named")
  func exclude() async throws {
    let files = [
      "stacks/a.yaml": Self.yamlStack, "stacks/legacy/b.yaml": Self.yamlStack, "cdk.out/c.template.json": Self.jsonStack,
      "app/cdk.out/d.template.json": Self.jsonStack, "e.generated.json": Self.jsonStack,
    ]
    let findings = try await lint(
      configuration: "exclude: [stacks/legacy, cdk.out, \"*.generated.json\"]\n", files: files,
      paths: [".", "stacks/legacy/b.yaml", "e.generated.json"])
    #expect(Set(findings.map { $0.split(separator: " ")[0] }) == ["stacks/a.yaml"])
  }

  @Test("rules set off or to another severity in the configuration")
  func ruleLevels() async throws {
    let findings = try await lint(configuration: "rules: {TW101: off, log-group-missing-retention: error}\n", files: ["a.yaml": Self.yamlStack])
    #expect(findings == ["a.yaml 2:3 TW102", "a.yaml 5:3 TW201"])
  }
}
