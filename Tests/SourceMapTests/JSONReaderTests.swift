import SourceMap
import Testing

// MARK: - Helpers

private func read(_ text: String, limits: ReaderLimits = .default) throws(ParseError) -> Node? {
  try JSONReader.read(SourceText(text), limits: limits)
}

/// The error reading `bytes` throws; nil when it reads.
private func readError(_ bytes: [UInt8], limits: ReaderLimits = .default) -> ParseError? {
  do {
    _ = try JSONReader.read(SourceText(utf8: bytes), limits: limits)
    return nil
  } catch {
    return error
  }
}

private func at(_ line: Int, _ column: Int, _ offset: Int) -> SourcePosition {
  SourcePosition(line: line, column: column, offset: offset)
}

private func span(_ start: SourcePosition, _ end: SourcePosition) -> SourceRange {
  SourceRange(start: start, end: end)
}

// MARK: - Values and positions

@Test(arguments: ["", " ", "\n", " \t\r\n\r \n"])
func whitespaceOnlyReadsAsNothing(text: String) throws {
  #expect(try read(text) == nil)
}

@Test func topLevelScalarKeepsItsRangeInsideWhitespace() throws {
  let node = try #require(try read("  \n 42 \n"))
  #expect(node.scalar == Scalar("42", style: .plain))
  #expect(node.range == span(at(2, 2, 4), at(2, 4, 6)))
  #expect(node.tag == nil)
}

@Test func scalarsKeepTheirLiteralTextAndStyle() throws {
  let node = try #require(try read(#"[0, -0, 1E5, -0.5e+10, 12.50, true, false, null, "s", "", {}, []]"#))
  let items = try #require(node.items)
  let scalars = items.compactMap(\.scalar)
  #expect(scalars.map(\.text) == ["0", "-0", "1E5", "-0.5e+10", "12.50", "true", "false", "null", "s", ""])
  #expect(scalars.map(\.style) == Array(repeating: .plain, count: 8) + [.quoted, .quoted])
  #expect(items[3].range == span(at(1, 14, 13), at(1, 22, 21)))
  #expect(items[10].entries?.isEmpty == true)
  #expect(items[10].range == span(at(1, 59, 58), at(1, 61, 60)))
  #expect(items[11].items?.isEmpty == true)
  #expect(items[11].range == span(at(1, 63, 62), at(1, 65, 64)))
  #expect(node.range == span(at(1, 1, 0), at(1, 66, 65)))
}

@Test func escapesAreDecoded() throws {
  let node = try #require(try read(#""q\" b\\ s\/ \b\f\n\r\t \u00e9\u00E9 \ud83d\ude00 \u0000 end""#))
  #expect(node.scalar?.text == "q\" b\\ s/ \u{8}\u{C}\n\r\t éé 😀 \u{0} end")
  #expect(node.range.end == at(1, 62, 61))
}

@Test func cloudFormationWithCRLFAndTabs() throws {
  let text = "{\r\n"
    + "\t\"AWSTemplateFormatVersion\": \"2010-09-09\",\r\n"
    + "\t\"Resources\": {\r\n"
    + "\t\t\"Trail\": {\r\n"
    + "\t\t\t\"Type\": \"AWS::CloudTrail::Trail\",\r\n"
    + "\t\t\t\"Properties\": {\r\n"
    + "\t\t\t\t\"IsLogging\": true,\r\n"
    + "\t\t\t\t\"EventSelectors\": [ { \"ReadWriteType\": \"All\" } ]\r\n"
    + "\t\t\t}\r\n"
    + "\t\t}\r\n"
    + "\t}\r\n"
    + "}\r\n"
  let root = try #require(try read(text))
  #expect(root.range == span(at(1, 1, 0), at(12, 2, 230)))
  #expect(root.entries?.map(\.key.text) == ["AWSTemplateFormatVersion", "Resources"])

  let resources = try #require(root.entry("Resources"))
  #expect(resources.key.range == span(at(3, 2, 48), at(3, 13, 59)))
  #expect(resources.value.range.end == at(11, 3, 227))
  let trail = try #require(resources.value.entry("Trail"))
  #expect(trail.key.range.start == at(4, 3, 66))
  #expect(trail.value.range.end == at(10, 4, 223))
  let properties = try #require(trail.value.entry("Properties"))
  #expect(properties.key.range.start == at(6, 4, 119))
  #expect(properties.value.range.end == at(9, 5, 218))

  let isLogging = try #require(properties.value.entry("IsLogging"))
  #expect(isLogging.key.range.start == at(7, 5, 140))
  #expect(isLogging.value.scalar == Scalar("true", style: .plain))
  #expect(isLogging.value.range == span(at(7, 18, 153), at(7, 22, 157)))

  let selectors = try #require(properties.value["EventSelectors"])
  #expect(selectors.range == span(at(8, 23, 182), at(8, 53, 212)))
  let selector = try #require(selectors.items?.first)
  #expect(selector.range.start == at(8, 25, 184))
  #expect(selector["ReadWriteType"]?.range == span(at(8, 44, 203), at(8, 49, 208)))
}

@Test func minifiedDocumentHasExactColumns() throws {
  let text = #"{"Resources":{"Trail":{"Type":"AWS::CloudTrail::Trail","Properties":{"#
    + #""CloudWatchLogsLogGroupArn":{"Fn::GetAtt":["LogGroup","Arn"]},"IsLogging":true}}}}"#
  let root = try #require(try read(text))
  #expect(root.range == span(at(1, 1, 0), at(1, 152, 151)))
  let properties = try #require(root["Resources"]?["Trail"]?["Properties"])
  let getAtt = try #require(properties["CloudWatchLogsLogGroupArn"]?.entry("Fn::GetAtt"))
  #expect(getAtt.key.range == span(at(1, 99, 98), at(1, 111, 110)))
  #expect(getAtt.value.range == span(at(1, 112, 111), at(1, 130, 129)))
  #expect(getAtt.value.items?.last?.range == span(at(1, 124, 123), at(1, 129, 128)))
  #expect(getAtt.value.items?.last?.scalar == Scalar("Arn", style: .quoted))
  #expect(properties["IsLogging"]?.range.start == at(1, 144, 143))
}

@Test func columnsCountScalarsAndOffsetsCountBytes() throws {
  let root = try #require(try read(#"{"name": "café 😀", "retention": 365}"#))
  let name = try #require(root["name"])
  #expect(name.scalar == Scalar("café 😀", style: .quoted))
  #expect(name.range == span(at(1, 10, 9), at(1, 18, 21)))
  let retention = try #require(root.entry("retention"))
  #expect(retention.key.range == span(at(1, 20, 23), at(1, 31, 34)))
  #expect(retention.value.range == span(at(1, 33, 36), at(1, 36, 39)))
  #expect(root.range.end == at(1, 37, 40))
}

@Test func multibyteKeysAndLaterLinesRestartTheColumn() throws {
  let root = try #require(try read("{\"日本\": [\"😀😀\",\n  \"x\"]}"))
  let entry = try #require(root.entries?.first)
  #expect(entry.key.text == "日本")
  #expect(entry.key.range == span(at(1, 2, 1), at(1, 6, 9)))
  let items = try #require(entry.value.items)
  #expect(items[0].range == span(at(1, 9, 12), at(1, 13, 22)))
  #expect(items[1].range == span(at(2, 3, 26), at(2, 6, 29)))
}

@Test func loneCarriageReturnBreaksTheLineAsSourceTextDoes() throws {
  let text = "{\"a\": 1,\r\"b\":\r\n2,\r\r\"c\": 3}"
  let root = try #require(try read(text))
  #expect(root.entry("b")?.key.range.start == at(2, 1, 9))
  #expect(root["b"]?.range.start == at(3, 1, 15))
  #expect(root.entry("c")?.key.range.start == at(5, 1, 19))
  let source = SourceText(text)
  for entry in root.entries ?? [] {
    #expect(source.position(ofOffset: entry.key.range.start.offset) == entry.key.range.start)
    #expect(source.position(ofOffset: entry.value.range.end.offset) == entry.value.range.end)
  }
}

@Test func byteOrderMarkIsNotCounted() throws {
  let root = try #require(try JSONReader.read(SourceText(decoding: [0xEF, 0xBB, 0xBF] + Array(#"{"a":1}"#.utf8))))
  #expect(root.entry("a")?.key.range.start == at(1, 2, 1))
}

/// Strings long enough for the eight-bytes-at-a-time scan, with the character that stops it at every
/// position within and across words.
@Test(arguments: 0..<20)
func stringScanStopsAtEveryAlignment(prefix: Int) throws {
  let filler = String(repeating: "a", count: prefix)
  let tail = String(repeating: "b", count: 9)
  let text = "[\"\(filler)é\(tail)\", \"\(filler)\\n\(tail)\", \"\(filler)\", 1]"
  let items = try #require(try read(text)?.items)
  #expect(items.map { $0.scalar?.text } == ["\(filler)é\(tail)", "\(filler)\n\(tail)", filler, "1"])
  // é is one column but two bytes; the escape is two columns and two bytes.
  let firstEnd = 2 + prefix + 1 + 9 + 1
  #expect(items[0].range.end == at(1, firstEnd + 1, firstEnd + 1))
  let secondStart = firstEnd + 2
  #expect(items[1].range.start == at(1, secondStart + 1, secondStart + 1))
  #expect(items[3].range.start.column == text.unicodeScalars.count - 1)

  let control = "[\"\(filler)\u{1}\(tail)\"]"
  #expect(readError(Array(control.utf8))?.range.start == at(1, prefix + 3, prefix + 2))
}

// MARK: - Duplicate keys

@Test func duplicateKeyPointsAtTheSecondAndNamesTheFirst() throws {
  let error = try #require(readError(Array("{\"a\": 1,\n \"b\": 2,\n \"a\": 3}".utf8)))
  #expect(error.message == "duplicate key 'a' (first defined at line 1, column 2)")
  #expect(error.range == span(at(3, 2, 19), at(3, 5, 22)))
}

@Test func duplicateKeyInALargeObject() throws {
  let keys = (0..<500).map { "\"key\($0)\": \($0)" }
  let text = "{" + keys.joined(separator: ",") + ",\"key7\": 0}"
  let error = try #require(readError(Array(text.utf8)))
  let firstColumn = 2 + keys[0..<7].reduce(0) { $0 + $1.count + 1 }
  #expect(error.message == "duplicate key 'key7' (first defined at line 1, column \(firstColumn))")
  let secondOffset = text.utf8.count - 10
  #expect(error.range.start == at(1, secondOffset + 1, secondOffset))
  #expect(try read("{" + keys.joined(separator: ",") + "}")?.entries?.count == 500)
}

@Test(arguments: [2, 40])
func keysThatDifferOnlyInNormalizationAreDistinct(size: Int) throws {
  let others = (0..<size).map { "\"k\($0)\": 0," }.joined()
  let root = try #require(try read("{" + others + #""\u00e9": 1, "e\u0301": 2}"#))
  #expect(root.entries?.count == size + 2)
}

@Test func keysDecodedFromEscapesAreDuplicates() throws {
  let error = try #require(readError(Array(#"{"é": 1, "\u00e9": 2}"#.utf8)))
  #expect(error.message == "duplicate key 'é' (first defined at line 1, column 2)")
  #expect(error.range == span(at(1, 10, 10), at(1, 18, 18)))
}

// MARK: - Depth

@Test func twoHundredThousandOpenBracketsStopAtTheDepthLimit() throws {
  let error = try #require(readError(Array(repeating: UInt8(ascii: "["), count: 200_000)))
  #expect(error.message == "nesting deeper than 256 levels")
  #expect(error.range == span(at(1, 257, 256), at(1, 258, 257)))
}

@Test func nestingUpToTheLimitReads() throws {
  let text = String(repeating: "[", count: 256) + String(repeating: "]", count: 256)
  var node = try #require(try read(text))
  var depth = 1
  while let inner = node.items?.first {
    node = inner
    depth += 1
  }
  #expect(depth == 256)
}

@Test func depthLimitCountsObjectsAndArrays() throws {
  let error = try #require(readError(Array(#"{"a": [{"b": [1]}]}"#.utf8), limits: ReaderLimits(maxDepth: 3)))
  #expect(error.message == "nesting deeper than 3 levels")
  #expect(error.range.start == at(1, 14, 13))
}

/// With the limit raised, depth costs heap, not call stack.
@Test func deepNestingUsesNoRecursion() throws {
  let limits = ReaderLimits(maxDepth: 1_000_000)
  let error = try #require(readError(Array(repeating: UInt8(ascii: "["), count: 200_000), limits: limits))
  #expect(error.message == "unexpected end of file (an array opened at line 1, column 200000 is not closed)")
  #expect(error.range.start == at(1, 200_001, 200_000))

  let text = String(repeating: "{\"a\":[", count: 5_000) + String(repeating: "]}", count: 5_000)
  let root = try #require(try read(text, limits: limits))
  #expect(root.range.end == at(1, 40_001, 40_000))
}

// MARK: - Errors

struct ErrorCase: Sendable, CustomTestStringConvertible {
  let input: [UInt8]
  let message: String
  let position: SourcePosition
  let testDescription: String

  init(_ input: String, _ message: String, _ line: Int, _ column: Int, _ offset: Int) {
    self.init(bytes: Array(input.utf8), message, line, column, offset)
  }

  init(bytes: [UInt8], _ message: String, _ line: Int, _ column: Int, _ offset: Int) {
    self.input = bytes
    self.message = message
    self.position = SourcePosition(line: line, column: column, offset: offset)
    self.testDescription = message
  }
}

private let quote = UInt8(ascii: "\"")

@Test(arguments: [
  // Syntax CloudFormation rejects
  ErrorCase("{\"a\": 1 // note\n}", "comments are not allowed in JSON", 1, 9, 8),
  ErrorCase("/* header */ {}", "comments are not allowed in JSON", 1, 1, 0),
  ErrorCase("{} // end", "comments are not allowed in JSON", 1, 4, 3),
  ErrorCase("[1, 2,]", "trailing comma before ']'", 1, 6, 5),
  ErrorCase("[1,\r\n  ]", "trailing comma before ']'", 1, 3, 2),
  ErrorCase("{\"a\": 1,\n}", "trailing comma before '}'", 1, 8, 7),
  ErrorCase("['a']", "unexpected character \"'\" (JSON strings use double quotes)", 1, 2, 1),
  ErrorCase("{'a': 1}", "expected a string key (JSON strings use double quotes)", 1, 2, 1),
  ErrorCase("{a: 1}", "expected a string key", 1, 2, 1),
  ErrorCase("{\"a\": 1, 2}", "expected a string key", 1, 10, 9),
  ErrorCase("[007]", "leading zeros are not allowed in numbers", 1, 2, 1),
  ErrorCase("-01", "leading zeros are not allowed in numbers", 1, 2, 1),
  ErrorCase("{\"x\": NaN}", "unexpected word 'NaN'", 1, 7, 6),
  ErrorCase("[True]", "unexpected word 'True'", 1, 2, 1),
  ErrorCase("[nulls]", "unexpected word 'nulls'", 1, 2, 1),
  ErrorCase("-Infinity", "expected a digit after '-'", 1, 2, 1),
  ErrorCase("[-]", "expected a digit after '-'", 1, 3, 2),
  ErrorCase("[1.]", "expected a digit after the decimal point", 1, 4, 3),
  ErrorCase("[.5]", "unexpected character '.'", 1, 2, 1),
  ErrorCase("[1e+]", "expected a digit in the exponent", 1, 5, 4),
  ErrorCase("0x1F", "unexpected text after the JSON value", 1, 2, 1),
  // Strings
  ErrorCase("\"a\tb\"", "control character U+0009 in a string must be escaped", 1, 3, 2),
  ErrorCase("[\"é\u{1F}\"]", "control character U+001F in a string must be escaped", 1, 4, 4),
  ErrorCase(
    "{\"a\": \"b\n\"}",
    "line break in a string (a closing quote is missing, or the break must be written as \\n)", 1, 9, 8),
  ErrorCase("\"\\x\"", "invalid escape '\\x'", 1, 2, 1),
  ErrorCase("\"\\'\"", "invalid escape '\\''", 1, 2, 1),
  ErrorCase("\"\\\t\"", "invalid escape: '\\' followed by U+0009", 1, 2, 1),
  ErrorCase("\"\\é\"", "invalid escape: '\\' followed by U+00E9", 1, 2, 1),
  ErrorCase("\"\\u12G4\"", "invalid escape: '\\u' must be followed by four hex digits", 1, 2, 1),
  ErrorCase("\"\\u12", "invalid escape: '\\u' must be followed by four hex digits", 1, 2, 1),
  ErrorCase(
    "\"\\ud800\"",
    "lone surrogate escape '\\ud800' (a high surrogate must be followed by a low surrogate escape)", 1, 2, 1),
  ErrorCase(
    "[\"é\\uD83D\\u0041\"]",
    "lone surrogate escape '\\uD83D' (a high surrogate must be followed by a low surrogate escape)", 1, 4, 4),
  ErrorCase(
    "\"\\ud800\\ud800\"",
    "lone surrogate escape '\\ud800' (a high surrogate must be followed by a low surrogate escape)", 1, 2, 1),
  ErrorCase(
    "\"\\uDC00\"", "lone surrogate escape '\\uDC00' (a low surrogate must follow a high surrogate)", 1, 2, 1),
  ErrorCase(
    "{\"a\": \"bc",
    "unterminated string (a string opened at line 1, column 7 is not closed)", 1, 10, 9),
  ErrorCase("\"abc\\", "unterminated string (a string opened at line 1, column 1 is not closed)", 1, 6, 5),
  // Structure
  ErrorCase("{\"a\" 1}", "expected ':' after the key", 1, 6, 5),
  ErrorCase("{\"a\": 1 \"b\": 2}", "expected ',' or '}' after an object entry", 1, 9, 8),
  ErrorCase("[1 2]", "expected ',' or ']' after an array item", 1, 4, 3),
  ErrorCase("[1}", "expected ',' or ']' after an array item", 1, 3, 2),
  ErrorCase("{\"a\":}", "unexpected character '}'", 1, 6, 5),
  ErrorCase("[@]", "unexpected character '@'", 1, 2, 1),
  ErrorCase("[\u{1}]", "unexpected character U+0001", 1, 2, 1),
  ErrorCase("[1,\u{A0}2]", "unexpected character U+00A0", 1, 4, 3),
  ErrorCase("{\"a\": 1} x", "unexpected text after the JSON value", 1, 10, 9),
  ErrorCase("1 2", "unexpected text after the JSON value", 1, 3, 2),
  ErrorCase("{}\r\n}", "unexpected text after the JSON value", 2, 1, 4),
  ErrorCase(
    "{\n  \"a\": [1, 2]\n",
    "unexpected end of file (an object opened at line 1, column 1 is not closed)", 3, 1, 16),
  ErrorCase("[1, [2", "unexpected end of file (an array opened at line 1, column 5 is not closed)", 1, 7, 6),
  ErrorCase("[1,\n", "unexpected end of file (an array opened at line 1, column 1 is not closed)", 2, 1, 4),
  ErrorCase("{\"a\"", "unexpected end of file (an object opened at line 1, column 1 is not closed)", 1, 5, 4),
  ErrorCase("{\"a\":", "unexpected end of file (an object opened at line 1, column 1 is not closed)", 1, 6, 5),
  ErrorCase("{\"a\":1,", "unexpected end of file (an object opened at line 1, column 1 is not closed)", 1, 8, 7),
  // UTF-8
  ErrorCase(bytes: [quote, 0x61, 0xFF, quote], "invalid UTF-8 byte 0xFF", 1, 3, 2),
  ErrorCase(bytes: [quote, 0xC0, 0xAF, quote], "invalid UTF-8 byte 0xC0", 1, 2, 1),
  ErrorCase(bytes: [quote, 0xE0, 0x80, 0xAF, quote], "invalid UTF-8: overlong encoding 0xE0 0x80", 1, 2, 1),
  ErrorCase(bytes: [quote, 0xF0, 0x8F, 0xBF, 0xBF, quote], "invalid UTF-8: overlong encoding 0xF0 0x8F", 1, 2, 1),
  ErrorCase(bytes: [quote, 0xED, 0xA0, 0x80, quote], "invalid UTF-8: encoded surrogate 0xED 0xA0", 1, 2, 1),
  ErrorCase(
    bytes: [quote, 0xF4, 0x90, 0x80, 0x80, quote], "invalid UTF-8: 0xF4 0x90 encodes a value above U+10FFFF",
    1, 2, 1),
  ErrorCase(bytes: [quote, 0xF5, 0x80, 0x80, 0x80, quote], "invalid UTF-8 byte 0xF5", 1, 2, 1),
  ErrorCase(bytes: [quote, 0xE2, 0x82], "invalid UTF-8: incomplete sequence starting with byte 0xE2", 1, 2, 1),
  ErrorCase(bytes: [quote, 0xC3, quote], "invalid UTF-8: incomplete sequence starting with byte 0xC3", 1, 2, 1),
  ErrorCase(bytes: [quote, 0xC3, 0xA9, 0x80, quote], "invalid UTF-8 byte 0x80", 1, 3, 3),
  ErrorCase(bytes: Array("[1,".utf8) + [0xFF, 0x5D], "invalid UTF-8 byte 0xFF", 1, 4, 3),
  ErrorCase(bytes: Array("{}".utf8) + [0xFE], "invalid UTF-8 byte 0xFE", 1, 3, 2),
  ErrorCase(bytes: Array("{\"a\" ".utf8) + [0xC3], "invalid UTF-8: incomplete sequence starting with byte 0xC3", 1, 6, 5),
])
func rejects(_ example: ErrorCase) throws {
  let error = try #require(readError(example.input))
  #expect(error.message == example.message)
  #expect(error.range.start == example.position)
}

// MARK: - Size

/// A minified plan-shaped document of about 5 MB, on one line.
@Test func readsAFiveMegabyteMinifiedDocument() throws {
  var text = #"{"format_version":"1.2","resource_changes":["#
  let count = 20_000
  for index in 0..<count {
    if index > 0 { text += "," }
    text += #"{"address":"aws_cloudwatch_log_group.g\#(index)","type":"aws_cloudwatch_log_group","#
    text += #""change":{"actions":["create"],"after":{"name":"/aws/cloudtrail/é\#(index)","#
    text += #""retention_in_days":\#(index % 3650),"kms_key_id":null,"skip_destroy":false,"#
    text += #""tags":{"Owner":"platform-team","Note":"A long description \"quoted\" and \u00e9scaped, "#
    text += #"to give the string scanner something to do on every entry."}}}}"#
  }
  text += "]}"
  #expect(text.utf8.count > 5_000_000)
  let root = try #require(try read(text))
  let changes = try #require(root["resource_changes"]?.items)
  #expect(changes.count == count)
  #expect(changes.last?["change"]?["after"]?["name"]?.scalar?.text == "/aws/cloudtrail/é\(count - 1)")
  #expect(root.range.end == at(1, text.unicodeScalars.count + 1, text.utf8.count))
}
