/// A scalar as written: its text and how it was quoted.
public struct Scalar: Sendable, Equatable {
  public enum Style: Sendable, Equatable {
    /// Unquoted: YAML plain scalars, and JSON numbers, `true`, `false` and `null`.
    case plain
    /// Quoted or block scalars, and JSON strings: always strings.
    case quoted
  }

  public var text: String
  public var style: Style

  public init(_ text: String, style: Style) {
    self.text = text
    self.style = style
  }

  /// Whether the scalar means null: a plain `null`, `Null`, `NULL`, `~` or nothing (YAML core schema).
  public var isNull: Bool {
    guard style == .plain else { return false }
    switch text {
    case "", "~", "null", "Null", "NULL": return true
    default: return false
    }
  }

  /// The boolean a plain scalar means, as CloudFormation reads it; nil when it is not one.
  public var boolValue: Bool? {
    switch text {
    case "true", "True", "TRUE": return true
    case "false", "False", "FALSE": return false
    default: return nil
    }
  }

  /// The integer a scalar means, quoted or not (CloudFormation accepts `"365"` for a number); nil when
  /// it is not a whole decimal number.
  public var intValue: Int? {
    var digits = Substring(text)
    if digits.hasPrefix("+") { digits = digits.dropFirst() }
    guard !digits.isEmpty, digits.count < 19 else { return nil }
    return Int(digits)
  }
}
