import SourceMap

/// Evaluates template values as CloudFormation would at deploy time, as far as that can be known
/// before deploy: parameters through their defaults (or the values given for one deployment), pseudo
/// parameters, `Ref` and `Fn::GetAtt` to resources, `Fn::Sub`, `Fn::Join`, `Fn::Select`, `Fn::Split`,
/// `Fn::FindInMap`, `Fn::Length`, and `Fn::If` as one branch per condition value.
///
/// Evaluation is bounded: each value is evaluated on its own (never every combination of every
/// condition in the template), nesting is cut off, a value with too many branches is unknown, and so
/// is one that takes more than `maxSteps` steps (YAML aliases can make a small file a large tree).
struct ValueEvaluator {
  let template: Template
  /// Parameter values of one concrete deployment; when given, defaults are taken as definitive too.
  let overrides: [String: String]
  /// Conditions whose value is settled before deploy: for a concrete deployment every condition that
  /// can be decided, otherwise only those that no parameter can change.
  let settledConditions: [String: Bool]

  static let maxBranches = 16
  static let maxDepth = 64
  static let maxSteps = 20_000

  init(template: Template, overrides: [String: String], settledConditions: [String: Bool] = [:]) {
    self.template = template
    self.overrides = overrides
    self.settledConditions = settledConditions
  }

  var isConcrete: Bool { !overrides.isEmpty }

  func evaluate(_ node: Node) -> [Branch] {
    var run = EvaluationRun(evaluator: self)
    return run.evaluate(node, depth: 0)
  }

  /// The most parts, and the most bytes of literal text, a built string may have. No real ARN or name
  /// comes near (an IAM ARN is at most 2,048 characters); a `Fn::Sub` that repeats a long variable, or nested ones that each name their
  /// variable twice, would otherwise build megabytes, and a finding would quote them.
  static let maxTextParts = 256
  static let maxTextBytes = 8 << 10

  /// A string built from parts, or unknown when it is past the bounds.
  static func text(_ parts: [TextPart]) -> EvaluatedValue {
    guard parts.count <= maxTextParts else { return .unknown("the value is too long to evaluate") }
    var bytes = 0
    for case .literal(let literal) in parts {
      bytes += literal.utf8.count
      if bytes > maxTextBytes { return .unknown("the value is too long to evaluate") }
    }
    return .text(parts)
  }

  /// A value as parts of a string it is spliced into.
  static func textParts(of value: EvaluatedValue) -> [TextPart] {
    switch value {
    case .text(let parts): return parts
    case .absent: return []
    case .unknown(let reason): return [.unknown(reason)]
    case .list: return [.unknown("a list is spliced into a string")]
    case .object: return [.unknown("a mapping is spliced into a string")]
    }
  }
}
