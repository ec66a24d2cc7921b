/// An ARN-valued attribute: the literal text when it is known, and the resource of the same template
/// or plan that it points at when that can be told.
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

  public init(text: String? = nil, target: String? = nil) {
    self.text = text
    self.target = target
  }
}
