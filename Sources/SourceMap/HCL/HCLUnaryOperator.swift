/// `-x` and `!x`.
public enum HCLUnaryOperator: String, Sendable {
  case negate = "-"
  case not = "!"
}
