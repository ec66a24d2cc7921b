import Testing

/// Large inputs: the time and memory they take grow with their size, never faster.
struct SizeTests {
  static let tenMegabytes = 10_000_000

  @Test("a 10 MB line in JSON: the finding after it is at its exact column")
  func longJSONLine() {
    let text = #"{"AWSTemplateFormatVersion": "2010-09-09", "Description": ""#
      + String(repeating: "x", count: Self.tenMegabytes)
      + #"", "Resources": {"Trail": {"Type": "AWS::CloudTrail::Trail", "Properties": {"IsLogging": true}}}}"#
    #expect(Lint.lines(text, path: "template.json") == [
      "1:10000077: error: trail 'Trail' has no CloudWatchLogsLogGroupArn, so its events never reach CloudWatch Logs [TW101]",
      "1:10000077: error: trail 'Trail' has no CloudWatchLogsRoleArn, so CloudTrail cannot deliver its events to CloudWatch Logs [TW102]",
    ])
  }

  @Test("a 10 MB line in YAML, and a parse error at its end")
  func longYAMLLine() {
    let long = String(repeating: "y", count: Self.tenMegabytes)
    let text = Lint.template + "Description: \(long)\nResources: {Trail: {Type: AWS::CloudTrail::Trail, Properties: {IsLogging: true}}}\n"
    #expect(Lint.lines(text) == [
      "3:13: error: trail 'Trail' has no CloudWatchLogsLogGroupArn, so its events never reach CloudWatch Logs [TW101]",
      "3:13: error: trail 'Trail' has no CloudWatchLogsRoleArn, so CloudTrail cannot deliver its events to CloudWatch Logs [TW102]",
    ])
    let broken = Lint.template + "Resources: [\(long), x: y: z]\n"
    #expect(Lint.lines(broken) == [
      "2:10000019: error: while parsing a flow sequence: did not find expected ',' or ']' [TW001]"
    ])
  }

  @Test("a 10 MB line of multibyte characters counts characters, not bytes")
  func longMultibyteLine() {
    let text = Lint.template + "Description: " + String(repeating: "é", count: Self.tenMegabytes / 2)
      + " x: y\nResources: {}\n"
    #expect(Lint.lines(text) == [
      "2:5000016: error: mapping values are not allowed in this context [TW001]"
    ])
  }

  @Test("a Terraform plan with 100,000 resources: every log group linted, every trail linked")
  func hundredThousandPlanResources() {
    let count = 100_000
    var changes: [String] = []
    changes.reserveCapacity(count + count / 100)
    for index in 0..<count {
      changes.append(#"{"address": "aws_cloudwatch_log_group.g\#(index)", "mode": "managed", "type": "aws_cloudwatch_log_group", "name": "g\#(index)", "change": {"actions": ["create"], "after": {"name": "g\#(index)", "retention_in_days": 0}}}"#)
    }
    for index in stride(from: 0, to: count, by: 100) {
      changes.append(#"{"address": "aws_cloudtrail.t\#(index)", "mode": "managed", "type": "aws_cloudtrail", "name": "t\#(index)", "change": {"actions": ["create"], "after": {"name": "t\#(index)", "cloud_watch_logs_group_arn": "arn:aws:logs:us-east-1:123456789012:log-group:g\#(index):*", "cloud_watch_logs_role_arn": "arn:aws:iam::123456789012:role/trail"}}}"#)
    }
    let plan = "{\"format_version\": \"1.2\", \"resource_changes\": [\n" + changes.joined(separator: ",\n") + "\n]}\n"
    let lines = Lint.lines(plan, path: "plan.json")
    #expect(lines.count == count)
    #expect(lines.first == "2:2: warning: log group 'aws_cloudwatch_log_group.g0' has no retention_in_days, so it keeps its events forever [TW201]")
    #expect(lines.last == "100001:2: warning: log group 'aws_cloudwatch_log_group.g99999' has no retention_in_days, so it keeps its events forever [TW201]")
    #expect(lines.allSatisfy { $0.hasSuffix("[TW201]") })
  }
}
