/// One step of a Terraform address or reference: `.name` or `[index]`.
enum TraversalStep: Sendable, Equatable {
  case name(String)
  /// The index as written between the brackets, quotes included: `0`, `"eu-west-1"`.
  case index(String)

  /// Splits `module.a["k"].aws_x.y[0].arn` into steps; nil when the text is not a traversal.
  ///
  /// Quoted keys may hold any character, escaped quotes included, so they are scanned rather than
  /// split on dots.
  static func parse(_ text: String) -> [TraversalStep]? {
    let bytes = Array(text.utf8)
    var steps: [TraversalStep] = []
    var index = 0
    var expectsName = true
    while index < bytes.count {
      if expectsName {
        let start = index
        while index < bytes.count, bytes[index] != UInt8(ascii: "."), bytes[index] != UInt8(ascii: "[") {
          index += 1
        }
        guard index > start else { return nil }
        steps.append(.name(String(decoding: bytes[start..<index], as: UTF8.self)))
        expectsName = false
        continue
      }
      switch bytes[index] {
      case UInt8(ascii: "."):
        index += 1
        guard index < bytes.count else { return nil }
        expectsName = true
      case UInt8(ascii: "["):
        let start = index + 1
        var cursor = start
        if cursor < bytes.count, bytes[cursor] == UInt8(ascii: "\"") {
          cursor += 1
          while cursor < bytes.count, bytes[cursor] != UInt8(ascii: "\"") {
            cursor += bytes[cursor] == UInt8(ascii: "\\") ? 2 : 1
          }
          guard cursor < bytes.count else { return nil }
          cursor += 1
        } else {
          while cursor < bytes.count, bytes[cursor] != UInt8(ascii: "]") { cursor += 1 }
        }
        guard cursor < bytes.count, bytes[cursor] == UInt8(ascii: "]"), cursor > start else { return nil }
        steps.append(.index(String(decoding: bytes[start..<cursor], as: UTF8.self)))
        index = cursor + 1
      default:
        return nil
      }
    }
    return expectsName && !steps.isEmpty ? nil : steps
  }

  var name: String? {
    if case .name(let name) = self { return name }
    return nil
  }

  var index: String? {
    if case .index(let index) = self { return index }
    return nil
  }
}
