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
