/// `[for k, v in collection: value if condition]` or `{for k, v in collection: key => value... if condition}`.
public struct HCLForExpression: Sendable {
  /// The first of two names (`k` in `for k, v in …`); nil when only one is given.
  public var keyVariable: String?
  public var valueVariable: String
  public var collection: HCLExpression
  /// The key expression of an object `for` (before `=>`); nil for a tuple `for`.
  public var keyExpression: HCLExpression?
  public var valueExpression: HCLExpression
  /// Whether `...` follows the value: values with the same key are grouped into tuples.
  public var isGrouping: Bool
  public var condition: HCLExpression?

  public init(
    keyVariable: String?, valueVariable: String, collection: HCLExpression, keyExpression: HCLExpression?,
    valueExpression: HCLExpression, isGrouping: Bool, condition: HCLExpression?
  ) {
    self.keyVariable = keyVariable
    self.valueVariable = valueVariable
    self.collection = collection
    self.keyExpression = keyExpression
    self.valueExpression = valueExpression
    self.isGrouping = isGrouping
    self.condition = condition
  }

  /// Whether the expression builds an object (`{for …}`) rather than a tuple (`[for …]`).
  public var producesObject: Bool { keyExpression != nil }
}
