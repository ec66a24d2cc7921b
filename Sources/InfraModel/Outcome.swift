import SourceMap

/// One way an attribute can turn out when the template or plan is deployed.
///
/// An attribute that does not depend on a condition has one outcome. One written as
/// `!If [C, a, b]` has one per branch, each naming the condition that leads to it, so a rule can
/// report "absent when condition C is false".
public struct Outcome<Value: Sendable & Equatable>: Sendable, Equatable {
  public var state: OutcomeState<Value>
  /// The value's place in the file; for an absent value, where it should be (the resource's
  /// declaration, or the property when it is written but empty).
  public var range: SourceRange
  /// When this outcome holds, as a clause ("condition IsProd is false"); nil when always. Rules put
  /// it after "when".
  public var condition: String?
  /// How the conditions named in `condition` turn out with the input's default values, one phrase
  /// each ("IsProd is false"); empty when they cannot be decided before deploy.
  public var conditionDefaults: [String]
  /// Where the value came from when it is not written at its place ("parameter Days, default 30").
  public var origin: String?
  /// The single input value this outcome rests on, when there is exactly one and no condition.
  public var input: InputChoice?
  /// The file `range` is in when it is not the resource's own file (a Terraform retention set by an
  /// `aws_cloudwatch_log_group_retention` in another file of the module); nil: the resource's file.
  public var file: String?

  public init(
    _ state: OutcomeState<Value>, at range: SourceRange, condition: String? = nil, conditionDefaults: [String] = [],
    origin: String? = nil, input: InputChoice? = nil, file: String? = nil
  ) {
    self.state = state
    self.range = range
    self.condition = condition
    self.conditionDefaults = conditionDefaults
    self.origin = origin
    self.input = input
    self.file = file
  }
}
