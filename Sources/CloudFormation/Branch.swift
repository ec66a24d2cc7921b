import SourceMap

/// One way a template value can evaluate, and the condition values that lead to it.
struct Branch {
  var value: EvaluatedValue
  /// The node that decided this branch's value (the `!Ref AWS::NoValue` of an `Fn::If`, say).
  var range: SourceRange
  /// Condition name → the value it must have for this branch.
  var assumptions: [String: Bool] = [:]
  /// Parameter name → the value it has in this branch. Recorded for the default too, so that a value
  /// naming one parameter twice never mixes its default with another of its allowed values.
  var choices: [String: ParameterChoice] = [:]
  /// Where the value came from when not written here ("parameter Days, default 30").
  var origin: String?

  /// Whether the branch holds with the parameter defaults, whatever the conditions are not.
  var isUnconditional: Bool {
    assumptions.isEmpty && choices.values.allSatisfy(\.isDefault)
  }

  /// Whether the value depends on no parameter at all.
  var isConstant: Bool {
    assumptions.isEmpty && choices.isEmpty
  }

  /// The parameters this branch sets to something other than their default.
  var nonDefaultChoices: [String: String] {
    var result: [String: String] = [:]
    for (name, choice) in choices where !choice.isDefault { result[name] = choice.value }
    return result
  }

  /// This branch with `other`'s assumptions and choices added; nil when they contradict each other.
  func constrained(by other: Branch) -> Branch? {
    var result = self
    for (name, value) in other.assumptions {
      if let existing = result.assumptions[name], existing != value { return nil }
      result.assumptions[name] = value
    }
    for (name, choice) in other.choices {
      if let existing = result.choices[name], existing.value != choice.value { return nil }
      result.choices[name] = choice
    }
    if result.origin == nil { result.origin = other.origin }
    return result
  }
}
