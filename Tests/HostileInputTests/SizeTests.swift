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
}
