import InfraModel

/// A log group's ARN as the AWS provider formats it (`arn:PARTITION:logs:REGION:ACCOUNT:log-group:NAME`,
/// without `:*`), for matching policies against it: the partition, region and account as
/// placeholders, and the name when it is known (else the resource's address as a placeholder).
public enum LogGroupARN {
  public static func pattern(address: String, name: String?) -> TextPattern {
    TextPattern([
      .literal("arn:"), .placeholder("partition"), .literal(":logs:"), .placeholder("region"), .literal(":"),
      .placeholder("account"), .literal(":log-group:"), name.map { .literal($0) } ?? .placeholder(address),
    ])
  }
}
