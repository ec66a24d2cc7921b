/// What a template value evaluates to in one branch.
indirect enum EvaluatedValue {
  /// A string (numbers and booleans are strings in CloudFormation), possibly built from parts.
  case text([TextPart])
  case list([EvaluatedValue])
  /// A mapping that is not an intrinsic function.
  case object
  /// Null or `AWS::NoValue`: the property is removed.
  case absent
  /// Cannot be known before deploy, and why.
  case unknown(String)

  /// The whole string when every part is a literal.
  var literalText: String? {
    guard case .text(let parts) = self else { return nil }
    var result = ""
    for part in parts {
      guard case .literal(let text) = part else { return nil }
      result += text
    }
    return result
  }

  /// The first reason this value cannot be fully known, if any.
  var unknownReason: String? {
    switch self {
    case .unknown(let reason): return reason
    case .text(let parts):
      for case .unknown(let reason) in parts { return reason }
      return nil
    case .list(let items): return items.lazy.compactMap(\.unknownReason).first
    case .object, .absent: return nil
    }
  }
}
