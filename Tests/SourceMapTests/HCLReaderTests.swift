import SourceMap
import Testing

// MARK: - Helpers

private func file(_ text: String, limits: ReaderLimits = .default) throws(ParseError) -> HCLFile {
  try HCLReader.read(SourceText(text), limits: limits)
}

/// The value of the one attribute of `x = <text>`.
private func value(_ text: String) throws -> HCLExpression {
  let body = try file("x = " + text).body
  return try #require(body.attribute("x")).value
}

/// The error reading `text`, as "line:column: message"; nil when it reads.
private func failure(_ text: String, limits: ReaderLimits = .default) -> String? {
  failure(bytes: Array(text.utf8), limits: limits)
}

private func failure(bytes: [UInt8], limits: ReaderLimits = .default) -> String? {
  do {
    _ = try HCLReader.read(SourceText(utf8: bytes), limits: limits)
    return nil
  } catch {
    return "\(error.range.start.line):\(error.range.start.column): \(error.message)"
  }
}

private func at(_ line: Int, _ column: Int, _ offset: Int) -> SourcePosition {
  SourcePosition(line: line, column: column, offset: offset)
}

private func span(_ start: SourcePosition, _ end: SourcePosition) -> SourceRange {
  SourceRange(start: start, end: end)
}

/// "line:column-line:column" of a range.
private func place(_ range: SourceRange) -> String {
  "\(range.start.line):\(range.start.column)-\(range.end.line):\(range.end.column)"
}

/// An expression as a compact S-expression, to pin its whole shape in one string.
private func show(_ expression: HCLExpression) -> String {
  switch expression.kind {
  case .number(let text): return text
  case .bool(let value): return String(value)
  case .null: return "null"
  case .variable(let name): return name
  case .template(let template): return show(template.parts, heredoc: template.isHeredoc)
  case .tuple(let items): return "[" + items.map(show).joined(separator: " ") + "]"
  case .object(let items):
    return "{" + items.map { item in
      (item.keyIsName ? (item.literalKey ?? "?") : show(item.key)) + "=" + show(item.value)
    }.joined(separator: " ") + "}"
  case .call(let call):
    return "(\(call.name)" + call.arguments.map { " " + show($0) }.joined() + (call.expandsFinalArgument ? "...)" : ")")
  case .traversal(let source, let steps):
    return "(. " + show(source) + steps.map { step -> String in
      switch step {
      case .attribute(let name, _): return " .\(name)"
      case .index(let key): return " [\(show(key))]"
      case .legacyIndex(let index, _): return " .\(index)"
      case .attributeSplat: return " .*"
      case .fullSplat: return " [*]"
      }
    }.joined() + ")"
  case .forExpression(let loop):
    var text = "(for " + (loop.keyVariable.map { "\($0) " } ?? "") + loop.valueVariable + " in " + show(loop.collection) + ":"
    if let key = loop.keyExpression { text += " " + show(key) + " =>" }
    text += " " + show(loop.valueExpression) + (loop.isGrouping ? "..." : "")
    if let condition = loop.condition { text += " if " + show(condition) }
    return text + (loop.producesObject ? " {})" : " [])")
  case .unary(let operation, let operand): return "(\(operation.rawValue) \(show(operand)))"
  case .binary(let operation, let left, let right): return "(\(operation.rawValue) \(show(left)) \(show(right)))"
  case .conditional(let condition, let whenTrue, let whenFalse):
    return "(? \(show(condition)) \(show(whenTrue)) \(show(whenFalse)))"
  case .parenthesized(let inner): return "(paren \(show(inner)))"
  }
}

private func show(_ parts: [HCLTemplatePart], heredoc: Bool = false) -> String {
  (heredoc ? "(heredoc" : "(tpl") + parts.map { part -> String in
    switch part {
    case .literal(let text, _): return " \"" + text.replacingNewlines() + "\""
    case .interpolation(let expression): return " ${" + show(expression) + "}"
    case .conditional(let directive):
      return " %{if " + show(directive.condition) + " " + show(directive.whenTrue)
        + (directive.whenFalse.map { " else " + show($0) } ?? "") + "}"
    case .loop(let loop):
      return " %{for " + (loop.keyVariable.map { "\($0) " } ?? "") + loop.valueVariable + " in "
        + show(loop.collection) + " " + show(loop.body) + "}"
    }
  }.joined() + ")"
}

extension String {
  fileprivate func replacingNewlines() -> String {
    var result = ""
    for character in self {
      switch character {
      case "\n": result += "\\n"
      case "\r": result += "\\r"
      case "\t": result += "\\t"
      default: result.append(character)
      }
    }
    return result
  }
}

/// The HCL reader: every structure and expression form, positions, errors and depth bounds.
struct HCLReaderTests {
// MARK: - Structure

@Test func attributesAndBlocksKeepTheirOrderLabelsAndRanges() throws {
  let text = """
    # audit trail
    region = "eu-west-1"

    resource "aws_cloudtrail" "main" {
      name = "audit"
      event_selector {
        read_write_type = "All"
      }
    }
    terraform { required_version = ">= 1.5" }
    locals {}
    dynamic item {
    }

    """
  let body = try file(text).body
  #expect(body.attributes.map(\.name) == ["region"])
  #expect(body.blocks.map(\.type) == ["resource", "terraform", "locals", "dynamic"])
  let resource = body.blocks[0]
  #expect(resource.labels.map(\.value) == ["aws_cloudtrail", "main"])
  #expect(resource.labels.map(\.isQuoted) == [true, true])
  #expect(place(resource.typeRange) == "4:1-4:9")
  #expect(place(resource.labels[0].range) == "4:10-4:26")
  #expect(place(resource.labels[1].range) == "4:27-4:33")
  #expect(resource.headerRange == span(at(4, 1, 36), at(4, 33, 68)))
  #expect(place(resource.range) == "4:1-9:2")
  #expect(resource.body.attribute("name")?.value.literalText == "audit")
  #expect(place(try #require(resource.body.attribute("name")).range) == "5:3-5:17")
  #expect(place(try #require(resource.body.attribute("name")).nameRange) == "5:3-5:7")
  #expect(resource.body.blocks(ofType: "event_selector").count == 1)
  let oneLine = body.blocks[1]
  #expect(oneLine.body.attribute("required_version")?.value.literalText == ">= 1.5")
  #expect(body.blocks[3].labels == [HCLLabel(value: "item", range: span(at(12, 9, 201), at(12, 13, 205)), isQuoted: false)])
}

@Test func anEmptyFileAndAFileOfCommentsHaveAnEmptyBody() throws {
  for text in ["", "\n\n", "# only\n// comments\n/* here */\n"] {
    let body = try file(text).body
    #expect(body.attributes.isEmpty && body.blocks.isEmpty)
  }
}

@Test func commentsOfEveryStyleAreKeptWithTheirRanges() throws {
  let text = "# hash\na = 1 // slashes\n/* block\n spans */ b = 2 # trailing\n"
  let comments = try file(text).comments
  #expect(comments.map(\.style) == [.hash, .doubleSlash, .block, .hash])
  #expect(comments.map(\.text) == ["# hash", "// slashes", "/* block\n spans */", "# trailing"])
  #expect(comments.map(\.content) == ["hash", "slashes", "block\n spans", "trailing"])
  #expect(comments.map { place($0.range) } == ["1:1-1:7", "2:7-2:17", "3:1-4:10", "4:17-4:27"])
}

@Test func commentsInsideExpressionsAreKeptOnce() throws {
  let text = "a = [\n  1, # one\n  2, /* two */\n]\nb = (1 # one\n + 2)\n"
  let parsed = try file(text)
  #expect(parsed.comments.map(\.text) == ["# one", "/* two */", "# one"])
  #expect(show(try #require(parsed.body.attribute("b")).value) == "(paren (+ 1 2))")
}

// MARK: - Literals and templates

@Test(arguments: [
  ("365", "365"), ("1.5", "1.5"), ("1e3", "1e3"), ("2.5E-3", "2.5E-3"), ("true", "true"), ("false", "false"),
  ("null", "null"), ("-1", "(- 1)"),
])
func literals(text: String, expected: String) throws {
  #expect(show(try value(text)) == expected)
}

@Test(arguments: [
  (#""plain""#, #"(tpl "plain")"#),
  (#""""#, "(tpl)"),
  (#""a\"b\\c\nd\te\r""#, #"(tpl "a"b\c\nd\te\r")"#),
  (#""\u00e9\U0001F50D""#, #"(tpl "é🔍")"#),
  (#""${aws_cloudwatch_log_group.audit.arn}:*""#, #"(tpl ${(. aws_cloudwatch_log_group .audit .arn)} ":*")"#),
  (#""$${literal} and %%{literal}""#, #"(tpl "${literal} and %{literal}")"#),
  (#""cost: $5 and 50%""#, #"(tpl "cost: $5 and 50%")"#),
  (#""hello ${~ "world" }""#, #"(tpl "hello" ${(tpl "world")})"#),
  (#""${"hello" ~}  ${" world"}""#, #"(tpl ${(tpl "hello")} ${(tpl " world")})"#),
  (#""%{ if true ~} hello %{~ endif }""#, #"(tpl %{if true (tpl "hello")})"#),
  (#""%{if a}yes%{else}no%{endif}!""#, #"(tpl %{if a (tpl "yes") else (tpl "no")} "!")"#),
  (#""%{for k, v in m}${k}=${v},%{endfor}""#, #"(tpl %{for k v in m (tpl ${k} "=" ${v} ",")})"#),
  (#""${ {a = 1}.a }""#, #"(tpl ${(. {a=1} .a)})"#),
  (#""${"${"nested"}"}""#, #"(tpl ${(tpl ${(tpl "nested")})})"#),
])
func quotedTemplates(text: String, expected: String) throws {
  #expect(show(try value(text)) == expected)
}

@Test func heredocsKeepTheirLinesAndInterpolate() throws {
  let text = "x = <<EOT\n  line one\n  ${var.name}\nEOT\ny = 1\n"
  let body = try file(text).body
  let heredoc = try #require(body.attribute("x")).value
  #expect(show(heredoc) == #"(heredoc "  line one\n  " ${(. var .name)} "\n")"#)
  #expect(place(heredoc.range) == "1:5-4:4")
  #expect(body.attribute("y") != nil)
}

@Test func indentedHeredocsDropTheCommonIndentation() throws {
  let text = "x = <<-EOT\n    {\n      \"a\": 1\n\n    }\n    EOT\n"
  let heredoc = try #require(try file(text).body.attribute("x")).value
  #expect(heredoc.literalText == "{\n  \"a\": 1\n\n}\n")
}

@Test func heredocMarkersMustBeAloneOnTheirLine() throws {
  let text = "x = <<EOT\nEOT is not the end\n  EOT\n"
  #expect(try #require(try file(text).body.attribute("x")).value.literalText == "EOT is not the end\n")
}

@Test func heredocsWithCRLFLineBreaks() throws {
  let text = "x = <<EOT\r\nline\r\nEOT\r\ny = 2\r\n"
  let body = try file(text).body
  #expect(body.attribute("x")?.value.literalText == "line\r\n")
  #expect(place(try #require(body.attribute("y")).range) == "4:1-4:6")
}

@Test func templatePartsHaveRanges() throws {
  let template = try value(#""ab${c}d""#)
  guard case .template(let parsed) = template.kind, parsed.parts.count == 3,
    case .literal(_, let first) = parsed.parts[0], case .interpolation(let inner) = parsed.parts[1],
    case .literal(_, let last) = parsed.parts[2]
  else {
    Issue.record("unexpected shape \(show(template))")
    return
  }
  #expect(place(first) == "1:6-1:8")
  #expect(place(inner.range) == "1:10-1:11")
  #expect(place(last) == "1:12-1:13")
  #expect(place(template.range) == "1:5-1:14")
}

// MARK: - Collections, calls, traversals

@Test(arguments: [
  ("[]", "[]"),
  ("[1, 2,]", "[1 2]"),
  ("[\n  1,\n  2\n]", "[1 2]"),
  ("{}", "{}"),
  ("{a = 1, b: 2}", "{a=1 b=2}"),
  ("{\n  a = 1\n  \"b\" = 2,\n  (c) = 3\n}", #"{a=1 (tpl "b")=2 (paren c)=3}"#),
  ("{ for_each = 1 }", "{for_each=1}"),
  ("[(for), 1]", "[(paren for) 1]"),
  ("format(\"%s:*\", aws_cloudwatch_log_group.x.arn)", #"(format (tpl "%s:*") (. aws_cloudwatch_log_group .x .arn))"#),
  ("join(\"\", [\"a\", \"b\"])", #"(join (tpl) [(tpl "a") (tpl "b")])"#),
  ("concat(a, b...)", "(concat a b...)"),
  ("f(\n  1,\n  2,\n)", "(f 1 2)"),
  ("f()", "(f)"),
  ("provider::aws::arn_parse(x).region", "(. (provider::aws::arn_parse x) .region)"),
  ("var.list[0].name", "(. var .list [0] .name)"),
  ("aws_iam_role.r[count.index].arn", "(. aws_iam_role .r [(. count .index)] .arn)"),
  ("module.audit.ids.0", "(. module .audit .ids .0)"),
  ("var.users.*.name", "(. var .users .* .name)"),
  ("var.users[*].keys[0]", "(. var .users [*] .keys [0])"),
  ("aws_cloudwatch_log_group.this[\"a\"].arn", #"(. aws_cloudwatch_log_group .this [(tpl "a")] .arn)"#),
  ("local.a-b", "(. local .a-b)"),
])
func collectionsCallsAndTraversals(text: String, expected: String) throws {
  #expect(show(try value(text)) == expected)
}

@Test func staticTraversalsReadAsNames() throws {
  #expect(try value("aws_cloudwatch_log_group.audit.arn").staticTraversal == ["aws_cloudwatch_log_group", "audit", "arn"])
  #expect(try value("aws_iam_role.r[0].arn").staticTraversal == ["aws_iam_role", "r", "0", "arn"])
  #expect(try value("var.x[var.i]").staticTraversal == nil)
  #expect(try value("var.x.*.id").staticTraversal == nil)
}

// MARK: - Operators, conditionals, for expressions

@Test(arguments: [
  ("a || b && c == d + e * f", "(|| a (&& b (== c (+ d (* e f)))))"),
  ("a * b + c > d && e != f || g", "(|| (&& (> (+ (* a b) c) d) (!= e f)) g)"),
  ("a - b - c", "(- (- a b) c)"),
  ("a / b % c * d", "(* (% (/ a b) c) d)"),
  ("-a * b", "(* (- a) b)"),
  ("!a && !b", "(&& (! a) (! b))"),
  ("- -a", "(- (- a))"),
  ("a <= b == c >= d", "(== (<= a b) (>= c d))"),
  ("(a + b) * c", "(* (paren (+ a b)) c)"),
  ("a ? b : c ? d : e", "(? a b (? c d e))"),
  ("a == 1 ? \"x\" : null", #"(? (== a 1) (tpl "x") null)"#),
  ("var.enabled ? aws_cloudwatch_log_group.x[0].arn : \"\"", #"(? (. var .enabled) (. aws_cloudwatch_log_group .x [0] .arn) (tpl))"#),
  ("(\n  a\n  ? b\n  : c\n)", "(paren (? a b c))"),
  ("[for s in var.list : upper(s)]", "(for s in (. var .list): (upper s) [])"),
  ("[for i, v in var.list : v if i < 2]", "(for i v in (. var .list): v if (< i 2) [])"),
  ("{for k, v in var.map : k => v}", "(for k v in (. var .map): k => v {})"),
  ("{for v in var.list : v.key => v...}", "(for v in (. var .list): (. v .key) => v... {})"),
  ("{for v in var.list : v => v if v != \"\"}", #"(for v in (. var .list): v => v if (!= v (tpl)) {})"#),
  ("[\n  for x in xs :\n  x\n]", "(for x in xs: x [])"),
])
func operatorsConditionalsAndForExpressions(text: String, expected: String) throws {
  #expect(show(try value(text)) == expected)
}

@Test func rangesOfOperationsSpanTheirOperands() throws {
  let expression = try value("a +  b * c")
  #expect(place(expression.range) == "1:5-1:15")
  guard case .binary(_, _, let right) = expression.kind else {
    Issue.record("not a binary operation")
    return
  }
  #expect(place(right.range) == "1:10-1:15")
}

// MARK: - Positions

@Test func columnsCountCharactersAndTabsCountOne() throws {
  let body = try file("a = \"Überprüfung 🔍\" # ✓\n\tb = 1\n").body
  #expect(try #require(body.attribute("a")).value.range == span(at(1, 5, 4), at(1, 20, 24)))
  #expect(try #require(body.attribute("b")).nameRange == span(at(2, 2, 32), at(2, 3, 33)))
}

@Test func crlfAndLoneCRLineBreaksCountAsOneLine() throws {
  let body = try file("a = 1\r\nb = 2\rc = [\r\n3]\r\n").body
  #expect(body.attributes.map { $0.range.start.line } == [1, 2, 3])
  #expect(try #require(body.attribute("c")).value.range.end == at(4, 3, 22))
}

@Test func standaloneTemplatesAndExpressions() throws {
  let template = try HCLReader.readTemplate(SourceText("${aws_cloudwatch_log_group.a.arn}:*"))
  #expect(show(template.parts) == #"(tpl ${(. aws_cloudwatch_log_group .a .arn)} ":*")"#)
  let plain = try HCLReader.readTemplate(SourceText("no \"quotes\" needed\n"))
  #expect(plain.literalText == "no \"quotes\" needed\n")
  let expression = try HCLReader.readExpression(SourceText("[\"a\",\n \"b\"]"))
  #expect(show(expression) == #"[(tpl "a") (tpl "b")]"#)
  #expect(throws: ParseError.self) { try HCLReader.readExpression(SourceText("1 2")) }
}

// MARK: - Errors

@Test(arguments: [
  ("resource \"a\" \"b\" {\n  x = 1\n", "3:1: the block opened at line 1, column 18 is not closed: '}' is missing"),
  ("}\n", "1:1: unexpected '}': no block is open here"),
  ("a = \"open\n", "1:10: a quoted string cannot span lines: close it with '\"' on this line, or use a heredoc (<<EOT)"),
  ("a = \"open", "1:10: the string that starts at line 1, column 5 is not closed: '\"' is missing"),
  ("a = \n1\n", "1:5: expected a value, found a line break"),
  ("a = 1 b = 2\n", "1:7: expected a line break after the value of 'a', found 'b'"),
  ("a 1\n", "1:3: expected '=' after the attribute name 'a', or '{' to open a block, found '1'"),
  ("resource \"a\" = 1\n", "1:14: expected '{' to open the block 'resource', found '='"),
  ("a = \"\\q\"\n", "1:6: unknown escape '\\q' in a string: write '\\\\' for a backslash"),
  ("a = \"\\u12\"\n", "1:6: '\\u' must be followed by 4 hexadecimal digits"),
  ("a = <<EOT\nno end\n", "3:1: the heredoc that starts at line 1, column 5 has no closing line 'EOT'"),
  ("a = <<EOT no break\nEOT\n", "1:11: expected a line break after the heredoc marker '<<EOT', found 'no'"),
  ("a = 1\nb = 2\na = 3\n", "3:1: 'a' is set twice in this body (first at line 1, column 1)"),
  ("a = [1 2]\n", "1:8: expected ',' or ']' after an element of the list opened at line 1, column 5, found '2'"),
  ("a = {b = 1 c = 2}\n", "1:12: expected ',', a line break or '}' after an element of the object opened at line 1, column 5, found 'c'"),
  ("a = {b 1}\n", "1:8: expected '=' or ':' after the key of an object element, found '1'"),
  ("a = f(x... , y)\n", "1:12: '...' may only follow the last argument of 'f'; found ',' after it"),
  ("a = f(x y)\n", "1:9: expected ',' or ')' after an argument of 'f' (opened at line 1, column 6), found 'y'"),
  ("a = (1 + 2\n", "2:1: expected ')' to close the '(' at line 1, column 5, found the end of the file"),
  ("a = b ? c\n", "1:10: expected ':' and the false result of the conditional whose '?' is at line 1, column 7, found a line break"),
  ("a = [for x in y x]\n", "1:17: expected ':' after the collection of the 'for' expression, found 'x'"),
  ("a = {for k, v in m : k v}\n", "1:24: expected '=>' after the key of the 'for' expression, found 'v'"),
  ("a = \"${b\"\n", "1:9: expected '}' to close the '${' at line 1, column 6, found '\"'"),
  ("a = \"%{if b}x\"\n", "1:6: the '%{if}' at line 1, column 6 is not closed with '%{endif}'"),
  ("a = \"%{endif}\"\n", "1:6: '%{endif}' has no matching '%{if}' or '%{for}'"),
  ("a = \"%{while x}\"\n", "1:8: unknown template directive 'while': expected if, for, else, endif or endfor"),
  ("a = b.\n", "1:7: expected an attribute name after '.', found a line break"),
  ("a = @\n", "1:5: expected a value, found '@'"),
  ("a = 1 /* open\n", "1:7: the comment opened with '/*' here is not closed: '*/' is missing"),
  ("resource \"a${b}\" \"c\" {}\n", "1:10: a block label must be a plain string, without '${' or '%{'"),
  ("a = provider::aws::x\n", "1:21: expected '(' after the function name 'provider::aws::x', found a line break"),
  ("a = 1\n\u{0}", "2:1: expected an attribute name or a block type, found the control character U+0000"),
])
func syntaxErrorsAreReportedWhereTheyAre(text: String, expected: String) {
  #expect(failure(text) == expected)
}

@Test(arguments: [
  ([0x61, 0x20, 0x3D, 0x20, 0x22, 0xFF, 0x22], "1:6: invalid UTF-8 byte 0xFF"),
  ([0x61, 0x20, 0x3D, 0x20, 0x22, 0xE2, 0x82], "1:6: invalid UTF-8: incomplete sequence starting with byte 0xE2"),
  ([0x0A, 0x23, 0xC0, 0xAF], "2:2: invalid UTF-8 byte 0xC0"),
  ([0x23, 0xED, 0xA0, 0x80], "1:2: invalid UTF-8: encoded surrogate or out-of-range character"),
] as [([UInt8], String)])
func invalidUTF8IsAnErrorAtItsByte(bytes: [UInt8], expected: String) {
  #expect(failure(bytes: bytes) == expected)
}

// MARK: - Depth

@Test(arguments: [
  ("a = ", "(", ")"), ("a = ", "[", "]"), ("a = ", "{x = ", "}"), ("a = ", "-", "1"), ("a = ", "!", "x"),
  ("a = ", "f(", ")"), ("a = ", "\"${", "}\""), ("a = \"", "%{if x}", "%{endif}"), ("", "b {\n", "}\n"),
  ("a = ", "x ? y : ", "z"),
])
func deepNestingStopsWithAnErrorNotACrash(prefix: String, open: String, close: String) {
  let count = 200_000
  var text = prefix
  text.reserveCapacity(count * (open.count + close.count) + 16)
  for _ in 0..<count { text += open }
  text += "1"
  for _ in 0..<count { text += close }
  let message = failure(text)
  #expect(message?.hasSuffix("nesting deeper than 256 levels") == true, "\(message ?? "read")")
}

@Test func longOperatorChainsAreBoundedToo() {
  var text = "a = 1"
  for _ in 0..<200_000 { text += " + 1" }
  #expect(failure(text)?.hasSuffix("nesting deeper than 256 levels") == true)
}

@Test func nestingUpToTheLimitReads() throws {
  let limits = ReaderLimits(maxDepth: 64)
  let nested = String(repeating: "[", count: 60) + "1" + String(repeating: "]", count: 60)
  #expect(failure("a = " + nested, limits: limits) == nil)
  let tooDeep = String(repeating: "[", count: 70) + "1" + String(repeating: "]", count: 70)
  #expect(failure("a = " + tooDeep, limits: limits)?.hasSuffix("nesting deeper than 64 levels") == true)
}

@Test func longFlatInputsRead() throws {
  var text = "a = [" + String(repeating: "1, ", count: 100_000) + "1]\nb = x"
  text += String(repeating: ".y", count: 100_000) + "\n"
  let body = try file(text).body
  #expect(body.attributes.count == 2)
}
}
