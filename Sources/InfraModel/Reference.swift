/// An ARN-valued attribute: the literal text when it is known, and the resource of the same template
/// or plan that it points at when that can be told.
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
