/// One instance of a module: the root, or a local module called (once per count index or for_each
/// key) by its parent.
struct ModuleInstance {
  /// Index into the evaluator's loaded module configurations.
  var config: Int
  /// The address prefix of its resources: empty for the root, `module.audit.` or
  /// `module.audit["eu"].module.logs.` below it.
  var prefix: String
  var parent: Int?
  var call: ModuleCallConfig?
  /// The parent's scope for this instance of the call (its `count.index` or `each`), where the
  /// call's inputs are evaluated.
  var callScope: EvaluationScope?
  /// The condition under which this instance exists, in words; nil when always.
  var condition: String?
  var depth: Int
}

/// How a `count` or `for_each` expands a resource or module call.
enum Expansion {
  case single
  case count(Int)
  /// The keys and each.value of a `for_each`, in key order.
  case forEach([(String, TerraformValue)])
  /// Cannot be known before apply: one representative instance, with the reason.
  case unknown(String, condition: String)

  var keys: [(InstanceKey, TerraformValue?)] {
    switch self {
    case .single: return [(.single, nil)]
    case .count(let count): return (0..<count).map { (.index($0), nil) }
    case .forEach(let entries): return entries.map { (.key($0.0), $0.1) }
    case .unknown: return [(.unknown, nil)]
    }
  }

  var condition: String? {
    if case .unknown(_, let condition) = self { return condition }
    return nil
  }
}
