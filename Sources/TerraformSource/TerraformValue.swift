/// A value as far as the configuration alone tells it. Resource attributes that only exist after
/// apply (`aws_cloudwatch_log_group.audit.arn`) are kept as references inside strings, so a trail
/// can still be linked to its log group; what cannot be known is `.unknown` with the reason.
indirect enum TerraformValue: Equatable {
  case null
  case bool(Bool)
  case number(Double)
  case string([StringPiece])
  case tuple([TerraformValue])
  case object([String: TerraformValue])
  /// One instance of a resource or data source; its attributes are read when accessed.
  case instance(InstanceReference)
  /// The outputs of one instance of a local module (an index into the evaluator's instances).
  case moduleOutputs(Int)
  case unknown(String)

  static func text(_ text: String) -> TerraformValue { .string([.text(text)]) }

  /// The text of a string, number or bool whose every part is known; nil otherwise.
  var knownText: String? {
    switch self {
    case .string(let pieces):
      var text = ""
      for piece in pieces {
        guard case .text(let part) = piece else { return nil }
        text += part
      }
      return text
    case .number(let number): return Self.format(number)
    case .bool(let value): return value ? "true" : "false"
    default: return nil
    }
  }

  /// Why the value (or a part of it) cannot be known; nil when nothing in it is unknown.
  var unknownReason: String? {
    switch self {
    case .unknown(let reason): return reason
    case .string(let pieces):
      for case .unknown(let reason) in pieces { return reason }
      return nil
    default: return nil
    }
  }

  /// The value inside a string template: its parts, or an unknown part saying why it has none.
  var pieces: [StringPiece] {
    switch self {
    case .string(let pieces): return pieces
    case .number, .bool: return [.text(knownText ?? "")]
    case .unknown(let reason): return [.unknown(reason)]
    case .null: return [.unknown("a null value inside a string")]
    case .tuple: return [.unknown("a list inside a string")]
    case .object, .moduleOutputs: return [.unknown("an object inside a string")]
    case .instance: return [.unknown("a whole resource inside a string")]
    }
  }

  /// `30`, `1.5`: integers without a fraction, as Terraform prints them.
  static func format(_ number: Double) -> String {
    if number == number.rounded(), abs(number) < 1e15 { return String(Int(number)) }
    return String(number)
  }

  /// A short description for messages: `30`, `"audit"`, `null`, `a list`.
  var shortDescription: String {
    switch self {
    case .null: return "null"
    case .bool, .number: return knownText ?? "?"
    case .string:
      guard let text = knownText else { return "a value known only after apply" }
      return "\"\(text.count > 60 ? String(text.prefix(57)) + "…" : text)\""
    case .tuple: return "a list"
    case .object, .moduleOutputs: return "an object"
    case .instance: return "a resource"
    case .unknown: return "an unknown value"
    }
  }
}
