import Testing

/// Templates whose evaluation could explode: nested and circular conditions, huge substitutions,
/// templates with 100,000 resources. Each ends in a bounded, exact outcome.
struct EvaluationBoundsTests {
  static let roleArn = "arn:aws:iam::123456789012:role/trail"

  @Test("200 nested !If on one condition: cut off at the evaluation depth, the dropped branch reported")
  func nestedIf() {
    var value = "!GetAtt Logs.Arn"
    for _ in 0..<200 { value = "!If [C, \(value), !Ref AWS::NoValue]" }
    let text = Lint.trail(
      logGroupArn: value,
      preamble: "Parameters: {P: {Type: String, Default: a}}\nConditions:\n  C: !Equals [!Ref P, a]\n")
    let dropped =
      "error: trail 'Trail' has no CloudWatchLogsLogGroupArn when condition C is false, so its events never reach CloudWatch Logs; with the parameter defaults C is true [TW101]"
    #expect(Lint.lines(text) == ["11:5632: \(dropped)"])
    #expect(Lint.lines(text, showUnknown: true) == [
      "10:30: note: whether the role of trail 'Trail' can deliver to CloudWatch Logs cannot be checked: arn:aws:iam::123456789012:role/trail is not a role in this file [TW103]",
      "11:290: note: CloudWatchLogsLogGroupArn of trail 'Trail' cannot be checked before deploy when condition C is true: the value is nested too deeply to evaluate [TW101]",
      "11:5632: \(dropped)",
    ])
    // One deployment: the condition is decided at every level, down to the same cut-off.
    #expect(Lint.lines(text, overrides: ["P": "a"], showUnknown: true) == [
      "10:30: note: whether the role of trail 'Trail' can deliver to CloudWatch Logs cannot be checked: arn:aws:iam::123456789012:role/trail is not a role in this file [TW103]",
      "11:290: note: CloudWatchLogsLogGroupArn of trail 'Trail' cannot be checked before deploy: the value is nested too deeply to evaluate [TW101]"
    ])
  }

  @Test("20 nested !If on 20 conditions: more combinations than evaluated is unknown, not a finding")
  func manyConditions() {
    var value = "!GetAtt Logs.Arn"
    var conditions = "Conditions:\n"
    for index in 0..<20 {
      value = "!If [C\(index), \(value), !GetAtt Logs.Arn]"
      conditions += "  C\(index): !Equals [!Ref P, a\(index)]\n"
    }
    let text = Lint.trail(logGroupArn: value, preamble: "Parameters: {P: {Type: String, Default: a}}\n" + conditions)
    #expect(Lint.lines(text) == [])
  }

  @Test("circular conditions are undecided, never followed around the circle")
  func circularConditions() {
    let text = Lint.trail(
      logGroupArn: "!If [A, !GetAtt Logs.Arn, !Ref AWS::NoValue]",
      preamble: "Conditions:\n  A: !Condition B\n  B: !Condition A\n")
    #expect(Lint.lines(text) == [
      "11:60: error: trail 'Trail' has no CloudWatchLogsLogGroupArn when condition A is false, so its events never reach CloudWatch Logs [TW101]"
    ])
  }

  @Test("a condition whose value depends on itself through !If, for one deployment")
  func conditionThroughItsOwnIf() {
    let text = Lint.trail(
      logGroupArn: "!If [D, !GetAtt Logs.Arn, !Ref AWS::NoValue]",
      preamble: "Parameters: {P: {Type: String, Default: a}}\nConditions:\n  D: !Equals [!If [D, a, b], !Ref P]\n")
    #expect(Lint.lines(text) == [
      "11:60: error: trail 'Trail' has no CloudWatchLogsLogGroupArn when condition D is false, so its events never reach CloudWatch Logs [TW101]"
    ])
    #expect(Lint.lines(text, overrides: ["P": "a"]) == [
      "11:60: error: trail 'Trail' has no CloudWatchLogsLogGroupArn when condition D is false, so its events never reach CloudWatch Logs [TW101]"
    ])
  }

  @Test("20 conditions, each the And of the next one ten times: decided once each, not 10^20 times")
  func conditionsSharingConditions() {
    var conditions = "Conditions:\n  C20: !Equals [!Ref P, a]\n"
    for index in 0..<20 {
      let next = Array(repeating: "!Condition C\(index + 1)", count: 10).joined(separator: ", ")
      conditions += "  C\(index): !And [\(next)]\n"
    }
    let text = Lint.trail(
      logGroupArn: "!If [C0, !GetAtt Logs.Arn, !Ref AWS::NoValue]",
      preamble: "Parameters: {P: {Type: String, Default: a}}\n" + conditions)
    #expect(Lint.lines(text) == [
      "31:61: error: trail 'Trail' has no CloudWatchLogsLogGroupArn when condition C0 is false, so its events never reach CloudWatch Logs; with the parameter defaults C0 is true [TW101]"
    ])
    #expect(Lint.lines(text, overrides: ["P": "b"]) == [
      "31:61: error: trail 'Trail' has no CloudWatchLogsLogGroupArn, so its events never reach CloudWatch Logs [TW101]"
    ])
  }

  @Test("60 levels of !Sub, each naming the level below twice: 2^60 parts are cut off, not built")
  func subsSharingVariables() {
    var value = "!GetAtt Logs.Arn"
    for _ in 0..<60 { value = "!Sub [\"${X}${X}\", {X: \(value)}]" }
    let text = Lint.trail(logGroupArn: value)
    #expect(Lint.lines(text, showUnknown: true) == [
      "7:30: note: whether the role of trail 'Trail' can deliver to CloudWatch Logs cannot be checked: arn:aws:iam::123456789012:role/trail is not a role in this file [TW103]",
      "8:34: note: CloudWatchLogsLogGroupArn of trail 'Trail' cannot be checked before deploy: the value is too long to evaluate [TW101]"
    ])
  }

  @Test("a !Sub that repeats a 1,000-character variable 2,000 times: past 8 KiB of text is unknown, never quoted")
  func subBuildingLongText() {
    let format = String(repeating: "${X}", count: 2000)
    let text = Lint.trail(logGroupArn: "!Sub [\"\(format)\", {X: \(String(repeating: "x", count: 1000))}]")
    #expect(Lint.lines(text, showUnknown: true) == [
      "7:30: note: whether the role of trail 'Trail' can deliver to CloudWatch Logs cannot be checked: arn:aws:iam::123456789012:role/trail is not a role in this file [TW103]",
      "8:34: note: CloudWatchLogsLogGroupArn of trail 'Trail' cannot be checked before deploy: the value is too long to evaluate [TW101]"
    ])
  }

  @Test("a mapping whose values look up the mapping twice: the evaluation's step budget ends it")
  func findInMapChains() {
    var mappings = "Mappings:\n  M:\n"
    for index in 0..<60 {
      mappings += "    K\(index): {V: [!FindInMap [M, K\(index + 1), V], !FindInMap [M, K\(index + 1), V]]}\n"
    }
    let text = Lint.trail(logGroupArn: "!Join [\"\", !FindInMap [M, K0, V]]", preamble: mappings)
    #expect(Lint.lines(text, showUnknown: true) == [
      "69:30: note: whether the role of trail 'Trail' can deliver to CloudWatch Logs cannot be checked: arn:aws:iam::123456789012:role/trail is not a role in this file [TW103]",
      "70:34: note: CloudWatchLogsLogGroupArn of trail 'Trail' cannot be checked before deploy: a list is spliced into a string [TW101]"
    ])
  }

  @Test("a !Sub with 5,000 variables, each a parameter with two allowed values")
  func subWithThousandsOfParameters() {
    let count = 5000
    let parameters = (0..<count).map { "  P\($0): {Type: String, Default: x, AllowedValues: [x, y]}\n" }.joined()
    let format = (0..<count).map { "${P\($0)}" }.joined()
    let text = Lint.trail(logGroupArn: "!Sub \"\(format)\"", preamble: "Parameters:\n" + parameters)
    #expect(Lint.lines(text) == [])
    #expect(Lint.lines(text, showUnknown: true) == [
      "5008:30: note: whether the role of trail 'Trail' can deliver to CloudWatch Logs cannot be checked: arn:aws:iam::123456789012:role/trail is not a role in this file [TW103]",
      "5009:34: note: CloudWatchLogsLogGroupArn of trail 'Trail' cannot be checked before deploy: it has more combinations of conditions than trailwatch evaluates [TW101]"
    ])
  }

  @Test("a !Sub with 5,000 variables of its own map")
  func subWithThousandsOfVariables() {
    let count = 5000
    let format = (0..<count).map { "${V\($0)}" }.joined()
    let variables = (0..<count).map { "V\($0): !GetAtt Logs.Arn" }.joined(separator: ", ")
    let text = Lint.trail(logGroupArn: "!Sub\n        - \"\(format)\"\n        - {\(variables)}")
    #expect(Lint.lines(text, showUnknown: true) == [
      "7:30: note: whether the role of trail 'Trail' can deliver to CloudWatch Logs cannot be checked: arn:aws:iam::123456789012:role/trail is not a role in this file [TW103]",
      "8:34: note: CloudWatchLogsLogGroupArn of trail 'Trail' cannot be checked before deploy: the value is too long to evaluate [TW101]"
    ])
  }

  @Test("a template with 100,000 resources: every one is linted")
  func hundredThousandResources() {
    let count = 100_000
    var text = Lint.template + "Resources:\n"
    for index in 0..<count {
      text += "  Logs\(index):\n    Type: AWS::Logs::LogGroup\n"
    }
    for index in stride(from: 0, to: count, by: 1000) {
      text += "  Trail\(index):\n    Type: AWS::CloudTrail::Trail\n    Properties:\n"
      text += "      CloudWatchLogsRoleArn: \(Self.roleArn)\n      CloudWatchLogsLogGroupArn: !GetAtt Logs\(index).Arn\n"
    }
    let lines = Lint.lines(text)
    #expect(lines.count == count)
    #expect(lines.first == "3:3: warning: log group 'Logs0' has no RetentionInDays, so it keeps its events forever [TW201]")
    #expect(lines.last == "200001:3: warning: log group 'Logs99999' has no RetentionInDays, so it keeps its events forever [TW201]")
  }
}
