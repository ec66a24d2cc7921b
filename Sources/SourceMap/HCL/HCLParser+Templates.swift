/// The template language: quoted strings, heredocs, interpolations and directives.
extension HCLParser {
  /// Where a template's text is and how it ends.
  enum TemplateContext {
    /// Between quotes: escapes apply, line breaks are not allowed.
    case quoted(open: Int)
    /// The lines of a heredoc up to the line holding only `marker`; `indent` leading spaces are
    /// dropped from each line (`<<-`).
    case heredoc(marker: ArraySlice<UInt8>, open: Int, indent: Int)
    /// The whole text: a JSON string's value.
    case standalone
  }

  /// How a run of template parts ended.
  enum TemplateEnd {
    /// At the closing quote, the heredoc's closing line, or the end of standalone text.
    case closed
    /// At `%{else}`, `%{endif}` or `%{endfor}` (at `offset`), which the enclosing directive takes;
    /// `stripsFollowing` when it ends with `~}`.
    case directive(String, offset: Int, stripsFollowing: Bool)
  }

  struct TemplateRun {
    var parts: [HCLTemplatePart] = []
    var depth = 0
    var end = TemplateEnd.closed
  }

  mutating func parseQuotedTemplate() throws(ParseError) -> HCLExpression {
    let open = p
    let start = tracker.position(p)
    p += 1
    let run = try parseTemplateParts(.quoted(open: open), stripLeading: false)
    if case .directive(let keyword, let offset, _) = run.end {
      throw error("'%{\(keyword)}' has no matching '%{if}' or '%{for}'", at: offset)
    }
    let template = HCLTemplate(parts: run.parts, isHeredoc: false)
    return try node(.template(template), start: start, end: tracker.position(p), childDepth: run.depth)
  }

  /// `<<EOT` or `<<-EOT`, a line break, lines of template, and a line holding only `EOT` (spaces
  /// before it allowed).
  mutating func parseHeredoc() throws(ParseError) -> HCLExpression {
    let open = p
    let start = tracker.position(p)
    p += 2
    var indented = false
    if peek() == UInt8(ascii: "-") {
      indented = true
      p += 1
    }
    guard let markerEnd = identifierEnd(at: p) else {
      throw error("expected a marker name after '<<', as in <<EOT, found \(found(p))", at: p)
    }
    let marker = bytes[p..<markerEnd]
    p = markerEnd
    while peek() == UInt8(ascii: " ") || peek() == UInt8(ascii: "\t") { p += 1 }
    if peek() == UInt8(ascii: "\r"), peek(1) == UInt8(ascii: "\n") {
      p += 2
    } else if peek() == UInt8(ascii: "\n") || peek() == UInt8(ascii: "\r") {
      p += 1
    } else {
      throw error("expected a line break after the heredoc marker '\(text(open, markerEnd))', found \(found(p))", at: p)
    }
    let indent = indented ? minimumIndent(from: p, marker: marker) : 0
    let run = try parseTemplateParts(.heredoc(marker: marker, open: open, indent: indent), stripLeading: false)
    if case .directive(let keyword, let offset, _) = run.end {
      throw error("'%{\(keyword)}' has no matching '%{if}' or '%{for}'", at: offset)
    }
    let template = HCLTemplate(parts: run.parts, isHeredoc: true)
    return try node(.template(template), start: start, end: tracker.position(p), childDepth: run.depth)
  }

  /// The fewest leading spaces of the heredoc's non-blank lines, up to its closing line.
  private func minimumIndent(from contentStart: Int, marker: ArraySlice<UInt8>) -> Int {
    var lineStart = contentStart
    var minimum = Int.max
    while lineStart < bytes.count {
      var index = lineStart
      while index < bytes.count, bytes[index] == UInt8(ascii: " ") { index += 1 }
      var lineEnd = index
      while lineEnd < bytes.count, bytes[lineEnd] != UInt8(ascii: "\n"), bytes[lineEnd] != UInt8(ascii: "\r") {
        lineEnd += 1
      }
      var contentEnd = lineEnd
      while contentEnd > index, bytes[contentEnd - 1] == UInt8(ascii: " ") || bytes[contentEnd - 1] == UInt8(ascii: "\t") {
        contentEnd -= 1
      }
      if bytes[index..<contentEnd].elementsEqual(marker) { break }
      if contentEnd > index { minimum = min(minimum, index - lineStart) }
      lineStart = lineEnd
      if lineStart < bytes.count, bytes[lineStart] == UInt8(ascii: "\r") { lineStart += 1 }
      if lineStart < bytes.count, bytes[lineStart] == UInt8(ascii: "\n") { lineStart += 1 }
    }
    return minimum == Int.max ? 0 : minimum
  }

  /// Literal text, interpolations and directives up to the end of `context` or up to a directive
  /// (`else`, `endif`, `endfor`) that belongs to an enclosing one.
  mutating func parseTemplateParts(_ context: TemplateContext, stripLeading: Bool) throws(ParseError) -> TemplateRun {
    var run = TemplateRun()
    var literal: [UInt8] = []
    var literalStart = p
    var stripNext = stripLeading

    func flush(_ parser: inout HCLParser) {
      guard !literal.isEmpty else { return }
      let value = String(decoding: literal, as: UTF8.self)
      let literalRange = parser.range(literalStart, parser.p)
      if case .literal(let previous, let previousRange)? = run.parts.last {
        run.parts[run.parts.count - 1] = .literal(
          previous + value, SourceRange(start: previousRange.start, end: literalRange.end))
      } else {
        run.parts.append(.literal(value, literalRange))
      }
      literal.removeAll(keepingCapacity: true)
    }

    while true {
      if stripNext {
        while p < bytes.count, Self.isTemplateSpace(bytes[p]) {
          if case .heredoc = context, atLineStart(), closingLine(context) != nil { break }
          p += 1
        }
        stripNext = false
        if literal.isEmpty { literalStart = p }
      }
      if case .heredoc(_, _, let indent) = context, atLineStart() {
        if let after = closingLine(context) {
          flush(&self)
          p = after
          return run
        }
        if literal.isEmpty { literalStart = p }
        var skipped = 0
        while skipped < indent, peek() == UInt8(ascii: " ") {
          p += 1
          skipped += 1
        }
      }
      guard p < bytes.count else {
        switch context {
        case .standalone:
          flush(&self)
          return run
        case .quoted(let open):
          throw error("the string that starts at \(place(open)) is not closed: '\"' is missing", at: p)
        case .heredoc(let marker, let open, _):
          throw error(
            "the heredoc that starts at \(place(open)) has no closing line '\(String(decoding: marker, as: UTF8.self))'",
            at: p)
        }
      }
      let byte = bytes[p]
      if literal.isEmpty { literalStart = p }
      switch byte {
      case UInt8(ascii: "\""):
        guard case .quoted = context else {
          literal.append(byte)
          p += 1
          continue
        }
        flush(&self)
        p += 1
        return run
      case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
        if case .quoted = context {
          throw error(
            "a quoted string cannot span lines: close it with '\"' on this line, or use a heredoc (<<EOT)", at: p)
        }
        literal.append(byte)
        p += 1
      case UInt8(ascii: "\\"):
        guard case .quoted = context else {
          literal.append(byte)
          p += 1
          continue
        }
        try decodeEscape(into: &literal)
      case UInt8(ascii: "$") where peek(1) == UInt8(ascii: "{"):
        flush(&self)
        let stripsFollowing = try parseInterpolation(into: &run)
        stripNext = stripsFollowing
      case UInt8(ascii: "$") where peek(1) == UInt8(ascii: "$") && peek(2) == UInt8(ascii: "{"):
        literal.append(contentsOf: [UInt8(ascii: "$"), UInt8(ascii: "{")])
        p += 3
      case UInt8(ascii: "%") where peek(1) == UInt8(ascii: "{"):
        flush(&self)
        if let end = try parseDirective(context, into: &run, stripNext: &stripNext) {
          run.end = end
          return run
        }
      case UInt8(ascii: "%") where peek(1) == UInt8(ascii: "%") && peek(2) == UInt8(ascii: "{"):
        literal.append(contentsOf: [UInt8(ascii: "%"), UInt8(ascii: "{")])
        p += 3
      default:
        literal.append(byte)
        p += 1
      }
    }
  }

  private static func isTemplateSpace(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
  }

  private func atLineStart() -> Bool {
    p > 0 && (bytes[p - 1] == UInt8(ascii: "\n") || bytes[p - 1] == UInt8(ascii: "\r"))
  }

  /// When the line at `p` is a heredoc's closing line, the offset just after its marker.
  private func closingLine(_ context: TemplateContext) -> Int? {
    guard case .heredoc(let marker, _, _) = context else { return nil }
    var index = p
    while index < bytes.count, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t") { index += 1 }
    let end = index + marker.count
    guard end <= bytes.count, bytes[index..<end].elementsEqual(marker) else { return nil }
    var after = end
    while after < bytes.count, bytes[after] == UInt8(ascii: " ") || bytes[after] == UInt8(ascii: "\t") { after += 1 }
    guard after == bytes.count || bytes[after] == UInt8(ascii: "\n") || bytes[after] == UInt8(ascii: "\r") else {
      return nil
    }
    return end
  }

  /// One escape of a quoted string, at its backslash.
  private mutating func decodeEscape(into literal: inout [UInt8]) throws(ParseError) {
    let backslash = p
    p += 1
    guard p < bytes.count else {
      throw error("the string ends inside an escape ('\\' at the end of the file)", at: backslash)
    }
    let letter = bytes[p]
    p += 1
    switch letter {
    case UInt8(ascii: "n"): literal.append(UInt8(ascii: "\n"))
    case UInt8(ascii: "r"): literal.append(UInt8(ascii: "\r"))
    case UInt8(ascii: "t"): literal.append(UInt8(ascii: "\t"))
    case UInt8(ascii: "\""): literal.append(UInt8(ascii: "\""))
    case UInt8(ascii: "\\"): literal.append(UInt8(ascii: "\\"))
    case UInt8(ascii: "u"), UInt8(ascii: "U"):
      let digits = letter == UInt8(ascii: "u") ? 4 : 8
      guard p + digits <= bytes.count, let value = UInt32(text(p, p + digits), radix: 16),
        bytes[p..<p + digits].allSatisfy({ $0 != UInt8(ascii: "+") && $0 != UInt8(ascii: "-") })
      else {
        throw error(
          "'\\\(Character(Unicode.Scalar(letter)))' must be followed by \(digits) hexadecimal digits", at: backslash)
      }
      guard let scalar = Unicode.Scalar(value) else {
        throw error("'\(text(backslash, p + digits))' is not a Unicode character", at: backslash)
      }
      literal.append(contentsOf: Array(String(Character(scalar)).utf8))
      p += digits
    default:
      p -= 1
      throw error(
        "unknown escape '\\\(found(p).dropFirst().dropLast())' in a string: write '\\\\' for a backslash", at: backslash)
    }
  }

  /// `${ expression }` with its strip markers; returns whether it ends with `~}`.
  private mutating func parseInterpolation(into run: inout TemplateRun) throws(ParseError) -> Bool {
    let open = p
    p += 2
    if peek() == UInt8(ascii: "~") {
      p += 1
      Self.trimTrailingSpace(&run.parts)
    }
    let saved = newlinesAreSpace
    newlinesAreSpace = true
    let expression = try parseExpression()
    try skip()
    var stripsFollowing = false
    if peek() == UInt8(ascii: "~") {
      p += 1
      stripsFollowing = true
    }
    guard peek() == UInt8(ascii: "}"), p < bytes.count else {
      throw error("expected '}' to close the '${' at \(place(open)), found \(found(p))", at: p)
    }
    p += 1
    newlinesAreSpace = saved
    run.parts.append(.interpolation(expression))
    run.depth = max(run.depth, expression.depth)
    return stripsFollowing
  }

  /// `%{if …}`, `%{for …}` with their bodies, or a closing directive that ends the current run
  /// (returned for the caller).
  private mutating func parseDirective(
    _ context: TemplateContext, into run: inout TemplateRun, stripNext: inout Bool
  ) throws(ParseError) -> TemplateEnd? {
    let open = p
    let start = tracker.position(p)
    p += 2
    if peek() == UInt8(ascii: "~") {
      p += 1
      Self.trimTrailingSpace(&run.parts)
    }
    let saved = newlinesAreSpace
    newlinesAreSpace = true
    try skip()
    guard let keywordEnd = identifierEnd(at: p) else {
      throw error("expected 'if', 'for', 'else', 'endif' or 'endfor' after '%{', found \(found(p))", at: p)
    }
    let keyword = text(p, keywordEnd)
    switch keyword {
    case "else", "endif", "endfor":
      p = keywordEnd
      let strips = try closeDirective(open)
      newlinesAreSpace = saved
      return .directive(keyword, offset: open, stripsFollowing: strips)
    case "if":
      p = keywordEnd
      let condition = try parseExpression()
      let stripsBody = try closeDirective(open)
      newlinesAreSpace = saved
      try enter(at: open)
      let whenTrue = try parseTemplateParts(context, stripLeading: stripsBody)
      var whenFalse: TemplateRun?
      var end = whenTrue.end
      if case .directive("else", _, let stripsElse) = end {
        let elseRun = try parseTemplateParts(context, stripLeading: stripsElse)
        whenFalse = elseRun
        end = elseRun.end
      }
      guard case .directive("endif", _, let stripsAfter) = end else {
        throw error("the '%{if}' at \(place(open)) is not closed with '%{endif}'", at: open)
      }
      depth -= 1
      let directive = HCLTemplateConditional(
        condition: condition, whenTrue: whenTrue.parts, whenFalse: whenFalse?.parts,
        range: SourceRange(start: start, end: tracker.position(p)))
      run.parts.append(.conditional(directive))
      run.depth = max(run.depth, condition.depth, whenTrue.depth + 1, (whenFalse?.depth ?? 0) + 1)
      try checkDepth(run.depth, at: open)
      stripNext = stripsAfter
      return nil
    case "for":
      p = keywordEnd
      try skip()
      guard let firstEnd = identifierEnd(at: p) else {
        throw error("expected a name after 'for', found \(found(p))", at: p)
      }
      var valueVariable = text(p, firstEnd)
      var keyVariable: String?
      p = firstEnd
      try skip()
      if peek() == UInt8(ascii: ",") {
        p += 1
        try skip()
        guard let secondEnd = identifierEnd(at: p) else {
          throw error("expected a second name after ',' in the '%{for}' directive, found \(found(p))", at: p)
        }
        keyVariable = valueVariable
        valueVariable = text(p, secondEnd)
        p = secondEnd
        try skip()
      }
      guard atKeyword("in") else {
        throw error("expected 'in' after the names of the '%{for}' directive, found \(found(p))", at: p)
      }
      p += 2
      let collection = try parseExpression()
      let stripsBody = try closeDirective(open)
      newlinesAreSpace = saved
      try enter(at: open)
      let body = try parseTemplateParts(context, stripLeading: stripsBody)
      guard case .directive("endfor", _, let stripsAfter) = body.end else {
        throw error("the '%{for}' at \(place(open)) is not closed with '%{endfor}'", at: open)
      }
      depth -= 1
      let loop = HCLTemplateLoop(
        keyVariable: keyVariable, valueVariable: valueVariable, collection: collection, body: body.parts,
        range: SourceRange(start: start, end: tracker.position(p)))
      run.parts.append(.loop(loop))
      run.depth = max(run.depth, collection.depth, body.depth + 1)
      try checkDepth(run.depth, at: open)
      stripNext = stripsAfter
      return nil
    default:
      throw error(
        "unknown template directive '\(keyword)': expected if, for, else, endif or endfor", at: p)
    }
  }

  /// The `}` (or `~}`) that ends a directive's opening; returns whether it strips what follows.
  private mutating func closeDirective(_ open: Int) throws(ParseError) -> Bool {
    try skip()
    var strips = false
    if peek() == UInt8(ascii: "~") {
      p += 1
      strips = true
    }
    guard peek() == UInt8(ascii: "}"), p < bytes.count else {
      throw error("expected '}' to close the '%{' at \(place(open)), found \(found(p))", at: p)
    }
    p += 1
    return strips
  }

  private mutating func checkDepth(_ value: Int, at offset: Int) throws(ParseError) {
    guard value < maxDepth else { throw error("nesting deeper than \(maxDepth) levels", at: offset) }
  }

  /// A strip marker before an interpolation or directive removes the spaces and line breaks at the
  /// end of the literal text just before it.
  private static func trimTrailingSpace(_ parts: inout [HCLTemplatePart]) {
    guard case .literal(let text, let range)? = parts.last else { return }
    var trimmed = Substring(text)
    while let last = trimmed.unicodeScalars.last, last == " " || last == "\t" || last == "\n" || last == "\r" {
      trimmed = Substring(trimmed.unicodeScalars.dropLast())
    }
    if trimmed.isEmpty {
      parts.removeLast()
    } else {
      parts[parts.count - 1] = .literal(String(trimmed), range)
    }
  }
}
