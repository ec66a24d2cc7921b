/// A block label: a quoted string (`"aws_cloudtrail"`, escapes decoded) or a bare identifier.
public struct HCLLabel: Sendable, Equatable {
  public var value: String
  /// Including the quotes of a quoted label.
  public var range: SourceRange
  public var isQuoted: Bool

  public init(value: String, range: SourceRange, isQuoted: Bool) {
    self.value = value
    self.range = range
    self.isQuoted = isQuoted
  }
}
