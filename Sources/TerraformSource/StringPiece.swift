/// A part of a string: literal text, an attribute of a resource known only after apply, or an
/// unknown part.
enum StringPiece: Equatable {
  case text(String)
  /// `aws_cloudwatch_log_group.audit.arn` is the attribute `arn` of `aws_cloudwatch_log_group.audit`.
  case attribute(address: String, name: String)
  case unknown(String)
}
