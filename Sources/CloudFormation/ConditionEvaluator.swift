import SourceMap

/// Decides a template's conditions from the parameter defaults (or the values of one deployment), for
/// messages ("with the parameter defaults IsProd is false") and for concrete deployments.
///
/// Every condition is decided once: conditions are put in dependency order first (without recursion
/// across conditions), so a template with hundreds of conditions that name each other costs one pass.
/// Undecidable conditions (pseudo parameters, parameters without defaults) and circular ones have no
/// truth.
struct ConditionEvaluator {
  /// A condition's value, and whether any parameter can change it.
  struct Truth: Equatable {
    var value: Bool
    var isConstant: Bool
  }

  let values: ValueEvaluator
  /// Parameters whose values are taken as given: a condition that depends only on them counts as
  /// constant. Used to ask how conditions turn out in one branch that takes particular values.
  var fixedParameters: Set<String> = []
  /// How deeply one condition's own functions may nest.
  static let maxDepth = 64
  /// How many condition names one condition may mention before it is left undecided.
  static let maxReferences = 4096

  /// The truth of every decidable condition.
  func decideAll() -> [String: Truth] {
    let template = values.template
    var truths: [String: Truth] = [:]
    for name in order() {
      guard let node = template.conditions[name] else { continue }
      var steps = ValueEvaluator.maxSteps
      if let truth = truth(of: node, known: truths, depth: 0, steps: &steps) {
        truths[name] = truth
      }
    }
    return truths
  }

  /// Condition names, each after the conditions it names; conditions in a cycle are left out.
  private func order() -> [String] {
    let template = values.template
    var dependencies: [String: [String]] = [:]
    for name in template.conditionOrder {
      guard let node = template.conditions[name] else { continue }
      dependencies[name] = Self.mentionedConditions(in: node)
    }
    enum Mark { case visiting, done, cyclic }
    var marks: [String: Mark] = [:]
    var result: [String] = []
    for root in template.conditionOrder where marks[root] == nil {
      // Depth-first with an explicit stack of (name, index of the next dependency to visit), so a long
      // chain of conditions cannot exhaust the call stack.
      var stack: [(String, Int)] = [(root, 0)]
      marks[root] = .visiting
      while let (name, next) = stack.last {
        let needs = dependencies[name] ?? []
        if next < needs.count {
          stack[stack.count - 1].1 += 1
          let dependency = needs[next]
          guard dependencies[dependency] != nil else { continue }
          switch marks[dependency] {
          case nil:
            marks[dependency] = .visiting
            stack.append((dependency, 0))
          case .visiting?:
            // A cycle: every condition on it stays undecided.
            for index in stride(from: stack.count - 1, through: 0, by: -1) {
              marks[stack[index].0] = .cyclic
              if stack[index].0 == dependency { break }
            }
          case .done?, .cyclic?:
            break
          }
        } else {
          stack.removeLast()
          // What names a condition on a cycle is undecided too.
          if marks[name] == .visiting && !needs.contains(where: { marks[$0] == .cyclic }) {
            marks[name] = .done
            result.append(name)
          } else {
            marks[name] = .cyclic
          }
        }
      }
    }
    return result
  }

  /// The names of the conditions a condition's functions mention through `Condition`.
  private static func mentionedConditions(in node: Node) -> [String] {
    var names: [String] = []
    var pending: [(Node, Int)] = [(node, 0)]
    while let (current, depth) = pending.popLast(), names.count < maxReferences {
      guard depth < maxDepth, let call = Intrinsic.match(current) else { continue }
      if call.name == "Condition", let name = call.argument.scalar?.text {
        names.append(name)
      } else if ["Fn::And", "Fn::Or", "Fn::Not"].contains(call.name) {
        for operand in call.argument.items ?? [] { pending.append((operand, depth + 1)) }
      }
    }
    return names
  }

  private func truth(of node: Node, known: [String: Truth], depth: Int, steps: inout Int) -> Truth? {
    steps -= 1
    guard depth < Self.maxDepth, steps > 0, let call = Intrinsic.match(node) else { return nil }
    let operands = call.argument.items ?? []
    switch call.name {
    case "Condition":
      guard let name = call.argument.scalar?.text else { return nil }
      return known[name]
    case "Fn::Equals":
      guard operands.count == 2, let left = definiteText(operands[0]), let right = definiteText(operands[1]) else {
        return nil
      }
      return Truth(value: left.text == right.text, isConstant: left.isConstant && right.isConstant)
    case "Fn::Not":
      guard operands.count == 1, let inner = truth(of: operands[0], known: known, depth: depth + 1, steps: &steps) else {
        return nil
      }
      return Truth(value: !inner.value, isConstant: inner.isConstant)
    case "Fn::And", "Fn::Or":
      let isAnd = call.name == "Fn::And"
      var undecided = false
      var constant = true
      var deciding: Truth?
      for operand in operands {
        guard let value = truth(of: operand, known: known, depth: depth + 1, steps: &steps) else {
          undecided = true
          continue
        }
        if value.value != isAnd {
          // One false operand decides And, one true operand decides Or; a constant one decides for good.
          if deciding == nil || value.isConstant { deciding = value }
        } else {
          constant = constant && value.isConstant
        }
      }
      if let deciding { return Truth(value: !isAnd, isConstant: deciding.isConstant) }
      return undecided ? nil : Truth(value: isAnd, isConstant: constant)
    default:
      return nil
    }
  }

  /// The text a value has with the parameter defaults, when that is a plain string.
  private func definiteText(_ node: Node) -> (text: String, isConstant: Bool)? {
    guard let branch = values.evaluate(node).first(where: { $0.isUnconditional }),
      let text = branch.value.literalText
    else { return nil }
    let constant = branch.assumptions.isEmpty && branch.choices.keys.allSatisfy { fixedParameters.contains($0) }
    return (text, constant)
  }
}
