extension TerraformValue {
  /// `jsonencode(value)` as Terraform writes it: object keys sorted, `<`, `>` and `&` escaped. What
  /// is known only after apply stays a piece of the string, where the encoded value will hold it, so
  /// a policy written with `jsonencode` still names the log group it refers to.
  var jsonEncoded: TerraformValue {
    var pieces: [StringPiece] = []
    if let reason = Self.encode(self, into: &pieces, depth: 0) { return .unknown(reason) }
    // Adjacent text joined; every other piece kept where it is (each stands in one JSON string).
    var joined: [StringPiece] = []
    for piece in pieces {
      if case .text(let text) = piece, case .text(let previous)? = joined.last {
        joined[joined.count - 1] = .text(previous + text)
      } else {
        joined.append(piece)
      }
    }
    return .string(joined)
  }

  /// Appends the JSON of `value`; the reason when it cannot be encoded before apply.
  private static func encode(_ value: TerraformValue, into pieces: inout [StringPiece], depth: Int) -> String? {
    guard depth < 64 else { return "jsonencode() of a value nested too deeply" }
    switch value {
    case .null:
      pieces.append(.text("null"))
    case .bool(let bool):
      pieces.append(.text(bool ? "true" : "false"))
    case .number:
      pieces.append(.text(value.knownText ?? "0"))
    case .string(let parts):
      pieces.append(.text("\""))
      for part in parts {
        if case .text(let text) = part { pieces.append(.text(escaped(text))) } else { pieces.append(part) }
      }
      pieces.append(.text("\""))
    case .tuple(let items):
      pieces.append(.text("["))
      for (index, item) in items.enumerated() {
        if index > 0 { pieces.append(.text(",")) }
        if let reason = encode(item, into: &pieces, depth: depth + 1) { return reason }
      }
      pieces.append(.text("]"))
    case .object(let object):
      pieces.append(.text("{"))
      for (index, key) in object.keys.sorted().enumerated() {
        if index > 0 { pieces.append(.text(",")) }
        pieces.append(.text("\"\(escaped(key))\":"))
        if let reason = encode(object[key] ?? .null, into: &pieces, depth: depth + 1) { return reason }
      }
      pieces.append(.text("}"))
    case .unknown(let reason):
      return reason
    case .instance, .moduleOutputs:
      return "jsonencode() of a whole resource or module"
    }
    return nil
  }

  /// Text as a JSON string's contents, escaped as Terraform's encoder escapes it.
  private static func escaped(_ text: String) -> String {
    var result = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": result += "\\\""
      case "\\": result += "\\\\"
      case "\n": result += "\\n"
      case "\r": result += "\\r"
      case "\t": result += "\\t"
      case "<": result += "\\u003c"
      case ">": result += "\\u003e"
      case "&": result += "\\u0026"
      default:
        if scalar.value < 0x20 {
          let hex = String(scalar.value, radix: 16)
          result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          result.unicodeScalars.append(scalar)
        }
      }
    }
    return result
  }
}
