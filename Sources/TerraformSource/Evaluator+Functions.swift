import SourceMap

/// The built-in functions that matter for wiring a trail to its log group and role, and the common
/// ones around them. Any other function's result is unknown, with its name as the reason.
extension Evaluator {
  mutating func callFunction(_ call: HCLFunctionCall, in scope: EvaluationScope) -> TerraformValue {
    Self.bounded(function(call, in: scope))
  }

  private mutating func function(_ call: HCLFunctionCall, in scope: EvaluationScope) -> TerraformValue {
    let name = call.name
    // `try` and `can` look at errors, which the evaluator keeps as unknown values.
    if name == "try" {
      var first: TerraformValue?
      for argument in call.arguments {
        let value = evaluate(argument, in: scope)
        if case .unknown = value {
          first = first ?? value
          continue
        }
        return value
      }
      return first ?? .unknown("try() without arguments")
    }
    var arguments: [TerraformValue] = []
    for argument in call.arguments { arguments.append(evaluate(argument, in: scope)) }
    if call.expandsFinalArgument, let last = arguments.popLast() {
      guard case .tuple(let items) = last else { return Self.unknown(last, "\(name)() of an expanded value that is not a list") }
      arguments += items
    }
    switch name {
    case "format":
      return format(arguments)
    case "join":
      guard arguments.count == 2, let separator = arguments[0].knownText else {
        return .unknown("join() of values known only after apply")
      }
      guard case .tuple(let items) = arguments[1] else { return Self.unknown(arguments[1], "join() of something that is not a list") }
      var pieces: [StringPiece] = []
      for (index, item) in items.enumerated() {
        if index > 0 { pieces.append(.text(separator)) }
        pieces += item.pieces
      }
      return .string(Self.merged(pieces))
    case "concat":
      var items: [TerraformValue] = []
      for argument in arguments {
        guard case .tuple(let list) = argument else { return Self.unknown(argument, "concat() of something that is not a list") }
        items += list
      }
      return .tuple(items)
    case "coalesce":
      for argument in arguments {
        switch argument {
        case .null: continue
        case .string where argument.knownText == "": continue
        case .unknown: return argument
        default: return argument
        }
      }
      return .unknown("coalesce() found no value that is set")
    case "coalescelist":
      for argument in arguments {
        if case .tuple(let items) = argument, items.isEmpty { continue }
        return argument
      }
      return .unknown("coalescelist() found no list that is set")
    case "lookup":
      guard arguments.count >= 2 else { return .unknown("lookup() needs a map and a key") }
      guard case .object(let object) = arguments[0] else { return Self.unknown(arguments[0], "lookup() in something that is not a map") }
      guard let key = arguments[1].knownText else { return Self.unknown(arguments[1], "lookup() of a key known only after apply") }
      return object[key] ?? (arguments.count > 2 ? arguments[2] : .unknown("lookup() found no '\(key)'"))
    case "element":
      guard arguments.count == 2, case .tuple(let items) = arguments[0], !items.isEmpty,
        let index = Self.number(arguments[1])
      else { return .unknown("element() of values known only after apply") }
      return items[Int(index) % items.count]
    case "one":
      guard arguments.count == 1, case .tuple(let items) = arguments[0] else {
        return Self.unknown(arguments.first ?? .null, "one() of something that is not a list")
      }
      return items.count == 1 ? items[0] : items.isEmpty ? .null : .unknown("one() of a list with several elements")
    case "length":
      switch arguments.first {
      case .tuple(let items)?: return .number(Double(items.count))
      case .object(let object)?: return .number(Double(object.count))
      case let value?: return value.knownText.map { .number(Double($0.count)) } ?? Self.unknown(value, "length() of a value known only after apply")
      case nil: return .unknown("length() needs a value")
      }
    case "jsonencode":
      guard arguments.count == 1 else { return .unknown("jsonencode() needs one value") }
      return arguments[0].jsonEncoded
    case "tostring":
      guard let value = arguments.first else { return .unknown("tostring() needs a value") }
      switch value {
      case .string, .null, .unknown: return value
      case .number, .bool: return .text(value.knownText ?? "")
      default: return .unknown("tostring() of a collection")
      }
    case "tonumber":
      guard let value = arguments.first else { return .unknown("tonumber() needs a value") }
      if case .null = value { return .null }
      return Self.number(value).map { .number($0) } ?? Self.unknown(value, "tonumber() of something that is not a number")
    case "tobool":
      guard let value = arguments.first else { return .unknown("tobool() needs a value") }
      if case .null = value { return .null }
      return Self.bool(value).map { .bool($0) } ?? Self.unknown(value, "tobool() of something that is not true or false")
    case "tolist", "toset", "tomap", "sensitive", "nonsensitive":
      guard arguments.count == 1 else { return .unknown("\(name)() needs one value") }
      if name == "toset", case .tuple(let items) = arguments[0] {
        var seen: [TerraformValue] = []
        for item in items where !seen.contains(item) { seen.append(item) }
        return .tuple(seen)
      }
      return arguments[0]
    case "lower", "upper", "trimspace", "chomp":
      guard arguments.count == 1, let text = arguments[0].knownText else {
        return Self.unknown(arguments.first ?? .null, "\(name)() of a value known only after apply")
      }
      switch name {
      case "lower": return .text(text.lowercased())
      case "upper": return .text(text.uppercased())
      case "chomp": return .text(text.hasSuffix("\n") ? String(text.dropLast()) : text)
      default: return .text(text.trimmingSpaces())
      }
    case "trimsuffix", "trimprefix":
      guard arguments.count == 2, let text = arguments[0].knownText, let affix = arguments[1].knownText else {
        return Self.unknown(arguments.first ?? .null, "\(name)() of a value known only after apply")
      }
      if name == "trimsuffix" { return .text(text.hasSuffix(affix) ? String(text.dropLast(affix.count)) : text) }
      return .text(text.hasPrefix(affix) ? String(text.dropFirst(affix.count)) : text)
    case "replace":
      guard arguments.count == 3, let text = arguments[0].knownText, let search = arguments[1].knownText,
        let replacement = arguments[2].knownText, !search.hasPrefix("/")
      else { return Self.unknown(arguments.first ?? .null, "replace() of values known only after apply") }
      guard !search.isEmpty else { return .text(text) }
      guard text.utf8.count / search.utf8.count * replacement.utf8.count <= Self.maxTextLength else {
        return .unknown("replace() would make a text longer than \(Self.maxTextLength) bytes")
      }
      return .text(text.split(separator: search, omittingEmptySubsequences: false).joined(separator: replacement))
    case "split":
      guard arguments.count == 2, let separator = arguments[0].knownText, let text = arguments[1].knownText, !separator.isEmpty else {
        return .unknown("split() of values known only after apply")
      }
      return .tuple(text.split(separator: separator, omittingEmptySubsequences: false).map { .text(String($0)) })
    case "compact":
      guard case .tuple(let items)? = arguments.first else { return .unknown("compact() of something that is not a list") }
      return .tuple(items.filter { item in
        if case .null = item { return false }
        return item.knownText != ""
      })
    case "flatten":
      guard case .tuple(let items)? = arguments.first else { return .unknown("flatten() of something that is not a list") }
      return .tuple(Self.flatten(items, depth: 0))
    case "distinct":
      guard case .tuple(let items)? = arguments.first else { return .unknown("distinct() of something that is not a list") }
      var seen: [TerraformValue] = []
      for item in items where !seen.contains(item) { seen.append(item) }
      return .tuple(seen)
    case "merge":
      var object: [String: TerraformValue] = [:]
      for argument in arguments {
        switch argument {
        case .object(let more): object.merge(more) { $1 }
        case .null: continue
        default: return Self.unknown(argument, "merge() of something that is not a map")
        }
      }
      return .object(object)
    case "keys", "values":
      guard case .object(let object)? = arguments.first else { return .unknown("\(name)() of something that is not a map") }
      let sorted = object.keys.sorted()
      return .tuple(name == "keys" ? sorted.map { .text($0) } : sorted.map { object[$0] ?? .null })
    case "contains":
      guard arguments.count == 2, case .tuple(let items) = arguments[0] else { return .unknown("contains() of values known only after apply") }
      var unknown = false
      for item in items {
        guard let same = Self.equal(item, arguments[1]) else {
          unknown = true
          continue
        }
        if same { return .bool(true) }
      }
      return unknown ? .unknown("contains() of values known only after apply") : .bool(false)
    case "max", "min":
      let numbers = arguments.compactMap(Self.number)
      guard numbers.count == arguments.count, let first = numbers.first else {
        return .unknown("\(name)() of values known only after apply")
      }
      return .number(numbers.dropFirst().reduce(first) { name == "max" ? Swift.max($0, $1) : Swift.min($0, $1) })
    case "abs", "floor", "ceil":
      guard let number = arguments.first.flatMap(Self.number) else { return .unknown("\(name)() of a value known only after apply") }
      return .number(name == "abs" ? Swift.abs(number) : name == "floor" ? number.rounded(.down) : number.rounded(.up))
    default:
      return .unknown("it is computed by \(name)(), which trailwatch does not evaluate")
    }
  }

  /// `format` with `%s`, `%d`, `%v` and `%%`; other verbs leave the result unknown.
  private func format(_ arguments: [TerraformValue]) -> TerraformValue {
    guard let specification = arguments.first?.knownText else {
      return Self.unknown(arguments.first ?? .null, "format() with a format known only after apply")
    }
    var pieces: [StringPiece] = []
    var literal = ""
    var next = 1
    var characters = specification.makeIterator()
    while let character = characters.next() {
      guard character == "%" else {
        literal.append(character)
        continue
      }
      guard let verb = characters.next() else { return .unknown("format() with a lone % at the end") }
      switch verb {
      case "%":
        literal.append("%")
      case "s", "d", "v":
        guard next < arguments.count else { return .unknown("format() with fewer values than verbs") }
        pieces.append(.text(literal))
        literal = ""
        let value = arguments[next]
        next += 1
        if verb == "d", let number = Self.number(value) {
          pieces.append(.text(String(Int(number))))
        } else {
          pieces += value.pieces
        }
      default:
        return .unknown("format() with the verb %\(verb), which trailwatch does not evaluate")
      }
    }
    pieces.append(.text(literal))
    return .string(Self.merged(pieces))
  }

  /// Nested lists flattened, stopping just past the element bound (the caller then reports it).
  private static func flatten(_ items: [TerraformValue], depth: Int) -> [TerraformValue] {
    var result: [TerraformValue] = []
    for item in items {
      guard result.count <= maxElements else { break }
      if case .tuple(let inner) = item, depth < 32 {
        result += flatten(inner, depth: depth + 1)
      } else {
        result.append(item)
      }
    }
    return result
  }
}

extension String {
  /// The text without spaces, tabs and line breaks at either end.
  func trimmingSpaces() -> String {
    var slice = Substring(self)
    let blank: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
    while let first = slice.first, blank(first) { slice = slice.dropFirst() }
    while let last = slice.last, blank(last) { slice = slice.dropLast() }
    return String(slice)
  }
}
