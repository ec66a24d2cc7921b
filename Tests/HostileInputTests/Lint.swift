import Rules
import TrailwatchKit

/// Lints bytes as `trailwatch --format gcc` would print them, without the file name.
enum Lint {
  static let template = #"AWSTemplateFormatVersion: "2010-09-09""# + "\n"

  /// One `line:column: severity: message [rule]` line per finding, in report order.
  static func lines(
    _ bytes: [UInt8], path: String = "template.yaml", overrides: [String: String] = [:], showUnknown: Bool = false
  ) -> [String] {
    result(bytes, path: path, overrides: overrides, showUnknown: showUnknown).findings.map {
      "\($0.range.start.line):\($0.range.start.column): \($0.severity.rawValue): \($0.message) [\($0.ruleID)]"
    }
  }

  static func lines(
    _ text: String, path: String = "template.yaml", overrides: [String: String] = [:], showUnknown: Bool = false
  ) -> [String] {
    lines(Array(text.utf8), path: path, overrides: overrides, showUnknown: showUnknown)
  }

  static func result(
    _ bytes: [UInt8], path: String = "template.yaml", overrides: [String: String] = [:], showUnknown: Bool = false
  ) -> FileResult {
    SourceLinter(settings: RuleSettings(showUnknown: showUnknown), parameterOverrides: overrides)
      .lint(bytes, path: path)
  }

  /// A trail that delivers to `Logs`, a log group keeping events a year, with the log group ARN given.
  static func trail(logGroupArn: String, preamble: String = "") -> String {
    template + preamble + """
      Resources:
        Logs: {Type: AWS::Logs::LogGroup, Properties: {RetentionInDays: 365}}
        Trail:
          Type: AWS::CloudTrail::Trail
          Properties:
            CloudWatchLogsRoleArn: arn:aws:iam::123456789012:role/trail
            CloudWatchLogsLogGroupArn: \(logGroupArn)

      """
  }
}
