/// What is known about a value in one outcome.
public enum OutcomeState<Value: Sendable & Equatable>: Sendable, Equatable {
  /// A value written in the file or computed from it.
  case explicit(Value)
  /// Not set: missing, null, an empty string, or CloudFormation's `AWS::NoValue`.
  case absent
  /// Set to something that cannot be known before deploy; never a finding by itself.
  case unknown(reason: String)
  /// Set to something of the wrong kind (a word where a number belongs), kept as written.
  case malformed(String)
}
