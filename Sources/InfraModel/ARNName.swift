/// The resource names written in AWS ARNs, so that an ARN can be linked to the resource of that name
/// in the same template or plan, whichever adapter read it.
public enum ARNName {
  /// `NAME` in `arn:PARTITION:logs:REGION:ACCOUNT:log-group:NAME`, with or without CloudTrail's `:*`
  /// ending; nil when the text is no log group ARN or names no group.
  public static func logGroup(in arn: String) -> String? {
    guard let marker = arn.firstRange(of: ":log-group:") else { return nil }
    var name = arn[marker.upperBound...]
    if name.hasSuffix(":*") { name = name.dropLast(2) }
    return name.isEmpty ? nil : String(name)
  }

  /// `NAME` in `arn:PARTITION:iam::ACCOUNT:role/PATH/NAME` (the last part of the path); nil when the
  /// text is no role ARN or names no role.
  public static func role(in arn: String) -> String? {
    guard let marker = arn.firstRange(of: ":role/") else { return nil }
    return arn[marker.upperBound...].split(separator: "/").last.map(String.init)
  }
}
