/// The expression language: conditionals, operators by precedence, terms and their traversals.
extension HCLParser {
  /// `condition ? a : b`, or an operation, or a term.
  mutating func parseExpression() throws(ParseError) -> HCLExpression {
    try enter(at: p)
    let condition = try parseBinary(minimumPrecedence: 1)
    let save = p
    try skip()
    guard peek() == UInt8(ascii: "?"), p < bytes.count else {
      p = save
      depth -= 1
      return condition
    }
    let question = p
    p += 1
    let whenTrue = try parseExpression()
    try skip()
    guard peek() == UInt8(ascii: ":"), p < bytes.count else {
      throw error(
        "expected ':' and the false result of the conditional whose '?' is at \(place(question)), found \(found(p))",
        at: p)
    }
    p += 1
    let whenFalse = try parseExpression()
    depth -= 1
    return try node(
      .conditional(condition, whenTrue, whenFalse), start: condition.range.start, end: whenFalse.range.end,
      childDepth: max(condition.depth, whenTrue.depth, whenFalse.depth))
  }

  /// Binary operations by precedence climbing: operators of one level fold to the left in a loop, and
  /// only a tighter operator's right side recurses (at most six levels).
  private mutating func parseBinary(minimumPrecedence: Int) throws(ParseError) -> HCLExpression {
    var left = try parseUnary()
    while true {
      let save = p
      try skip()
      guard let (operation, length) = binaryOperator(), operation.precedence >= minimumPrecedence else {
        p = save
        return left
      }
      p += length
      let right = try parseBinary(minimumPrecedence: operation.precedence + 1)
      left = try node(
        .binary(operation, left, right), start: left.range.start, end: right.range.end,
        childDepth: max(left.depth, right.depth))
    }
  }

  private func binaryOperator() -> (HCLBinaryOperator, Int)? {
    guard p < bytes.count else { return nil }
    let next = peek(1)
    switch bytes[p] {
    case UInt8(ascii: "|"): return next == UInt8(ascii: "|") ? (.or, 2) : nil
    case UInt8(ascii: "&"): return next == UInt8(ascii: "&") ? (.and, 2) : nil
    case UInt8(ascii: "="): return next == UInt8(ascii: "=") ? (.equal, 2) : nil
    case UInt8(ascii: "!"): return next == UInt8(ascii: "=") ? (.notEqual, 2) : nil
    case UInt8(ascii: "<"):
      if next == UInt8(ascii: "=") { return (.lessOrEqual, 2) }
      return next == UInt8(ascii: "<") ? nil : (.less, 1)
    case UInt8(ascii: ">"): return next == UInt8(ascii: "=") ? (.greaterOrEqual, 2) : (.greater, 1)
    case UInt8(ascii: "+"): return (.add, 1)
    case UInt8(ascii: "-"): return (.subtract, 1)
    case UInt8(ascii: "*"): return (.multiply, 1)
    case UInt8(ascii: "/"): return (.divide, 1)
    case UInt8(ascii: "%"): return (.modulo, 1)
    default: return nil
    }
  }

  /// `-x` and `!x`, binding tighter than any binary operator.
  private mutating func parseUnary() throws(ParseError) -> HCLExpression {
    try skip()
    let operation: HCLUnaryOperator
    switch peek() {
    case UInt8(ascii: "-") where p < bytes.count: operation = .negate
    case UInt8(ascii: "!") where p < bytes.count: operation = .not
    default: return try parsePostfix()
    }
    let start = tracker.position(p)
    try enter(at: p)
    p += 1
    let operand = try parseUnary()
    depth -= 1
    return try node(.unary(operation, operand), start: start, end: operand.range.end, childDepth: operand.depth)
  }

  /// A term followed by `.name`, `.0`, `[key]`, `.*` and `[*]`, kept as one flat list of steps.
  private mutating func parsePostfix() throws(ParseError) -> HCLExpression {
    let term = try parseTerm()
    var steps: [HCLTraversalStep] = []
    var deepest = term.depth
    var end = term.range.end
    while true {
      let save = p
      try skip()
      guard p < bytes.count else {
        p = save
        break
      }
      if bytes[p] == UInt8(ascii: "."), peek(1) != UInt8(ascii: ".") {
        let dot = p
        p += 1
        if peek() == UInt8(ascii: "*"), p < bytes.count {
          p += 1
          steps.append(.attributeSplat(range(dot, p)))
        } else if Self.isDigit(peek()), p < bytes.count {
          let start = p
          while Self.isDigit(peek()), p < bytes.count { p += 1 }
          guard let index = Int(text(start, p)) else {
            throw error("the index '\(text(start, p))' is too large", at: start)
          }
          steps.append(.legacyIndex(index, range(start, p)))
        } else if let nameEnd = identifierEnd(at: p) {
          steps.append(.attribute(text(p, nameEnd), range(p, nameEnd)))
          p = nameEnd
        } else {
          throw error("expected an attribute name after '.', found \(found(p))", at: p)
        }
      } else if bytes[p] == UInt8(ascii: "[") {
        let open = p
        let saved = newlinesAreSpace
        newlinesAreSpace = true
        p += 1
        try skip()
        if peek() == UInt8(ascii: "*"), p < bytes.count {
          p += 1
          try skip()
          guard peek() == UInt8(ascii: "]"), p < bytes.count else {
            throw error("expected ']' after '[*', found \(found(p))", at: p)
          }
          p += 1
          steps.append(.fullSplat(range(open, p)))
        } else {
          let key = try parseExpression()
          try skip()
          guard peek() == UInt8(ascii: "]"), p < bytes.count else {
            throw error("expected ']' to close the index opened at \(place(open)), found \(found(p))", at: p)
          }
          p += 1
          deepest = max(deepest, key.depth)
          steps.append(.index(key))
        }
        newlinesAreSpace = saved
      } else {
        p = save
        break
      }
      end = tracker.position(p)
    }
    if steps.isEmpty { return term }
    return try node(.traversal(term, steps), start: term.range.start, end: end, childDepth: deepest)
  }

  /// A literal, a template, a collection, a `for` expression, a call, a variable or `( … )`.
  private mutating func parseTerm() throws(ParseError) -> HCLExpression {
    try skip()
    guard p < bytes.count else { throw error("expected a value, found the end of the file", at: p) }
    let byte = bytes[p]
    switch byte {
    case UInt8(ascii: "("):
      let open = p
      let start = tracker.position(p)
      let saved = newlinesAreSpace
      newlinesAreSpace = true
      p += 1
      let inner = try parseExpression()
      try skip()
      guard peek() == UInt8(ascii: ")"), p < bytes.count else {
        throw error("expected ')' to close the '(' at \(place(open)), found \(found(p))", at: p)
      }
      p += 1
      newlinesAreSpace = saved
      return try node(.parenthesized(inner), start: start, end: tracker.position(p), childDepth: inner.depth)
    case UInt8(ascii: "["):
      return try parseTuple()
    case UInt8(ascii: "{"):
      return try parseObject()
    case UInt8(ascii: "\""):
      return try parseQuotedTemplate()
    case UInt8(ascii: "<") where peek(1) == UInt8(ascii: "<"):
      return try parseHeredoc()
    case UInt8(ascii: "0")...UInt8(ascii: "9"):
      return try parseNumber()
    default:
      guard let end = identifierEnd(at: p) else {
        throw error("expected a value, found \(found(p))", at: p)
      }
      return try parseNamed(end: end)
    }
  }

  private mutating func parseNumber() throws(ParseError) -> HCLExpression {
    let start = p
    while Self.isDigit(peek()), p < bytes.count { p += 1 }
    if peek() == UInt8(ascii: "."), Self.isDigit(peek(1)), p + 1 < bytes.count {
      p += 1
      while Self.isDigit(peek()), p < bytes.count { p += 1 }
    }
    if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
      var exponent = p + 1
      if exponent < bytes.count, bytes[exponent] == UInt8(ascii: "+") || bytes[exponent] == UInt8(ascii: "-") {
        exponent += 1
      }
      if exponent < bytes.count, Self.isDigit(bytes[exponent]) {
        p = exponent
        while Self.isDigit(peek()), p < bytes.count { p += 1 }
      }
    }
    let literal = range(start, p)
    return HCLExpression(.number(text(start, p)), range: literal)
  }

  /// A name: `true`, `false`, `null`, a function call (`f(…)`, `provider::ns::f(…)`) or a variable.
  private mutating func parseNamed(end firstEnd: Int) throws(ParseError) -> HCLExpression {
    let start = p
    var name = text(p, firstEnd)
    p = firstEnd
    while peek() == UInt8(ascii: ":"), peek(1) == UInt8(ascii: ":"), let next = identifierEnd(at: p + 2) {
      name += "::" + text(p + 2, next)
      p = next
    }
    let nameRange = range(start, p)
    let save = p
    try skip()
    if peek() == UInt8(ascii: "("), p < bytes.count {
      return try parseCall(name: name, nameRange: nameRange)
    }
    p = save
    if name.contains("::") {
      throw error("expected '(' after the function name '\(name)', found \(found(p))", at: p)
    }
    switch name {
    case "true": return HCLExpression(.bool(true), range: nameRange)
    case "false": return HCLExpression(.bool(false), range: nameRange)
    case "null": return HCLExpression(.null, range: nameRange)
    default: return HCLExpression(.variable(name), range: nameRange)
    }
  }

  private mutating func parseCall(name: String, nameRange: SourceRange) throws(ParseError) -> HCLExpression {
    let open = p
    let saved = newlinesAreSpace
    newlinesAreSpace = true
    p += 1
    var arguments: [HCLExpression] = []
    var expands = false
    var deepest = 0
    try skip()
    if peek() != UInt8(ascii: ")") || p >= bytes.count {
      while true {
        let argument = try parseExpression()
        arguments.append(argument)
        deepest = max(deepest, argument.depth)
        try skip()
        if peek() == UInt8(ascii: "."), peek(1) == UInt8(ascii: "."), peek(2) == UInt8(ascii: ".") {
          p += 3
          expands = true
          try skip()
          guard peek() == UInt8(ascii: ")"), p < bytes.count else {
            throw error("'...' may only follow the last argument of '\(name)'; found \(found(p)) after it", at: p)
          }
          break
        }
        if peek() == UInt8(ascii: ","), p < bytes.count {
          p += 1
          try skip()
          if peek() == UInt8(ascii: ")"), p < bytes.count { break }
          continue
        }
        if peek() == UInt8(ascii: ")"), p < bytes.count { break }
        throw error(
          "expected ',' or ')' after an argument of '\(name)' (opened at \(place(open))), found \(found(p))", at: p)
      }
    }
    p += 1
    newlinesAreSpace = saved
    let call = HCLFunctionCall(name: name, nameRange: nameRange, arguments: arguments, expandsFinalArgument: expands)
    return try node(.call(call), start: nameRange.start, end: tracker.position(p), childDepth: deepest)
  }

  /// `[a, b]` or `[for …]`.
  private mutating func parseTuple() throws(ParseError) -> HCLExpression {
    let open = p
    let start = tracker.position(p)
    let saved = newlinesAreSpace
    newlinesAreSpace = true
    p += 1
    try skip()
    if startsForExpression() {
      let result = try parseFor(open: open, start: start, producesObject: false)
      newlinesAreSpace = saved
      return result
    }
    var items: [HCLExpression] = []
    var deepest = 0
    if peek() != UInt8(ascii: "]") || p >= bytes.count {
      while true {
        let item = try parseExpression()
        items.append(item)
        deepest = max(deepest, item.depth)
        try skip()
        if peek() == UInt8(ascii: ","), p < bytes.count {
          p += 1
          try skip()
          if peek() == UInt8(ascii: "]"), p < bytes.count { break }
          continue
        }
        if peek() == UInt8(ascii: "]"), p < bytes.count { break }
        throw error("expected ',' or ']' after an element of the list opened at \(place(open)), found \(found(p))", at: p)
      }
    }
    p += 1
    newlinesAreSpace = saved
    return try node(.tuple(items), start: start, end: tracker.position(p), childDepth: deepest)
  }

  /// `{key = value, "key": value}` (elements end at a comma or a line break) or `{for …}`.
  private mutating func parseObject() throws(ParseError) -> HCLExpression {
    let open = p
    let start = tracker.position(p)
    let saved = newlinesAreSpace
    newlinesAreSpace = true
    p += 1
    try skip()
    if startsForExpression() {
      let result = try parseFor(open: open, start: start, producesObject: true)
      newlinesAreSpace = saved
      return result
    }
    newlinesAreSpace = false
    var items: [HCLObjectItem] = []
    var deepest = 0
    while true {
      try skipTrivia(newlines: true)
      guard p < bytes.count else {
        throw error("expected '}' to close the object opened at \(place(open)), found the end of the file", at: p)
      }
      if bytes[p] == UInt8(ascii: "}") { break }
      let key = try parseExpression()
      try skip()
      let separator = peek()
      guard p < bytes.count,
        (separator == UInt8(ascii: "=") && peek(1) != UInt8(ascii: "=")) || separator == UInt8(ascii: ":")
      else {
        throw error("expected '=' or ':' after the key of an object element, found \(found(p))", at: p)
      }
      p += 1
      let value = try parseExpression()
      var keyIsName = false
      if case .variable = key.kind { keyIsName = true }
      items.append(HCLObjectItem(key: key, keyIsName: keyIsName, value: value))
      deepest = max(deepest, key.depth, value.depth)
      try skip()
      guard p < bytes.count else { continue }
      switch bytes[p] {
      case UInt8(ascii: ","): p += 1
      case UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "}"): break
      default:
        throw error("expected ',', a line break or '}' after an element of the object opened at \(place(open)), found \(found(p))", at: p)
      }
    }
    p += 1
    newlinesAreSpace = saved
    return try node(.object(items), start: start, end: tracker.position(p), childDepth: deepest)
  }

  /// `for` starts a for expression when a name follows it (`[for, x]` is a list holding `for`).
  private func startsForExpression() -> Bool {
    guard atKeyword("for") else { return false }
    var index = p + 3
    while index < bytes.count, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t")
      || bytes[index] == UInt8(ascii: "\n") || bytes[index] == UInt8(ascii: "\r")
    {
      index += 1
    }
    return index > p + 3 && identifierEnd(at: index) != nil
  }

  /// The rest of `[for k, v in collection: value if condition]` or
  /// `{for k, v in collection: key => value... if condition}`, from the keyword `for`.
  private mutating func parseFor(open: Int, start: SourcePosition, producesObject: Bool) throws(ParseError) -> HCLExpression {
    p += 3
    try skip()
    guard let firstEnd = identifierEnd(at: p) else {
      throw error("expected a name after 'for', found \(found(p))", at: p)
    }
    var valueVariable = text(p, firstEnd)
    var keyVariable: String?
    p = firstEnd
    try skip()
    if peek() == UInt8(ascii: ","), p < bytes.count {
      p += 1
      try skip()
      guard let secondEnd = identifierEnd(at: p) else {
        throw error("expected a second name after ',' in the 'for' expression, found \(found(p))", at: p)
      }
      keyVariable = valueVariable
      valueVariable = text(p, secondEnd)
      p = secondEnd
      try skip()
    }
    guard atKeyword("in") else {
      throw error("expected 'in' after the names of the 'for' expression, found \(found(p))", at: p)
    }
    p += 2
    let collection = try parseExpression()
    try skip()
    guard peek() == UInt8(ascii: ":"), p < bytes.count else {
      throw error("expected ':' after the collection of the 'for' expression, found \(found(p))", at: p)
    }
    p += 1
    var keyExpression: HCLExpression?
    var isGrouping = false
    if producesObject {
      keyExpression = try parseExpression()
      try skip()
      guard peek() == UInt8(ascii: "="), peek(1) == UInt8(ascii: ">") else {
        throw error("expected '=>' after the key of the 'for' expression, found \(found(p))", at: p)
      }
      p += 2
    }
    let valueExpression = try parseExpression()
    try skip()
    if producesObject, peek() == UInt8(ascii: "."), peek(1) == UInt8(ascii: "."), peek(2) == UInt8(ascii: ".") {
      p += 3
      isGrouping = true
      try skip()
    }
    var condition: HCLExpression?
    if atKeyword("if") {
      p += 2
      condition = try parseExpression()
      try skip()
    }
    let closing = producesObject ? UInt8(ascii: "}") : UInt8(ascii: "]")
    guard peek() == closing, p < bytes.count else {
      throw error(
        "expected '\(Character(Unicode.Scalar(closing)))' to close the 'for' expression opened at \(place(open)), found \(found(p))",
        at: p)
    }
    p += 1
    let forExpression = HCLForExpression(
      keyVariable: keyVariable, valueVariable: valueVariable, collection: collection, keyExpression: keyExpression,
      valueExpression: valueExpression, isGrouping: isGrouping, condition: condition)
    let deepest = max(collection.depth, keyExpression?.depth ?? 0, valueExpression.depth, condition?.depth ?? 0)
    return try node(.forExpression(forExpression), start: start, end: tracker.position(p), childDepth: deepest)
  }
}
