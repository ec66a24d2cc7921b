import Testing
import TrailwatchKit

/// `--parameters FILE`: the JSON forms AWS tools write, and a clear message at the place of anything else.
struct ParameterFileTests {
  @Test("the three forms give the same values", arguments: [
    #"["Environment=prod", "Days=400", "Tags=a=b"]"#,
    #"[{"ParameterKey": "Environment", "ParameterValue": "prod"}, {"ParameterKey": "Days", "ParameterValue": 400}, {"ParameterKey": "Tags", "ParameterValue": "a=b", "ResolvedValue": "x"}, {"ParameterKey": "Kept", "UsePreviousValue": true}]"#,
    #"{"Parameters": {"Environment": "prod", "Days": "400", "Tags": "a=b"}, "Tags": {"team": "audit"}, "StackPolicy": {"Statement": []}}"#,
    "\u{FEFF}" + #"{"Parameters": {"Environment": "prod", "Days": 400, "Tags": "a=b"}}"#,
  ])
  func forms(text: String) throws {
    let values = try ParameterFile.parse(Array(text.utf8), path: "params.json")
    #expect(values == ["Environment": "prod", "Days": "400", "Tags": "a=b"])
  }

  @Test("a later entry for the same key wins")
  func laterWins() throws {
    #expect(try ParameterFile.parse(Array(#"["A=1", "A=2"]"#.utf8), path: "p.json") == ["A": "2"])
  }

  @Test("anything else is a message at the file, line and column", arguments: [
    ("", "p.json:1:1: the file is empty; expected a list of \"Key=Value\" strings, a list of {\"ParameterKey\": …, \"ParameterValue\": …} objects, or {\"Parameters\": {\"Key\": \"Value\"}}"),
    ("[\"A=1\",\n \"B\"]", "p.json:2:2: expected \"Key=Value\", found \"B\""),
    ("[\"=1\"]", "p.json:1:2: expected \"Key=Value\", found \"=1\""),
    ("[1]", "p.json:1:2: expected \"Key=Value\" or a {\"ParameterKey\", \"ParameterValue\"} object"),
    ("[{\"ParameterValue\": \"x\"}]", "p.json:1:2: a parameter object needs a \"ParameterKey\" string"),
    ("[{\"ParameterKey\": \"A\"}]", "p.json:1:2: parameter A needs a \"ParameterValue\""),
    ("[{\"ParameterKey\": \"A\", \"ParameterValue\": null}]", "p.json:1:42: the value of parameter A must be a string, a number or a boolean"),
    ("{\"Parameters\": [\"A=1\"]}", "p.json:1:16: \"Parameters\" must be an object"),
    ("{\"Parameters\": {\"A\": {\"B\": 1}}}", "p.json:1:22: the value of parameter A must be a string, a number or a boolean"),
    ("{\"A\": \"1\"}", "p.json:1:1: expected a \"Parameters\" object (a CodePipeline template configuration), or a list of \"Key=Value\" strings, a list of {\"ParameterKey\": …, \"ParameterValue\": …} objects, or {\"Parameters\": {\"Key\": \"Value\"}}"),
    ("\"A=1\"", "p.json:1:1: expected a list of \"Key=Value\" strings, a list of {\"ParameterKey\": …, \"ParameterValue\": …} objects, or {\"Parameters\": {\"Key\": \"Value\"}}"),
    ("Environment=prod", "p.json:1:1: not a JSON parameter file: unexpected word 'Environment'"),
    ("[\"A=1\"", "p.json:1:7: not a JSON parameter file: unexpected end of file (an array opened at line 1, column 1 is not closed)"),
  ])
  func failures(text: String, message: String) {
    #expect(throws: ParameterFile.Failure(message)) { try ParameterFile.parse(Array(text.utf8), path: "p.json") }
  }

  @Test("--parameter Key=Value splits at the first '='", arguments: [
    ("A=1", "A", "1"), ("A=", "A", ""), ("Url=https://x/?a=b", "Url", "https://x/?a=b"),
  ])
  func assignment(text: String, key: String, value: String) throws {
    let pair = try ParameterFile.assignment(text)
    #expect(pair.key == key && pair.value == value)
  }

  @Test("--parameter without a key or '=' is refused", arguments: ["A", "=1", ""])
  func badAssignment(text: String) {
    #expect(throws: ParameterFile.Failure("--parameter expects Key=Value, got '\(text)'")) { try ParameterFile.assignment(text) }
  }
}
