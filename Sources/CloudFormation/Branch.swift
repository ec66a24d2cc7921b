import SourceMap

/// One way a template value can evaluate, and the condition values that lead to it.
struct Branch {
  var value: EvaluatedValue
  /// The node that decided this branch's value (the `!Ref AWS::NoValue` of an `Fn::If`, say).
  var range: SourceRange
  /// Condition name → the value it must have for this branch.
  var assumptions: [String: Bool] = [:]
  /// Parameter name → the allowed value (other than its default) this branch takes.
  var parameterChoices: [String: String] = [:]
  /// Where the value came from when not written here ("parameter Days, default 30").
  var origin: String?

  /// Whether the branch holds whatever the conditions and parameters are.
  var isUnconditional: Bool {
    assumptions.isEmpty && parameterChoices.isEmpty
  }

  /// This branch with `other`'s assumptions and choices added; nil when they contradict each other.
  func constrained(by other: Branch) -> Branch? {
    var result = self
    for (name, value) in other.assumptions {
      if let existing = result.assumptions[name], existing != value { return nil }
      result.assumptions[name] = value
    }
    for (name, value) in other.parameterChoices {
      if let existing = result.parameterChoices[name], existing != value { return nil }
      result.parameterChoices[name] = value
    }
    if result.origin == nil { result.origin = other.origin }
    return result
  }
}
