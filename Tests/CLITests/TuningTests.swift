import Foundation
import Testing

/// Living with the linter from the command line: `.trailwatch.yml`, `trailwatch init`, suppressions
/// and baselines, with exact output and exit codes.
struct TuningTests {
  static let stack = """
    Resources:
      AuditTrail:  # trailwatch:ignore TW102 the role is created by the organization
        Type: AWS::CloudTrail::Trail
        Properties: {IsLogging: true, S3BucketName: audit}
      DebugLogs:
        Type: AWS::Logs::LogGroup

    """

  @Test("a configuration mistake exits 2 and names its line and column")
  func configurationError() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    try directory.write("stack.yaml", Self.stack)
    try directory.write(".trailwatch.yml", "min-retention-days: 365\nrules:\n  TW201: loud\n")
    let output = try CommandRunner.run(["stack.yaml"], in: directory.url)
    #expect(output.stderr == ".trailwatch.yml:3:10: the level of TW201 must be off, error, warning or note; found 'loud'\n")
    #expect(output.stdout == "")
    #expect(output.exitCode == 2)
  }

  @Test("the configuration is found up to the repository root, and no further")
  func discovery() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    try directory.write(".trailwatch.yml", "this: is outside the repository\n")
    _ = try directory.directory("repo/.git")
    let inner = try directory.directory("repo/stacks")
    try directory.write("repo/stacks/stack.yaml", Self.stack)
    let outside = try CommandRunner.run(["--format", "gcc", "stack.yaml"], in: inner)
    #expect(outside.exitCode == 1)
    #expect(outside.stdout == """
      stack.yaml:2:3: error: trail 'AuditTrail' has no CloudWatchLogsLogGroupArn, so its events never reach CloudWatch Logs [TW101]
      stack.yaml:5:3: warning: log group 'DebugLogs' has no RetentionInDays, so it keeps its events forever [TW201]

      """)
    try directory.write("repo/.trailwatch.yml", "rules: {TW101: off}\nexclude: [unknown-key-below]\nsuppresions: []\n")
    let found = try CommandRunner.run(["stack.yaml"], in: inner)
    #expect(found.stderr == """
      ../.trailwatch.yml:3:1: unknown key 'suppresions' (did you mean 'suppressions'?); the keys are min-retention-days, \
      retention-scope, rules, exclude, baseline, suppressions

      """)
    #expect(found.exitCode == 2)
    try directory.write("repo/.trailwatch.yml", "rules: {TW101: off}\n")
    let fixed = try CommandRunner.run(["stack.yaml"], in: inner)
    #expect(fixed.stdout == "stack.yaml:5:3: warning: log group 'DebugLogs' has no RetentionInDays, so it keeps its events forever [TW201]\n1 file linted: 1 warning (1 suppressed)\n")
  }

  @Test("--config names the file; a missing one exits 2")
  func explicitConfiguration() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    try directory.write("stack.yaml", Self.stack)
    try directory.write("ci/strict.yml", "rules: {log-group-missing-retention: error}\n")
    let output = try CommandRunner.run(["--format", "gcc", "--config", "ci/strict.yml", "stack.yaml"], in: directory.url)
    #expect(output.stdout.contains("stack.yaml:5:3: error: log group 'DebugLogs'"))
    let missing = try CommandRunner.run(["--config", "ci/none.yml", "stack.yaml"], in: directory.url)
    #expect(missing.stderr == "ci/none.yml: no such file or directory\n")
    #expect(missing.exitCode == 2)
  }

  @Test("flags override the configuration file")
  func flagsOverride() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    try directory.write("stack.yaml", """
      Resources:
        Logs:
          Type: AWS::Logs::LogGroup
          Properties: {RetentionInDays: 30}

      """)
    try directory.write(".trailwatch.yml", "min-retention-days: 90\nretention-scope: all-log-groups\n")
    let fromFile = try CommandRunner.run(["--format", "gcc", "stack.yaml"], in: directory.url)
    #expect(fromFile.stdout == "stack.yaml:4:35: error: log group 'Logs' keeps its events for 30 days, fewer than the minimum of 90 [TW202]\n")
    let fromFlag = try CommandRunner.run(["--format", "gcc", "--min-retention", "30", "stack.yaml"], in: directory.url)
    #expect(fromFlag.stdout == "")
    let scope = try CommandRunner.run(["--format", "gcc", "--retention-scope", "trail-log-groups", "stack.yaml"], in: directory.url)
    #expect(scope.stdout == "")
  }

  @Test("trailwatch init writes a working configuration and never overwrites one")
  func initialize() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let first = try CommandRunner.run(["init"], in: directory.url)
    #expect(first.stdout == "wrote .trailwatch.yml\n")
    #expect(first.exitCode == 0)
    let written = try directory.read(".trailwatch.yml")
    #expect(written.hasPrefix("# trailwatch configuration. Command-line flags override these settings.\n"))
    try directory.write("stack.yaml", Self.stack)
    #expect(try CommandRunner.run(["--fail-on", "never", "stack.yaml"], in: directory.url).exitCode == 0)
    try directory.write(".trailwatch.yml", "# mine\n")
    let second = try CommandRunner.run(["init"], in: directory.url)
    #expect(second.stderr == "trailwatch: .trailwatch.yml already exists; trailwatch init does not overwrite it\n")
    #expect(second.exitCode == 2)
    #expect(try directory.read(".trailwatch.yml") == "# mine\n")
  }

  @Test("suppressed findings are not printed, are counted, and do not fail the run")
  func suppressedDoNotFail() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    try directory.write("stack.yaml", Self.stack)
    try directory.write(".trailwatch.yml", """
      suppressions:
        - rule: TW101
          resource: AuditTrail
          reason: delivered by the organization trail
        - {rule: TW201, file: "*.yaml", resource: DebugLogs}

      """)
    let output = try CommandRunner.run(["stack.yaml"], in: directory.url)
    #expect(output.stdout == "1 file linted: no findings (3 suppressed)\n")
    #expect(output.exitCode == 0)
    let strict = try CommandRunner.run(["--report-unused", "--require-reason", "--format", "gcc", "stack.yaml"], in: directory.url)
    #expect(strict.stdout == """
      .trailwatch.yml:5:5: warning: suppression of TW201 for 'DebugLogs' in '*.yaml' gives no reason; write why the finding is accepted [TW004]

      """)
    #expect(strict.exitCode == 1)
    let json = try CommandRunner.run(["--format", "json", "stack.yaml"], in: directory.url)
    #expect(json.stdout.contains("""
            "suppression" : {
              "column" : 5,
              "file" : ".trailwatch.yml",
              "justification" : "delivered by the organization trail",
              "kind" : "external",
              "line" : 2,
              "source" : "config"
            }
      """))
    #expect(json.stdout.contains("\"suppressed\" : 3,"))
  }

  @Test("a pre-commit run over other files is not failed by an expired suppression for a file it did not lint")
  func expiredElsewhere() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    try directory.write("stack.yaml", Self.stack)
    try directory.write("app.yaml", "Resources:\n  Logs:\n    Type: AWS::Logs::LogGroup\n    Properties: {RetentionInDays: 365}\n")
    try directory.write(".trailwatch.yml", """
      suppressions:
        - {rule: TW201, file: stack.yaml, reason: deleted with the stack, until: 2020-01-31}

      """)
    let other = try CommandRunner.run(["--format", "gcc", "app.yaml"], in: directory.url)
    #expect(other.stdout == "")
    #expect(other.exitCode == 0)
    let covered = try CommandRunner.run(["--format", "gcc", "stack.yaml"], in: directory.url)
    #expect(covered.stdout == """
      .trailwatch.yml:2:5: warning: suppression of TW201 in 'stack.yaml' expired on 2020-01-31, so what it suppressed is \
      reported again; fix it or renew the date [TW003]
      stack.yaml:2:3: error: trail 'AuditTrail' has no CloudWatchLogsLogGroupArn, so its events never reach CloudWatch Logs [TW101]
      stack.yaml:5:3: warning: log group 'DebugLogs' has no RetentionInDays, so it keeps its events forever [TW201]

      """)
    #expect(covered.exitCode == 1)
  }

  @Test("--write-baseline records the findings; --baseline then reports only new ones")
  func baseline() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    try directory.write("stacks/audit.yaml", Self.stack)
    let written = try CommandRunner.run(["--write-baseline", "baseline.json", "stacks"], in: directory.url)
    #expect(written.stderr == "trailwatch: wrote 2 entries to baseline.json\n")
    #expect(written.stdout == "1 file linted: no findings (1 suppressed, 2 in the baseline)\n")
    #expect(written.exitCode == 0)
    #expect(try directory.read("baseline.json") == """
      {
        "findings" : [
          {
            "file" : "stacks/audit.yaml",
            "resource" : "AuditTrail",
            "rule" : "TW101"
          },
          {
            "file" : "stacks/audit.yaml",
            "resource" : "DebugLogs",
            "rule" : "TW201"
          }
        ],
        "version" : 1
      }

      """)
    try directory.write("stacks/audit.yaml", "# moved down\n" + Self.stack + "  MoreLogs:\n    Type: AWS::Logs::LogGroup\n")
    let next = try CommandRunner.run(["--baseline", "baseline.json", "--format", "gcc", "./stacks/"], in: directory.url)
    #expect(next.stdout == "./stacks/audit.yaml:8:3: warning: log group 'MoreLogs' has no RetentionInDays, so it keeps its events forever [TW201]\n")
    #expect(next.exitCode == 1)
    // The configuration's baseline key is relative to the configuration file, found at the
    // repository root.
    _ = try directory.directory(".git")
    let stacks = try directory.directory("stacks")
    try directory.write(".trailwatch.yml", "baseline: baseline.json\n")
    let fromConfig = try CommandRunner.run(["audit.yaml"], in: stacks)
    #expect(fromConfig.stdout.hasSuffix("1 file linted: 1 warning (1 suppressed, 2 in the baseline)\n"))
    let clobber = try CommandRunner.run(["--write-baseline", "stacks/audit.yaml", "stacks"], in: directory.url)
    #expect(clobber.stderr == "trailwatch: --write-baseline: stacks/audit.yaml is stacks/audit.yaml, which was linted; trailwatch never overwrites its input\n")
    #expect(clobber.exitCode == 2)
    #expect(try directory.read("stacks/audit.yaml").hasPrefix("# moved down\n"))
    let missing = try CommandRunner.run(["--baseline", "none.json", "stacks"], in: directory.url)
    #expect(missing.stderr == "none.json: cannot read the baseline; write one with --write-baseline none.json\n")
    #expect(missing.exitCode == 2)
  }
}
