import Testing

/// Bytes that are not the text they claim to be: NUL bytes, invalid UTF-8, UTF-16 without a
/// byte-order mark, binary files with a template's name.
struct EncodingTests {
  @Test("a NUL byte is a finding at its position", arguments: [
    (
      "AWSTemplateFormatVersion: \"2010-09-09\"\nResources:\n  Trail:\n    Type: AWS::CloudTrail::Trail\u{0}\n",
      "template.yaml", "4:33: error: control characters are not allowed (U+0000) [TW001]"
    ),
    (
      "{\"AWSTemplateFormatVersion\": \"2010-09-09\", \"Resources\": {\"T\u{0}\": 1}}",
      "template.json", "1:60: error: control character U+0000 in a string must be escaped [TW001]"
    ),
    (
      "{\"AWSTemplateFormatVersion\": \"2010-09-09\",\u{0} \"Resources\": {}}",
      "template.json", "1:43: error: expected a string key [TW001]"
    ),
  ])
  func nul(text: String, path: String, expected: String) {
    #expect(Lint.lines(text, path: path) == [expected])
  }

  @Test("invalid UTF-8 in keys and values is a finding at the first bad byte", arguments: [
    (Array("AWSTemplateFormatVersion: x\nResources:\n  Tr".utf8) + [0xFF] + Array("ail:\n    Type: AWS::CloudTrail::Trail\n".utf8),
     "template.yaml", "3:5: error: invalid leading UTF-8 octet (byte 0xFF) [TW001]"),
    (Array("AWSTemplateFormatVersion: x\nResources:\n  Trail:\n    Type: AWS::".utf8) + [0xC0, 0x80] + Array("\n".utf8),
     "template.yaml", "4:16: error: invalid length of a UTF-8 sequence [TW001]"),
    (Array(#"{"AWSTemplateFormatVersion": "x", "Resources": {"T"#.utf8) + [0xED, 0xA0, 0x80] + Array(#"": {}}}"#.utf8),
     "template.json", "1:51: error: invalid UTF-8: encoded surrogate 0xED 0xA0 [TW001]"),
    (Array(#"{"AWSTemplateFormatVersion": "x", "Resources": {"T": {"Type": "AWS::Logs::LogGroup"#.utf8) + [0xC0, 0x80] + Array(#""}}}"#.utf8),
     "template.json", "1:83: error: invalid UTF-8 byte 0xC0 [TW001]"),
  ])
  func invalidUTF8(bytes: [UInt8], path: String, expected: String) {
    #expect(Lint.lines(bytes, path: path) == [expected])
  }

  static let utf16Template = Lint.template + """
    Resources:
      Trail:
        Type: AWS::CloudTrail::Trail
        Properties:
          IsLogging: true

    """

  static func utf16(_ text: String, bigEndian: Bool) -> [UInt8] {
    text.utf16.flatMap { unit in
      bigEndian ? [UInt8(unit >> 8), UInt8(unit & 0xFF)] : [UInt8(unit & 0xFF), UInt8(unit >> 8)]
    }
  }

  @Test("a template in UTF-16 without a byte-order mark is TW001 naming the encoding, never clean",
    arguments: [(false, "little-endian"), (true, "big-endian")])
  func utf16WithoutMark(bigEndian: Bool, order: String) {
    for path in ["template.yaml", "template.json"] {
      #expect(Lint.lines(Self.utf16(Self.utf16Template, bigEndian: bigEndian), path: path) == [
        "1:1: error: the file is UTF-16 (\(order)) without a byte-order mark; save it as UTF-8 [TW001]"
      ])
    }
  }

  @Test("UTF-16 without a mark that is not a template is skipped")
  func utf16NotATemplate() {
    let result = Lint.result(Self.utf16("name: build\non: push\n", bigEndian: false))
    #expect(result.kind == .other)
    #expect(result.findings.isEmpty)
  }

  @Test("UTF-16 with a byte-order mark is read as the text it is")
  func utf16WithMark() {
    let expected = [
      "3:3: error: trail 'Trail' has no CloudWatchLogsLogGroupArn, so its events never reach CloudWatch Logs [TW101]",
      "3:3: error: trail 'Trail' has no CloudWatchLogsRoleArn, so CloudTrail cannot deliver its events to CloudWatch Logs [TW102]",
    ]
    #expect(Lint.lines([0xFF, 0xFE] + Self.utf16(Self.utf16Template, bigEndian: false)) == expected)
    #expect(Lint.lines([0xFE, 0xFF] + Self.utf16(Self.utf16Template, bigEndian: true)) == expected)
  }

  @Test("a UTF-16 template with a mark and a broken surrogate is TW001, not skipped")
  func utf16BrokenSurrogate() {
    let bytes = [0xFF, 0xFE] + Self.utf16(Self.utf16Template, bigEndian: false) + [0x00, 0xD8, 0x41, 0x00]
    #expect(Lint.lines(bytes) == ["7:1: error: invalid UTF-16: unpaired surrogate [TW001]"])
  }

  @Test("a binary file with a template's name is skipped: it carries no template's marks")
  func binaryFile() {
    // A PNG signature and every byte value, as an image renamed to .yaml would be.
    let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + (0..<40).flatMap { _ in (0...255).map(UInt8.init) }
    for path in ["image.yaml", "image.json", "image.template"] {
      let result = Lint.result(png, path: path)
      #expect(result.kind == .other)
      #expect(result.findings.isEmpty)
    }
  }

  @Test("a binary file that carries a template's marks is TW001 at its first byte that is not text")
  func binaryWithTemplateMarks() {
    // A template followed by what a broken copy appends: zeros and arbitrary bytes.
    let bytes = Array(Self.utf16Template.utf8) + [0x00, 0x00, 0x13, 0x37, 0xFF]
    #expect(Lint.lines(bytes) == ["7:1: error: control characters are not allowed (U+0000) [TW001]"])
  }
}
