import Rules
import SourceMap
import Testing
import TrailwatchKit

/// Evaluation stays bounded: hundreds of conditions that name each other, deeply nested `Fn::If`,
/// and aliases that make a small file a large tree are all decided (or left unknown) without a
/// combinatorial blow-up. These tests assert outcomes; a blow-up would not finish.
struct BoundsTests {
  static let count = 200

  /// C0 is decided by a parameter; every later condition is `Fn::And` of the two before it, so
  /// deciding C199 naively would visit C0 about 2^140 times.
  static func conditionsYAML() -> String {
    var lines = ["  C0: !Equals [!Ref Stage, prod]", "  C1: !Not [!Equals [!Ref Stage, dev]]"]
    for index in 2..<count {
      lines.append("  C\(index): !And [!Condition C\(index - 1), !Condition C\(index - 2)]")
    }
    return lines.joined(separator: "\n")
  }

  static func conditionsJSON() -> String {
    var entries = [
      #""C0": {"Fn::Equals": [{"Ref": "Stage"}, "prod"]}"#, #""C1": {"Fn::Not": [{"Fn::Equals": [{"Ref": "Stage"}, "dev"]}]}"#,
    ]
    for index in 2..<count {
      entries.append(#""C\#(index)": {"Fn::And": [{"Condition": "C\#(index - 1)"}, {"Condition": "C\#(index - 2)"}]}"#)
    }
    return entries.joined(separator: ",\n  ")
  }

  /// `!If [C199, !If [C198, … !If [C190, NoValue, Arn] …, Arn], Arn]`: ten levels, one absent branch.
  static func nestedIfYAML(levels: Int) -> String {
    var value = "!Ref AWS::NoValue"
    for level in 0..<levels {
      value = "!If [C\(count - levels + level), \(value), !GetAtt LG.Arn]"
    }
    return value
  }

  static func nestedIfJSON(levels: Int) -> String {
    var value = #"{"Ref": "AWS::NoValue"}"#
    for level in 0..<levels {
      value = #"{"Fn::If": ["C\#(count - levels + level)", \#(value), {"Fn::GetAtt": ["LG", "Arn"]}]}"#
    }
    return value
  }

  static func template(yaml: Bool, levels: Int) -> String {
    if yaml {
      return """
        Parameters:
          Stage: {Type: String, Default: prod}
        Conditions:
        \(conditionsYAML())
        Resources:
          LG:
            Type: AWS::Logs::LogGroup
            Properties: {RetentionInDays: 365}
          Trail:
            Type: AWS::CloudTrail::Trail
            Properties:
              IsLogging: true
              S3BucketName: bucket
              CloudWatchLogsRoleArn: arn:aws:iam::123456789012:role/CloudTrailToLogs
              CloudWatchLogsLogGroupArn: \(nestedIfYAML(levels: levels))
        """
    }
    return """
      {"Parameters": {"Stage": {"Type": "String", "Default": "prod"}},
       "Conditions": {
        \(conditionsJSON())},
       "Resources": {"LG": {"Type": "AWS::Logs::LogGroup", "Properties": {"RetentionInDays": 365}},
        "Trail": {"Type": "AWS::CloudTrail::Trail", "Properties": {"IsLogging": true, "S3BucketName": "bucket",
          "CloudWatchLogsRoleArn": "arn:aws:iam::123456789012:role/CloudTrailToLogs",
          "CloudWatchLogsLogGroupArn": \(nestedIfJSON(levels: levels))}}}}
      """
  }

  static func lint(_ text: String, path: String, showUnknown: Bool = false) -> [String] {
    SourceLinter(settings: RuleSettings(showUnknown: showUnknown)).lint(Array(text.utf8), path: path).findings.map {
      "\($0.range.start.line):\($0.range.start.column) \($0.ruleID) \($0.severity.rawValue): \($0.message)"
    }
  }

  @Test("200 conditions naming each other and ten nested Fn::If are decided in one pass", arguments: [true, false])
  func manyConditions(yaml: Bool) {
    let text = Self.template(yaml: yaml, levels: 10)
    let conditions = (190..<200).map { "condition C\($0) is true" }.joined(separator: " and ")
    let defaults = (190..<200).map { "C\($0) is true" }.joined(separator: " and ")
    // The innermost `Ref AWS::NoValue`, after 200 condition lines and ten `!If [C19x, ` (11
    // characters each; JSON `{"Fn::If": ["C19x", `, 20 each) from the value's column (34 in both).
    let line = yaml ? 214 : 206
    let column = 34 + 10 * (yaml ? 11 : 20)
    #expect(Self.lint(text, path: yaml ? "t.yaml" : "t.json") == [
      "\(line):\(column) TW101 error: trail 'Trail' has no CloudWatchLogsLogGroupArn when \(conditions), "
        + "so its events never reach CloudWatch Logs; with the parameter defaults \(defaults)"
    ])
  }
}

extension BoundsTests {
  @Test("Fn::If nested past what trailwatch evaluates becomes unknown, a note with --show-unknown", arguments: [true, false])
  func tooManyBranches(yaml: Bool) {
    let text = Self.template(yaml: yaml, levels: 40)
    #expect(Self.lint(text, path: yaml ? "t.yaml" : "t.json") == [])
    let notes = Self.lint(text, path: yaml ? "t.yaml" : "t.json", showUnknown: true)
    // Past 64 levels of nesting the inner value is unknown; each If above adds a branch, and the
    // outermost is the one with more than 16.
    let line = yaml ? 214 : 206
    #expect(notes == [
      "\(line - 1):30 TW103 note: whether the role of trail 'Trail' can deliver to CloudWatch Logs cannot be checked: "
        + "arn:aws:iam::123456789012:role/CloudTrailToLogs is not a role in this file",
      "\(line):34 TW101 note: CloudWatchLogsLogGroupArn of trail 'Trail' cannot be checked before deploy: "
        + "it has more combinations of conditions than trailwatch evaluates"
    ])
  }

  @Test("aliases that make a small YAML file a huge value tree are evaluated within a step budget")
  func aliasBomb() {
    // Fourteen levels of doubling: the retention value stands for 3 × 2^14 copies of `!Ref Days`.
    var lines = ["Parameters:", "  Days: {Type: Number, Default: 30}",
                 "Resources:", "  LG:", "    Type: AWS::Logs::LogGroup", "    Metadata:", "      l0: &l0 !Select [0, [!Ref Days]]"]
    for level in 1...14 {
      lines.append("      l\(level): &l\(level) !Select [0, [*l\(level - 1), *l\(level - 1)]]")
    }
    lines += ["    Properties:", "      RetentionInDays: !Join [\"\", [*l14, *l14, *l14]]"]
    let findings = Self.lint(lines.joined(separator: "\n"), path: "bomb.yaml", showUnknown: true)
    #expect(findings == [
      "23:24 TW201 note: RetentionInDays of log group 'LG' cannot be checked before deploy: the value is too large to evaluate"
    ])
  }
}
