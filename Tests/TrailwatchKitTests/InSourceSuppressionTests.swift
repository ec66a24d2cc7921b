import InfraModel
import Rules
import Testing
import TrailwatchKit

/// Suppressions written in the template: `# trailwatch:ignore` comments, `Metadata.trailwatch`, and
/// the peers' Metadata, in YAML and JSON.
struct InSourceSuppressionTests {
  static let today = CalendarDate(year: 2025, month: 6, day: 15)

  private func lint(
    _ text: String, path: String = "stack.yaml", unused: Bool = false, reasons: Bool = false,
    levels: RuleLevels = RuleLevels(), showUnknown: Bool = false
  ) -> [Finding] {
    let linter = SourceLinter(
      settings: RuleSettings(showUnknown: showUnknown), ruleLevels: levels,
      suppressionPolicy: SuppressionPolicy(reportsUnused: unused, requiresReasons: reasons, today: Self.today))
    return linter.lint(Array(text.utf8), path: path).findings
  }

  private func summaries(_ text: String, path: String = "stack.yaml", unused: Bool = false, reasons: Bool = false) -> [String] {
    lint(text, path: path, unused: unused, reasons: reasons).map(\.summary)
  }

  /// A trail without delivery (TW101, TW102 at line 3) and a log group without retention (TW201 at
  /// line 7), with `marks` put on the lines named.
  private func template(trailKey: String = "", aboveTrail: String = "", logsKey: String = "") -> String {
    """
    Resources:
    \(aboveTrail.isEmpty ? "" : "  \(aboveTrail)\n")  Trail:\(trailKey.isEmpty ? "" : "  \(trailKey)")
        Type: AWS::CloudTrail::Trail
        Properties: {IsLogging: true, S3BucketName: audit}
      # the application's logs
      Logs:\(logsKey.isEmpty ? "" : "  \(logsKey)")
        Type: AWS::Logs::LogGroup
    """
  }

  // MARK: - Comments

  @Test("a comment on the logical-id line suppresses the named rules for the whole resource")
  func commentOnLogicalID() {
    #expect(summaries(template(trailKey: "# trailwatch:ignore TW101,TW102 the organization trail delivers")) == [
      "2:3 TW101 ← comment 2:11 'the organization trail delivers'",
      "2:3 TW102 ← comment 2:11 'the organization trail delivers'",
      "6:3 TW201",
    ])
  }

  @Test("a comment alone on the line above the logical id, even above other comments, suppresses it")
  func commentAbove() {
    #expect(summaries(template(aboveTrail: "# trailwatch:ignore TW101, TW102 -- delivered by the org")) == [
      "3:3 TW101 ← comment 2:3 'delivered by the org'",
      "3:3 TW102 ← comment 2:3 'delivered by the org'",
      "7:3 TW201",
    ])
    let above = template().replacingOccurrences(of: "  # the application's logs", with: "  # trailwatch:ignore TW201 short-lived\n  # the application's logs")
    #expect(summaries(above) == ["2:3 TW101", "2:3 TW102", "7:3 TW201 ← comment 5:3 'short-lived'"])
  }

  @Test("a comment on the finding's own line suppresses findings on that line only")
  func commentOnFindingLine() {
    let text = """
      Resources:
        Trail:
          Type: AWS::CloudTrail::Trail
          Properties:
            CloudWatchLogsLogGroupArn: !GetAtt Logs.Arn
            CloudWatchLogsRoleArn: arn:aws:iam::123456789012:role/ct
        Logs:
          Type: AWS::Logs::LogGroup
          Properties:
            RetentionInDays: 30  # trailwatch:ignore TW202 a test account
        Other:
          Type: AWS::Logs::LogGroup
          Properties:
            RetentionInDays: 366 # trailwatch:ignore TW202 not this rule
      """
    #expect(summaries(text, unused: true) == [
      "10:24 TW202 ← comment 10:28 'a test account'",
      "14:24 TW203",
      "14:28 TW002",
    ])
    let unused = lint(text, unused: true).first { $0.ruleID == "TW002" }
    #expect(unused?.message == "suppression of TW202 for line 14 matches no finding; remove it")
  }

  @Test("all suppresses every rule; names work as well as ids")
  func allAndNames() {
    #expect(summaries(template(trailKey: "# trailwatch:ignore all", logsKey: "# trailwatch:ignore log-group-missing-retention")) == [
      "2:3 TW101 ← comment 2:11", "2:3 TW102 ← comment 2:11", "6:3 TW201 ← comment 6:10",
    ])
  }

  @Test("a # inside a string or a block scalar is not a suppression")
  func hashInsideStrings() {
    let text = """
      Resources:
        Logs:
          Type: AWS::Logs::LogGroup
          Properties:
            LogGroupName: "a # trailwatch:ignore TW201"
        Other:
          Type: AWS::Logs::LogGroup
          Metadata:
            Notes: |
              # trailwatch:ignore TW201 written in a block, so only text
        Third:
          Type: AWS::Logs::LogGroup
          Metadata: {Note: 'x # trailwatch:ignore TW201'}
      """
    #expect(summaries(text, unused: true) == ["2:3 TW201", "6:3 TW201", "11:3 TW201"])
  }

  @Test("a comment that is not about a finding is unused; several ids are judged one by one")
  func unusedComments() {
    let text = template(trailKey: "# trailwatch:ignore TW101,TW201 the org trail", logsKey: "# trailwatch:ignore TW201 short-lived")
    let findings = lint(text, unused: true)
    #expect(findings.map(\.summary) == [
      "2:3 TW101 ← comment 2:11 'the org trail'", "2:3 TW102", "2:11 TW002", "6:3 TW201 ← comment 6:10 'short-lived'",
    ])
    #expect(findings[2].message == "suppression of TW201 for 'Trail' matches no finding; remove it")
    #expect(findings[2].resource == "Trail")
    // Without --report-unused nothing is said.
    #expect(summaries(text).contains { $0.contains("TW002") } == false)
  }

  @Test("--require-reason reports suppressions without a reason, and they still suppress")
  func reasons() {
    let text = template(trailKey: "# trailwatch:ignore TW101", logsKey: "# trailwatch:ignore TW201 : ")
    let findings = lint(text, reasons: true)
    #expect(findings.map(\.summary) == ["2:3 TW101 ← comment 2:11", "2:3 TW102", "2:11 TW004", "6:3 TW201 ← comment 6:10", "6:10 TW004"])
    #expect(findings[2].message == "suppression of TW101 for 'Trail' gives no reason; write why the finding is accepted")
  }

  @Test("an unknown rule is reported and the known ids still suppress")
  func unknownRule() {
    let findings = lint(template(trailKey: "# trailwatch:ignore TW1O2, TW101 typo"))
    #expect(findings.map(\.summary) == ["2:3 TW101 ← comment 2:11 'typo'", "2:3 TW102", "2:11 TW005", "6:3 TW201"])
    #expect(findings[2].message == "suppression names unknown rule 'TW1O2' (did you mean 'TW102'?); trailwatch rules lists the rules")
    let bare = lint(template(trailKey: "# trailwatch:ignore"))
    #expect(bare.first { $0.ruleID == "TW005" }?.message
      == "a trailwatch:ignore comment must name the rules it suppresses, as in '# trailwatch:ignore TW201 reason'")
  }

  @Test("a near miss of # trailwatch:ignore is reported as TW005, not silently ignored", arguments: [
    ("# trailwatch: ignore TW201 short-lived", "trailwatch: ignore"),
    ("# trailwatch ignore TW201", "trailwatch ignore"),
    ("# trailwatch:ingore TW201 short-lived", "trailwatch:ingore"),
    ("# trailwatch:ignored log-group-missing-retention", "trailwatch:ignored"),
    ("# trailwatch-ignore all", "trailwatch-ignore"),
    ("# trailwatch:ignore:TW201", "trailwatch:ignore"),
    ("# trailwatch: Ignore", "trailwatch: Ignore"),
  ])
  func nearMiss(comment: String, written: String) {
    let findings = lint(template(logsKey: comment))
    #expect(findings.map(\.summary) == ["2:3 TW101", "2:3 TW102", "6:3 TW201", "6:10 TW005"])
    #expect(findings.last?.message == "`# \(written)` is not a suppression, so it suppresses nothing; did you mean `# trailwatch:ignore`?")
  }

  @Test("comments that only mention trailwatch are not suppressions, nor near misses", arguments: [
    "# trailwatch ignores the bucket below", "# trailwatch: see the README", "# trailwatchers: ignore TW201",
    "# trailwatch:ignoring", "# trailwatch is ignored here",
  ])
  func notNearMiss(comment: String) {
    #expect(summaries(template(logsKey: comment)) == ["2:3 TW101", "2:3 TW102", "6:3 TW201"])
  }

  @Test("findings about suppressions cannot be suppressed themselves")
  func suppressionFindingsStay() {
    let text = template(trailKey: "# trailwatch:ignore all", logsKey: "# trailwatch:ignore TW002, TW201")
    #expect(summaries(text, unused: true).filter { $0.contains("TW00") } == ["6:10 TW002"])
  }

  // MARK: - Metadata

  @Test("Metadata trailwatch.ignore on a resource takes ids and entries with reason and until")
  func resourceMetadata() {
    let text = """
      Resources:
        Trail:
          Type: AWS::CloudTrail::Trail
          Metadata:
            trailwatch:
              ignore:
                - TW102
                - rule: trail-missing-log-group
                  reason: delivered by the organization trail
                  until: 2025-06-15
          Properties: {IsLogging: true, S3BucketName: audit}
        Logs:
          Type: AWS::Logs::LogGroup
          Metadata: {trailwatch: {ignore: TW201}}
      """
    #expect(summaries(text) == [
      "2:3 TW101 ← metadata 8:13 'delivered by the organization trail'", "2:3 TW102 ← metadata 7:13", "12:3 TW201 ← metadata 14:37",
    ])
  }

  @Test("Metadata in JSON works the same; template-level Metadata covers every resource")
  func jsonAndTemplateMetadata() {
    let text = """
      {
        "Metadata": {"trailwatch": {"ignore": [{"rule": "TW201", "reason": "a sandbox account"}]}},
        "Resources": {
          "Trail": {
            "Type": "AWS::CloudTrail::Trail",
            "Metadata": {"trailwatch": {"ignore": ["TW101", "TW102"]}},
            "Properties": {"IsLogging": true, "S3BucketName": "audit"}
          },
          "Logs": {"Type": "AWS::Logs::LogGroup"},
          "More": {"Type": "AWS::Logs::LogGroup"}
        }
      }
      """
    #expect(summaries(text, path: "stack.json", unused: true) == [
      "4:5 TW101 ← metadata 6:46", "4:5 TW102 ← metadata 6:55",
      "9:5 TW201 ← metadata 2:42 'a sandbox account'", "10:5 TW201 ← metadata 2:42 'a sandbox account'",
    ])
  }

  @Test("Metadata trailwatch that cannot be read is reported where it is written", arguments: [
    ("{trailwatch: [TW201]}", "Metadata trailwatch must be a mapping with the key 'ignore'"),
    ("{trailwatch: {ignores: [TW201]}}", "unknown key 'ignores' in Metadata trailwatch; the only key is 'ignore'"),
    ("{trailwatch: {ignore: {rule: TW201}}}", "Metadata trailwatch.ignore takes a list of rule ids, or of {rule, reason, until} entries"),
    ("{trailwatch: {ignore: [{rule: TW201, reasons: x}]}}", "unknown key 'reasons' in Metadata trailwatch.ignore; the keys are rule, reason, until"),
    ("{trailwatch: {ignore: [{reason: x}]}}", "an entry of Metadata trailwatch.ignore needs 'rule', as in 'rule: TW201'"),
    ("{trailwatch: {ignore: [{rule: TW201, until: 2025-13-01}]}}", "'until' in Metadata trailwatch.ignore must be a date written YYYY-MM-DD"),
    ("{trailwatch: {ignore: [{rule: [TW201]}]}}", "'rule' in Metadata trailwatch.ignore must be a rule id, as in 'rule: TW201'"),
  ])
  func unreadableMetadata(metadata: String, message: String) {
    let findings = lint("Resources:\n  Logs:\n    Type: AWS::Logs::LogGroup\n    Metadata: \(metadata)\n")
    #expect(findings.map(\.ruleID) == ["TW201", "TW005"])
    #expect(findings.last?.message == message)
    #expect(findings.last?.range.start.line == 4)
  }

  // MARK: - Until

  @Test("a suppression holds through its until day and stops the day after, saying so")
  func expiry() {
    func lines(until: String) -> [String] {
      let text = "Resources:\n  Logs:\n    Type: AWS::Logs::LogGroup\n    Metadata:\n      trailwatch:\n        ignore:\n"
        + "          - {rule: TW201, reason: migration, until: \(until)}\n"
      return summaries(text)
    }
    #expect(lines(until: "2025-06-15") == ["2:3 TW201 ← metadata 7:13 'migration'"])
    #expect(lines(until: "2025-06-14") == ["2:3 TW201", "7:13 TW003"])
    let text = "Resources:\n  Logs:\n    Type: AWS::Logs::LogGroup\n    Metadata: {trailwatch: {ignore: [{rule: TW201, until: 2024-12-31}]}}\n"
    #expect(lint(text).last?.message
      == "suppression of TW201 for 'Logs' expired on 2024-12-31, so what it suppressed is reported again; fix it or renew the date")
  }

  // MARK: - Peers

  static let peerTemplates: [String: String] = [
    "TW101": "  Res:\n    Type: AWS::CloudTrail::Trail\n    Properties: {IsLogging: true, S3BucketName: b, CloudWatchLogsRoleArn: arn:aws:iam::1:role/r}\n",
    "TW201": "  Res:\n    Type: AWS::Logs::LogGroup\n",
    "TW202": """
        Res:
          Type: AWS::Logs::LogGroup
          Properties: {RetentionInDays: 30}
        Trail:
          Type: AWS::CloudTrail::Trail
          Properties: {IsLogging: true, S3BucketName: b, CloudWatchLogsLogGroupArn: !GetAtt Res.Arn, CloudWatchLogsRoleArn: arn:aws:iam::1:role/r}

      """,
    "TW203": "  Res:\n    Type: AWS::Logs::LogGroup\n    Properties: {RetentionInDays: 366}\n",
  ]

  static let peerCases: [(PeerSuppressions.Mapping, String)] = PeerSuppressions.table.flatMap { mapping in
    mapping.ruleIDs.map { (mapping, $0) }
  }

  @Test("the peers' Metadata suppressions of the same checks are honoured", arguments: peerCases)
  func peers(mapping: PeerSuppressions.Mapping, ruleID: String) throws {
    let metadata: String
    switch mapping.source {
    case .checkov: metadata = "{checkov: {skip: [{id: \(mapping.peerID), comment: accepted}]}}"
    case .cfnNag: metadata = "{cfn_nag: {rules_to_suppress: [{id: \(mapping.peerID), reason: accepted}]}}"
    default: metadata = "{guard: {SuppressedRules: [\(mapping.peerID)]}}"
    }
    let body = try #require(Self.peerTemplates[ruleID])
    let plain = lint("Resources:\n" + body)
    #expect(plain.contains { $0.ruleID == ruleID && $0.isReported })
    let suppressed = lint("Resources:\n" + body.replacingOccurrences(of: "  Res:\n", with: "  Res:\n    Metadata: \(metadata)\n"), unused: true, reasons: true)
    let finding = try #require(suppressed.first { $0.ruleID == ruleID })
    #expect(finding.suppression?.source.rawValue == mapping.source.rawValue)
    #expect(finding.suppression?.kind == .inSource)
    #expect(finding.suppression?.justification == (mapping.source == .cfnGuard ? nil : "accepted"))
    // Peer suppressions are never reported as unused or without a reason.
    #expect(!suppressed.contains { $0.ruleID.hasPrefix("TW00") })
  }

  @Test("the peers' other ids and shapes are theirs: ignored, never reported")
  func otherPeerIDs() {
    let text = """
      Resources:
        Logs:
          Type: AWS::Logs::LogGroup
          Metadata:
            checkov: {skip: [{id: CKV_AWS_158, comment: KMS is elsewhere}, {comment: no id}]}
            cfn_nag: {rules_to_suppress: W84}
            guard: {SuppressedRules: [CW_LOGGROUP_RETENTION_PERIOD_CHECK_TYPO]}
      """
    #expect(summaries(text, unused: true, reasons: true) == ["2:3 TW201"])
  }

  // MARK: - Rule levels

  @Test("rules can be turned off or given another severity; notes about unknowns stay notes")
  func levels() {
    let text = template()
    let off = lint(text, levels: RuleLevels(["TW101": .off, "TW201": .severity(.error)]))
    #expect(off.map { "\($0.ruleID) \($0.severity)" } == ["TW102 error", "TW201 error"])
    let unknown = "Parameters:\n  Arn: {Type: String}\nResources:\n  Trail:\n    Type: AWS::CloudTrail::Trail\n"
      + "    Properties: {IsLogging: true, S3BucketName: b, CloudWatchLogsLogGroupArn: !Ref Arn, CloudWatchLogsRoleArn: !Ref Arn}\n"
    let notes = lint(unknown, levels: RuleLevels(["TW101": .severity(.warning)]), showUnknown: true)
    #expect(notes.allSatisfy { $0.severity == .note } && !notes.isEmpty)
    let parseError = lint("AWSTemplateFormatVersion: x\nResources: [\n", levels: RuleLevels(["TW001": .severity(.warning)]))
    #expect(parseError.map { "\($0.ruleID) \($0.severity)" } == ["TW001 warning"])
    let expired = "Resources:\n  Logs:\n    Type: AWS::Logs::LogGroup\n    Metadata: {trailwatch: {ignore: [{rule: TW201, until: 2020-01-01}]}}\n"
    #expect(lint(expired, levels: RuleLevels(["TW003": .off])).map(\.ruleID) == ["TW201"])
  }
}

extension String {
  fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
    guard let range = firstRange(of: target) else { return self }
    return replacingCharacters(in: range, with: replacement)
  }
}
