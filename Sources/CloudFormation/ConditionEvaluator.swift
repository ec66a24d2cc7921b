import SourceMap

/// Decides a template condition from parameter defaults (or the values of one deployment), for
/// messages ("with the parameter defaults it is false") and for concrete deployments.
///
/// Undecidable conditions (pseudo parameters, parameters without defaults) and circular ones are nil.
/// Each condition is decided at most once per question, so conditions that share conditions cost
/// their number, not the number of paths through them.
struct ConditionEvaluator {
  let values: ValueEvaluator

  static let maxDepth = 64

  init(values: ValueEvaluator) {
    var operands = values
    // Operands never decide an `Fn::If` by a condition (see `ValueEvaluator.decidesConditions`).
    operands.decidesConditions = false
    self.values = operands
  }

  func truth(of condition: String) -> Bool? {
    var decided: [String: Bool?] = [:]
    return truth(ofCondition: condition, visiting: [], depth: 0, decided: &decided)
  }

  private func truth(
    ofCondition name: String, visiting: Set<String>, depth: Int, decided: inout [String: Bool?]
  ) -> Bool? {
    if let known = decided[name] { return known }
    guard !visiting.contains(name), depth < Self.maxDepth, let node = values.template.conditions[name] else {
      return nil
    }
    let truth = truth(of: node, visiting: visiting.union([name]), depth: depth + 1, decided: &decided)
    decided[name] = truth
    return truth
  }

  private func truth(of node: Node, visiting: Set<String>, depth: Int, decided: inout [String: Bool?]) -> Bool? {
    guard depth < Self.maxDepth, let call = Intrinsic.match(node) else { return nil }
    let operands = call.argument.items ?? []
    switch call.name {
    case "Condition":
      guard let name = call.argument.scalar?.text else { return nil }
      return truth(ofCondition: name, visiting: visiting, depth: depth + 1, decided: &decided)
    case "Fn::Equals":
      guard operands.count == 2, let left = definiteText(operands[0]), let right = definiteText(operands[1]) else {
        return nil
      }
      return left == right
    case "Fn::Not":
      guard operands.count == 1 else { return nil }
      return truth(of: operands[0], visiting: visiting, depth: depth + 1, decided: &decided).map { !$0 }
    case "Fn::And", "Fn::Or":
      let isAnd = call.name == "Fn::And"
      var undecided = false
      for operand in operands {
        guard let value = truth(of: operand, visiting: visiting, depth: depth + 1, decided: &decided) else {
          undecided = true
          continue
        }
        if value != isAnd { return value }
      }
      return undecided ? nil : isAnd
    default:
      return nil
    }
  }

  /// The text a value has with the parameter defaults, when that is a plain string.
  private func definiteText(_ node: Node) -> String? {
    values.evaluate(node).first(where: { $0.isUnconditional })?.value.literalText
  }
}
