import Testing

@testable import SourceMap

/// The line table as the obvious byte-by-byte loop builds it: what the word-at-a-time scan must match.
private func referenceLineStarts(_ text: String) -> [Int] {
  let bytes = Array(text.utf8)
  var starts = [0]
  for (index, byte) in bytes.enumerated() {
    if byte == UInt8(ascii: "\n") || (byte == UInt8(ascii: "\r") && (index + 1 == bytes.count || bytes[index + 1] != UInt8(ascii: "\n"))) {
      starts.append(index + 1)
    }
  }
  return starts
}

/// Line breaks of every kind at every offset within and across eight-byte words.
private let lineTableCases: [String] = {
  var cases = ["", "a", "\n", "\r", "\r\n", "\n\n", "\r\r", "\r\n\r\n", "no break at the end", "ends with a break\n"]
  let breaks = ["\n", "\r\n", "\r"]
  for lineBreak in breaks {
    for length in 0..<18 {
      let line = String(repeating: "x", count: length)
      cases.append(line + lineBreak + line + lineBreak + "tail")
      cases.append(String(repeating: line + lineBreak, count: 3))
    }
  }
  cases.append("Resources:\r\n  A:\r\n    Type: AWS::SNS::Topic\r\n")
  cases.append("mixed\nline\r\nbreaks\rhere\n\r\n")
  cases.append("é\nnon-ASCII ↓ and 🙂 across\r\nwords and lines\r")
  return cases
}()

@Test("the line table finds LF, CRLF and CR breaks wherever they fall in a word", arguments: lineTableCases)
func lineStartsMatchTheByteLoop(text: String) {
  let source = SourceText(text)
  #expect(source.lineStarts == referenceLineStarts(text))
  #expect(source.isASCII == text.utf8.allSatisfy { $0 < 0x80 })
}

@Test("a byte above 0x7F anywhere, in a word or in the tail, makes the text non-ASCII")
func asciiIsDecidedForEveryByte() {
  for length in 1...20 {
    for position in 0..<length {
      var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: length)
      bytes[position] = 0xC3
      #expect(!SourceText(utf8: bytes).isASCII, "length \(length), byte \(position)")
    }
    #expect(SourceText(utf8: [UInt8](repeating: UInt8(ascii: "a"), count: length)).isASCII)
  }
}

/// Every range in a tree, in document order.
private func ranges(_ node: Node) -> [SourceRange] {
  var result = [node.range]
  switch node.content {
  case .scalar: break
  case .mapping(let entries):
    for entry in entries {
      result.append(entry.key.range)
      result += ranges(entry.value)
    }
  case .sequence(let items):
    for item in items { result += ranges(item) }
  }
  return result
}

private let positionDocuments = [
  "Resources:\n  Trail:\n    Type: AWS::CloudTrail::Trail\n    Properties: {IsLogging: true, S3BucketName: b}\n",
  "Resources:\r\n  Logs:\r\n    Type: AWS::Logs::LogGroup\r\n    Properties:\r\n      RetentionInDays: 365\r\n",
  "a: [1, 2, {b: c}]\nd: |\n  block\n  text\ne: \"quoted\"\n",
  "old: mac\rline: breaks\rlist:\r  - x\r  - y\r",
]

@Test("positions in ASCII text, read without walking characters, are those of the character walk", arguments: positionDocuments)
func asciiPositionsMatchTheCharacterWalk(document: String) throws {
  // The same document with a multibyte character after its end marker, where it moves no mark: the
  // reader of this one walks characters.
  let ascii = SourceText(document + "...\n")
  let multibyte = SourceText(document + "...\n# ↓\n")
  #expect(ascii.isASCII)
  #expect(!multibyte.isASCII)
  let plain = try #require(try YAMLReader.read(ascii))
  let walked = try #require(try YAMLReader.read(multibyte))
  #expect(ranges(plain) == ranges(walked))
}
