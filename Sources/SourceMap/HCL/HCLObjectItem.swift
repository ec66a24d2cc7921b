/// One `key = value` (or `key: value`) element of an object constructor.
public struct HCLObjectItem: Sendable {
  /// The key as written. A bare name (`{name = 1}`) is a `.variable` expression with
  /// `keyIsName` set: it means the literal text, not a variable.
  public var key: HCLExpression
  public var keyIsName: Bool
  public var value: HCLExpression

  public init(key: HCLExpression, keyIsName: Bool, value: HCLExpression) {
    self.key = key
    self.keyIsName = keyIsName
    self.value = value
  }

  /// The key's text when it is a bare name or a literal string; nil when it is computed.
  public var literalKey: String? {
    if keyIsName, case .variable(let name) = key.kind { return name }
    return key.literalText
  }
}
