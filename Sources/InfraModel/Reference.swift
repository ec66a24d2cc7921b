/// An ARN-valued attribute: what is known of the ARN, and the resource of the same template or plan
/// that it points at when that can be told.
///
/// What adapters fill: `text` when the whole ARN is known (a literal, a plan's known value);
/// otherwise `pattern` when part of it is (`arn:${AWS::Partition}:logs:…:log-group:${AuditLogs}:*`,
/// with a log group's own ARN attribute written out the way the provider formats it); `target` when
/// it names a resource of the same input, however it is written. Rules read `shape`, so an adapter
/// that only ever knows whole strings fills `text` alone, and TW104 judges nothing it is not given.
///
/// Terraform plans: `text` is the value in the plan's `change.after` when Terraform knows it at plan
/// time, exactly as it will be sent to the API (so a rule about the ARN's shape, such as the `:*`
/// suffix CloudTrail requires, can read it). When the value is "known after apply", `text` is nil
/// even if the configuration names the log group: `configuration` expressions keep only the
/// references (`aws_cloudwatch_log_group.x.arn`, `aws_cloudwatch_log_group.x`), the same for
/// `aws_cloudwatch_log_group.x.arn` and for `"${aws_cloudwatch_log_group.x.arn}:*"`, so the suffix
/// cannot be told and no shape is claimed. `target` is then the log group's address.
public struct Reference: Sendable, Equatable {
  /// The ARN as it will be deployed, when the whole string is known.
  public var text: String?
  /// The name (logical id or address) of the resource in the same model that it points at.
  public var target: String?
  /// What the ARN looks like when only part of it is known before deploy; nil when `text` says it all
  /// or nothing of it is known.
  public var pattern: TextPattern?

  public init(text: String? = nil, target: String? = nil, pattern: TextPattern? = nil) {
    self.text = text
    self.target = target
    self.pattern = pattern
  }

  /// What is known of the ARN: the whole text, or its pattern.
  public var shape: TextPattern? {
    text.map { TextPattern(literal: $0) } ?? pattern
  }
}
