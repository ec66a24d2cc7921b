import Testing

/// 200,000 levels of nesting: refused at 256 levels with a finding where the limit was passed, never a
/// stack overflow (the readers keep their own stack, and stop before libyaml's quadratic flow parse).
struct NestingTests {
  static let depth = 200_000

  static let jsonHead = #"{"AWSTemplateFormatVersion": "2010-09-09", "Resources": "#
  static let yamlHead = Lint.template + "Resources: "

  @Test("JSON arrays and objects", arguments: [
    (String(repeating: "[", count: depth) + String(repeating: "]", count: depth), "1:312"),
    (String(repeating: #"{"a":"#, count: depth) + "1" + String(repeating: "}", count: depth), "1:1332"),
    (String(repeating: "[", count: depth), "1:312"),
  ])
  func json(nesting: String, position: String) {
    #expect(Lint.lines(Self.jsonHead + nesting + "}", path: "deep.json") == [
      "\(position): error: nesting deeper than 256 levels [TW001]"
    ])
  }

  @Test("YAML flow and block collections", arguments: [
    (String(repeating: "[", count: depth) + String(repeating: "]", count: depth), "2:267"),
    (String(repeating: "{a: ", count: depth) + "1" + String(repeating: "}", count: depth), "2:1032"),
    ("\n  " + String(repeating: "- ", count: depth) + "x", "3:513"),
    (String(repeating: "[", count: depth), "2:267"),
  ])
  func yaml(nesting: String, position: String) {
    #expect(Lint.lines(Self.yamlHead + nesting + "\n", path: "deep.yaml") == [
      "\(position): error: nesting deeper than 256 levels [TW001]"
    ])
  }

  @Test("deep nesting in a file that is not a template is skipped", arguments: ["deep.json", "deep.yaml"])
  func notATemplate(path: String) {
    let result = Lint.result(Array(String(repeating: "[", count: Self.depth).utf8), path: path)
    #expect(result.kind == .other)
    #expect(result.findings.isEmpty)
  }

  @Test("255 levels of YAML block mappings under Resources still read")
  func deepButAllowed() {
    var text = Lint.template + "Resources:\n  Logs:\n    Type: AWS::Logs::LogGroup\n    Metadata:\n"
    for level in 0..<250 {
      text += String(repeating: " ", count: 6 + level) + "k:\n"
    }
    text += String(repeating: " ", count: 256) + "leaf\n"
    #expect(Lint.lines(text) == [
      "3:3: warning: log group 'Logs' has no RetentionInDays, so it keeps its events forever [TW201]"
    ])
  }
}
