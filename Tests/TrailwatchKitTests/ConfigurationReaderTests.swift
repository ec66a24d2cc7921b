import InfraModel
import Rules
import Testing
import TrailwatchKit

/// `.trailwatch.yml`: every setting read, every mistake reported at its line and column.
struct ConfigurationReaderTests {
  private func read(_ yaml: String) throws(ConfigurationError) -> Configuration {
    var reader = ConfigurationReader(path: "repo/.trailwatch.yml", directory: "/work/repo")
    return try reader.read(Array(yaml.utf8))
  }

  /// The messages reading `yaml` throws; empty when it reads.
  private func errors(_ yaml: String) -> [String] {
    do {
      _ = try read(yaml)
      return []
    } catch {
      return error.messages
    }
  }

  @Test("every key is read")
  func everyKey() throws {
    let configuration = try read("""
      min-retention-days: 400
      retention-scope: all-log-groups
      rules:
        TW201: error
        trail-missing-role: "off"
        TW203: note
      exclude:
        - cdk.out
        - "stacks/legacy/**/*.json"
      baseline: ci/baseline.json
      suppressions:
        - rule: TW101
          file: stacks/*.yaml
          resource: OrgTrail
          reason: The organization trail delivers.
          until: 2030-01-31
        - rule: all
          resource: module.audit.aws_cloudwatch_log_group.this
      """)
    #expect(configuration.minRetentionDays == 400)
    #expect(configuration.retentionScope == .allLogGroups)
    #expect(configuration.ruleLevels == RuleLevels(["TW201": .severity(.error), "TW102": .off, "TW203": .severity(.note)]))
    #expect(configuration.exclude.globs.map(\.pattern) == ["cdk.out", "stacks/legacy/**/*.json"])
    #expect(configuration.exclude.directory == "/work/repo")
    #expect(configuration.baseline == "/work/repo/ci/baseline.json")
    let first = try #require(configuration.suppressions.first)
    #expect(first.ruleID == "TW101")
    #expect(first.file?.pattern == "stacks/*.yaml")
    #expect(first.resource == "OrgTrail")
    #expect(first.reason == "The organization trail delivers.")
    #expect(first.until == CalendarDate(year: 2030, month: 1, day: 31))
    #expect(first.range.start.line == 12 && first.range.start.column == 5)
    #expect(first.configurationFile == "repo/.trailwatch.yml")
    let second = try #require(configuration.suppressions.last)
    #expect(second.ruleID == nil && second.file == nil && second.resource == "module.audit.aws_cloudwatch_log_group.this")
  }

  @Test("an empty file, or one with only comments, leaves every default", arguments: ["", "# nothing yet\n", "---\n"])
  func empty(yaml: String) throws {
    let configuration = try read(yaml)
    #expect(configuration.minRetentionDays == nil && configuration.retentionScope == nil)
    #expect(configuration.ruleLevels == RuleLevels() && configuration.exclude.globs.isEmpty)
    #expect(configuration.baseline == nil && configuration.suppressions.isEmpty)
  }

  @Test("what trailwatch init writes reads back as the defaults")
  func defaultConfiguration() throws {
    let configuration = try read(DefaultConfiguration.text)
    #expect(configuration.minRetentionDays == RuleSettings().minRetentionDays)
    #expect(configuration.retentionScope == RuleSettings().retentionScope)
    #expect(configuration.ruleLevels == RuleLevels() && configuration.exclude.globs.isEmpty)
    #expect(configuration.baseline == nil && configuration.suppressions.isEmpty)
    // Every key is in it, so a user sees each one.
    for key in ConfigurationReader.keys {
      #expect(DefaultConfiguration.text.contains("\(key):"), "\(key)")
    }
  }

  @Test("every mistake is reported at once, each at its line and column")
  func mistakes() {
    #expect(errors("""
      min-retention-day: 30
      retention-scope: everything
      rules:
        TW201: loud
        TW2O1: error
      exclude:
        - "stacks/[a"
        - a**b
      suppressions:
        - rule: TW101
          until: 2024-02-30
          reasons: typo
        - file: x.yaml
        - TW101
      """) == [
        "repo/.trailwatch.yml:1:1: unknown key 'min-retention-day' (did you mean 'min-retention-days'?); the keys are "
          + "min-retention-days, retention-scope, rules, exclude, baseline, suppressions",
        "repo/.trailwatch.yml:2:18: retention-scope must be trail-log-groups or all-log-groups; found 'everything'",
        "repo/.trailwatch.yml:4:10: the level of TW201 must be off, error, warning or note; found 'loud'",
        "repo/.trailwatch.yml:5:3: unknown rule 'TW2O1' (did you mean 'TW201'?); the rules are "
          + "TW001, TW002, TW003, TW004, TW005, TW006, TW101, TW102, TW103, TW104, TW105, TW106, TW201, TW202, TW203",
        "repo/.trailwatch.yml:7:5: bad glob 'stacks/[a': '[' is never closed with ']'",
        "repo/.trailwatch.yml:8:5: bad glob 'a**b': '**' must be a whole path segment, as in 'stacks/**/*.yaml'",
        "repo/.trailwatch.yml:11:12: until must be a date written YYYY-MM-DD, such as 2025-12-31; found '2024-02-30'",
        "repo/.trailwatch.yml:12:5: unknown key 'reasons' in a suppression (did you mean 'reason'?); the keys are "
          + "rule, file, resource, reason, until",
        "repo/.trailwatch.yml:13:5: a suppression needs 'rule' (a rule id, a rule name or all)",
        "repo/.trailwatch.yml:14:5: a suppression must be a mapping with rule, file, resource, reason and until",
      ])
  }

  @Test("values of the wrong kind say what they should be", arguments: [
    ("min-retention-days: 0\n", "repo/.trailwatch.yml:1:21: min-retention-days must be a whole number of days from 1 to 3653, the longest retention CloudWatch Logs offers; found '0'"),
    ("min-retention-days: [365]\n", "repo/.trailwatch.yml:1:21: min-retention-days must be a whole number of days from 1 to 3653, the longest retention CloudWatch Logs offers; found a list"),
    ("min-retention-days: 3654\n", "repo/.trailwatch.yml:1:21: min-retention-days must be a whole number of days from 1 to 3653, the longest retention CloudWatch Logs offers; found '3654'"),
    ("min-retention-days:\n", "repo/.trailwatch.yml:1:20: min-retention-days must be a whole number of days from 1 to 3653, the longest retention CloudWatch Logs offers; found nothing"),
    ("rules: [TW201]\n", "repo/.trailwatch.yml:1:8: rules must map rule ids to off, error, warning or note, as in 'TW201: error'"),
    ("exclude: cdk.out\n", "repo/.trailwatch.yml:1:10: exclude must be a list of globs, such as ['cdk.out/**']"),
    ("exclude: [{a: 1}]\n", "repo/.trailwatch.yml:1:11: an exclude pattern must be a glob such as 'stacks/**/*.yaml'; found a mapping"),
    ("baseline: {}\n", "repo/.trailwatch.yml:1:11: baseline must be the path of a baseline file, relative to this file; found a mapping"),
    ("suppressions: {rule: TW101}\n", "repo/.trailwatch.yml:1:15: suppressions must be a list of entries with rule, file, resource, reason and until"),
    ("suppressions: [{rule: TW9}]\n", "repo/.trailwatch.yml:1:23: unknown rule 'TW9'; the rules are TW001, TW002, TW003, TW004, TW005, TW006, TW101, TW102, TW103, TW104, TW105, TW106, TW201, TW202, TW203, or all"),
    ("suppressions: [{rule: TW101, until: 31.12.2025}]\n", "repo/.trailwatch.yml:1:37: until must be a date written YYYY-MM-DD, such as 2025-12-31; found '31.12.2025'"),
    ("suppressions: [{rule: TW101, resource: [a]}]\n", "repo/.trailwatch.yml:1:40: resource must be a logical id or a Terraform address; found a list"),
    ("- min-retention-days: 365\n", "repo/.trailwatch.yml:1:1: the configuration must be a mapping of settings, such as 'min-retention-days: 365'"),
    ("rules:\n  TW201: error\n  TW201: note\n", "repo/.trailwatch.yml:3:3: duplicate key 'TW201' (first defined at line 2, column 3)"),
    ("rules: {TW201: error\n", "repo/.trailwatch.yml:2:1: while parsing a flow mapping: did not find expected ',' or '}'"),
  ])
  func wrongKinds(yaml: String, message: String) {
    #expect(errors(yaml) == [message])
  }
}
