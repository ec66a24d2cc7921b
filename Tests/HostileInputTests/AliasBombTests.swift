import Testing

/// YAML aliases share their anchor's storage, but whatever walks the tree visits every expansion: the
/// expansion is bounded (1,000,000 nodes), not the file.
struct AliasBombTests {
  /// Nine levels of ten aliases of the level below: 10^9 strings from 400 bytes.
  static let billionLaughs: String = {
    var lines = [Lint.template, #"a: &a ["x","x","x","x","x","x","x","x","x","x"]"# + "\n"]
    let names = Array("abcdefghi")
    for index in 1..<names.count {
      let alias = "*\(names[index - 1])"
      lines.append("\(names[index]): &\(names[index]) [" + Array(repeating: alias, count: 10).joined(separator: ",") + "]\n")
    }
    return lines.joined() + "Resources: {}\n"
  }()

  @Test("billion laughs: nested aliases of aliases stop at the expansion bound")
  func billionLaughs() {
    #expect(Lint.lines(Self.billionLaughs) == [
      "7:29: error: aliases expand to more than 1000000 nodes [TW001]"
    ])
  }

  @Test("merge keys over an alias bomb count every merged entry")
  func mergeKeysOverAliases() {
    // 2,000 merges of a 1,000-entry mapping: two million entries from 17 KB.
    let keys = (0..<1000).map { "k\($0): x" }.joined(separator: ", ")
    let merges = Array(repeating: "*a", count: 2000).joined(separator: ", ")
    let text = Lint.template + "a: &a {\(keys)}\nb: &b {<<: [\(merges)]}\nResources: {}\n"
    #expect(Lint.lines(text) == ["3:2009: error: aliases expand to more than 1000000 nodes [TW001]"])
  }

  @Test("merge keys of merged mappings, each level doubling, stop at the bound")
  func nestedMerges() {
    var text = Lint.template + "m0: &m0 {" + (0..<64).map { "k\($0): x" }.joined(separator: ", ") + "}\n"
    for level in 1...20 {
      text += "m\(level): &m\(level) {<<: [*m\(level - 1), *m\(level - 1)], own\(level): y}\n"
    }
    text += "Resources: {}\n"
    #expect(Lint.lines(text) == ["14:23: error: aliases expand to more than 1000000 nodes [TW001]"])
  }

  @Test("an alias bomb in a file that is not a template is skipped, not reported")
  func bombOutsideATemplate() {
    let text = Self.billionLaughs.replacingOccurrences(of: Lint.template, with: "").replacingOccurrences(
      of: "Resources: {}\n", with: "")
    let result = Lint.result(Array(text.utf8))
    #expect(result.kind == .other)
    #expect(result.findings.isEmpty)
  }

  @Test("aliases below the bound are read, and a trail written through them is linted")
  func aliasesBelowTheBound() {
    let text = Lint.template + """
      Shared: &props
        CloudWatchLogsRoleArn: arn:aws:iam::123456789012:role/trail
      Resources:
        Trail:
          Type: AWS::CloudTrail::Trail
          Properties:
            <<: *props
            IsLogging: true

      """
    #expect(Lint.lines(text) == [
      "5:3: error: trail 'Trail' has no CloudWatchLogsLogGroupArn, so its events never reach CloudWatch Logs [TW101]"
    ])
  }
}
