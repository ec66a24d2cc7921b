import Testing

@testable import SourceMap

// MARK: - Helpers

private func read(_ yaml: String, limits: ReaderLimits = .default) throws(ParseError) -> Node? {
  try YAMLReader.read(SourceText(yaml), limits: limits)
}

/// The error reading `yaml` throws; nil when it reads.
private func failure(_ yaml: String, limits: ReaderLimits = .default) -> ParseError? {
  failure(SourceText(yaml), limits: limits)
}

private func failure(_ text: SourceText, limits: ReaderLimits = .default) -> ParseError? {
  do {
    _ = try YAMLReader.read(text, limits: limits)
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

// MARK: - Documents

@Test func emptyStreamsAndDocumentsReadAsNil() throws {
  #expect(try read("") == nil)
  #expect(try read("   \n\n") == nil)
  #expect(try read("# only a comment\n") == nil)
  #expect(try read("---\n# nothing here\n") == nil)
  #expect(try read("--- \n...\n") == nil)
}

@Test func aWrittenNullIsNotAnEmptyDocument() throws {
  let tilde = try #require(try read("~\n"))
  #expect(tilde.scalar == Scalar("~", style: .plain))
  let quoted = try #require(try read("''"))
  #expect(quoted.scalar == Scalar("", style: .quoted))
  let tagged = try #require(try read("--- !Ref\n"))
  #expect(tagged.tag == "!Ref")
  #expect(tagged.scalar?.text == "")
}

@Test func aScalarDocumentIsItsRoot() throws {
  let root = try #require(try read("hello world\n"))
  #expect(root.scalar == Scalar("hello world", style: .plain))
  #expect(root.range == span(at(1, 1, 0), at(1, 12, 11)))
}

@Test func onlyTheFirstDocumentIsRead() throws {
  // The second document is unterminated; it must not be parsed.
  let root = try #require(try read("a: 1\n---\nb: [unclosed\n"))
  #expect(root.entries?.count == 1)
  #expect(root["a"]?.scalar?.text == "1")
  #expect(root["b"] == nil)
}

@Test func anExplicitDocumentEndStopsReading() throws {
  let root = try #require(try read("a: 1\n...\n\"unterminated\n"))
  #expect(root["a"]?.scalar?.text == "1")
}

@Test func trailingContentAfterTheRootIsAnError() throws {
  let error = try #require(failure("[a] b"))
  #expect(error.message == "did not find expected <document start>")
  #expect(error.range.start == at(1, 5, 4))
}

// MARK: - Positions

@Test func blockMappingPositions() throws {
  let root = try #require(try read("name: web\nport: 80\n"))
  let entries = try #require(root.entries)
  #expect(entries.count == 2)
  #expect(entries[0].key.text == "name")
  #expect(entries[0].key.range == span(at(1, 1, 0), at(1, 5, 4)))
  #expect(entries[0].value.range == span(at(1, 7, 6), at(1, 10, 9)))
  #expect(entries[1].key.range == span(at(2, 1, 10), at(2, 5, 14)))
  #expect(entries[1].value.range == span(at(2, 7, 16), at(2, 9, 18)))
  #expect(root.range == span(at(1, 1, 0), at(3, 1, 19)))
}

@Test func multibyteCharactersCountOneColumnAndTheirBytesInOffsets() throws {
  // Line 2 starts at byte 10: "a: " (3) + é (2) + 😀 (4) + newline (1).
  let root = try #require(try read("a: é😀\nb: [é, 😀, x]\n"))
  let a = try #require(root["a"])
  #expect(a.scalar?.text == "é😀")
  #expect(a.range == span(at(1, 4, 3), at(1, 6, 9)))
  let items = try #require(root["b"]?.items)
  #expect(items.map { $0.scalar?.text } == ["é", "😀", "x"])
  #expect(items[0].range == span(at(2, 5, 14), at(2, 6, 16)))
  #expect(items[1].range == span(at(2, 8, 18), at(2, 9, 22)))
  #expect(items[2].range == span(at(2, 11, 24), at(2, 12, 25)))
  #expect(root["b"]?.range == span(at(2, 4, 13), at(2, 13, 26)))
}

@Test func positionsAfterMultibyteLinesComeBackToEarlierLines() throws {
  // A block mapping's end is reported after its last value, then the next key is on an earlier
  // column; the cursor has to agree with SourceText everywhere.
  let yaml = "ü:\n  ä: ö\nz: 😀😀\n"
  let text = SourceText(yaml)
  let root = try #require(try YAMLReader.read(text))
  let inner = try #require(root["ü"])
  #expect(inner["ä"]?.range == span(at(2, 6, 10), at(2, 7, 12)))
  #expect(inner.range.start == at(2, 3, 6))
  #expect(inner.range.end == at(3, 1, 13))
  let z = try #require(root.entry("z"))
  #expect(z.key.range == span(at(3, 1, 13), at(3, 2, 14)))
  #expect(z.value.range == span(at(3, 4, 16), at(3, 6, 24)))
  #expect(text.position(ofOffset: 24) == z.value.range.end)
}

@Test func crlfIsOneLineBreak() throws {
  let root = try #require(try read("a: 1\r\nb: 2\r\nc:\r\n  - x\r\n"))
  let entries = try #require(root.entries)
  #expect(entries[1].key.range == span(at(2, 1, 6), at(2, 2, 7)))
  #expect(entries[1].value.range == span(at(2, 4, 9), at(2, 5, 10)))
  #expect(entries[1].value.scalar?.text == "2")
  #expect(entries[2].key.range.start == at(3, 1, 12))
  let item = try #require(entries[2].value.items?.first)
  #expect(item.range == span(at(4, 5, 20), at(4, 6, 21)))
  #expect(root.range.end == at(5, 1, 23))
}

@Test func crlfInsideScalarsIsFoldedByLibyaml() throws {
  let root = try #require(try read("a: |\r\n  one\r\n  two\r\nb: 1\r\n"))
  #expect(root["a"]?.scalar?.text == "one\ntwo\n")
  #expect(root.entry("b")?.key.range.start == at(4, 1, 20))
}

@Test func lineBreaksAreSourceTextsNotLibyamls() throws {
  // libyaml also breaks lines at U+2028; positions follow SourceText, which does not.
  let text = SourceText("a: \"x\u{2028}y\"\nb: 1\n")
  let root = try #require(try YAMLReader.read(text))
  #expect(root["a"]?.range == span(at(1, 4, 3), at(1, 9, 10)))
  #expect(root.entry("b")?.key.range.start == at(2, 1, 11))
  #expect(text.lineCount == 3)
}

@Test func aByteOrderMarkLeftInTheBytesCountsAsAColumn() throws {
  // SourceText(decoding:) drops it; when it is kept, positions still agree with SourceText.
  let text = SourceText(utf8: [0xEF, 0xBB, 0xBF] + Array("a: 1\n".utf8))
  let entry = try #require(try YAMLReader.read(text)?.entries?.first)
  #expect(entry.key.text == "a")
  #expect(entry.key.range.start == at(1, 2, 3))
  #expect(text.position(ofOffset: 3) == entry.key.range.start)
}

@Test func tabsInsideValuesCountOneColumn() throws {
  let root = try #require(try read("a: x\ty\nb: \"p\tq\"\n"))
  #expect(root["a"]?.scalar?.text == "x\ty")
  #expect(root["a"]?.range == span(at(1, 4, 3), at(1, 7, 6)))
  #expect(root["b"]?.scalar == Scalar("p\tq", style: .quoted))
  #expect(root["b"]?.range == span(at(2, 4, 10), at(2, 9, 15)))
}

@Test func tabsBeforeAValueOnTheSameLine() throws {
  let root = try #require(try read("key:\tvalue\n"))
  #expect(root["key"]?.scalar?.text == "value")
  #expect(root["key"]?.range == span(at(1, 6, 5), at(1, 11, 10)))
}

@Test func cloudFormationShortFormTagsAndFlowMappings() throws {
  let yaml = """
    Resources:
      Trail:
        Type: AWS::CloudTrail::Trail
        Properties: {S3BucketName: b}
        Arn: !GetAtt "Logs.Arn"

    """
  let root = try #require(try read(yaml))
  #expect(root.range == span(at(1, 1, 0), at(6, 1, 115)))
  let resources = try #require(root.entry("Resources"))
  #expect(resources.key.range == span(at(1, 1, 0), at(1, 10, 9)))
  let trailEntry = try #require(resources.value.entry("Trail"))
  #expect(trailEntry.key.range == span(at(2, 3, 13), at(2, 8, 18)))
  let trail = trailEntry.value
  #expect(trail.range == span(at(3, 5, 24), at(6, 1, 115)))

  let type = try #require(trail.entry("Type"))
  #expect(type.key.range == span(at(3, 5, 24), at(3, 9, 28)))
  #expect(type.value.scalar == Scalar("AWS::CloudTrail::Trail", style: .plain))
  #expect(type.value.range == span(at(3, 11, 30), at(3, 33, 52)))

  let properties = try #require(trail.entry("Properties"))
  #expect(properties.key.range == span(at(4, 5, 57), at(4, 15, 67)))
  #expect(properties.value.range == span(at(4, 17, 69), at(4, 34, 86)))
  let bucket = try #require(properties.value.entry("S3BucketName"))
  #expect(bucket.key.range == span(at(4, 18, 70), at(4, 30, 82)))
  #expect(bucket.value.scalar == Scalar("b", style: .plain))
  #expect(bucket.value.range == span(at(4, 32, 84), at(4, 33, 85)))

  let arn = try #require(trail.entry("Arn"))
  #expect(arn.key.range == span(at(5, 5, 91), at(5, 8, 94)))
  #expect(arn.value.tag == "!GetAtt")
  #expect(arn.value.scalar == Scalar("Logs.Arn", style: .quoted))
  // A tagged node starts at its tag.
  #expect(arn.value.range == span(at(5, 10, 96), at(5, 28, 114)))
}

// MARK: - Scalars and tags

@Test func scalarStyles() throws {
  let yaml = "- plain\n- 's''q'\n- \"d\\tq\\u00e9\"\n- |\n  lit\n- >-\n  fo\n  ld\n- 365\n"
  let items = try #require(try read(yaml)?.items)
  #expect(items.map(\.scalar) == [
    Scalar("plain", style: .plain),
    Scalar("s'q", style: .quoted),
    Scalar("d\tqé", style: .quoted),
    Scalar("lit\n", style: .quoted),
    Scalar("fo ld", style: .quoted),
    Scalar("365", style: .plain),
  ])
  // A block scalar runs to the start of the line after its last line.
  #expect(items[3].range == span(at(4, 3, 34), at(6, 1, 42)))
}

@Test func tagsAreKeptAsLibyamlReportsThem() throws {
  let yaml = """
    - !Ref Bucket
    - !!str 5
    - ! nonSpecific
    - !Foo {a: 1}
    - !If [IsProd, a, b]
    - !Sub "arn:${AWS::Partition}:s3:::${B}"
    - !Join [",", [a, b]]
    - !Equals [!Ref Env, prod]
    - !Condition IsProd
    - !Transform {Name: AWS::Include, Parameters: {Location: s3://x}}
    - untagged
    - !<tag:example.com,2024:thing> v
    """
  let items = try #require(try read(yaml)?.items)
  #expect(items.map(\.tag) == [
    "!Ref", "tag:yaml.org,2002:str", nil, "!Foo", "!If", "!Sub", "!Join", "!Equals", "!Condition",
    "!Transform", nil, "tag:example.com,2024:thing",
  ])
  #expect(items[0].scalar == Scalar("Bucket", style: .plain))
  #expect(items[3].entries?.first?.key.text == "a")
  #expect(items[4].items?.count == 3)
  #expect(items[5].scalar == Scalar("arn:${AWS::Partition}:s3:::${B}", style: .quoted))
  #expect(items[7].items?.first?.tag == "!Ref")
  #expect(items[7].items?.first?.scalar?.text == "Env")
  #expect(items[9]["Parameters"]?["Location"]?.scalar?.text == "s3://x")
  #expect(items[4].range == span(at(5, 3, 56), at(5, 21, 74)))
}

// MARK: - Keys

@Test func quotedKeysKeepTheirQuotesInTheRange() throws {
  let entry = try #require(try read("\"a b\": 1\n")?.entries?.first)
  #expect(entry.key.text == "a b")
  #expect(entry.key.range == span(at(1, 1, 0), at(1, 6, 5)))
}

@Test func collectionKeysAreRejected() throws {
  let flow = try #require(failure("{[a]: 1}"))
  #expect(flow.message == "mapping keys must be strings")
  #expect(flow.range.start == at(1, 2, 1))

  let complex = try #require(failure("? {a: 1}\n: v\n"))
  #expect(complex.message == "mapping keys must be strings")
  #expect(complex.range.start == at(1, 3, 2))

  let block = try #require(failure("x: 1\n? - a\n: v\n"))
  #expect(block.message == "mapping keys must be strings")
  #expect(block.range.start == at(2, 3, 7))
}

@Test func anAliasKeyResolvesToAScalarAnchor() throws {
  let root = try #require(try read("name: &k region\n*k : us-east-1\n"))
  let entries = try #require(root.entries)
  #expect(entries[1].key.text == "region")
  #expect(entries[1].key.range == span(at(2, 1, 16), at(2, 3, 18)))
  #expect(entries[1].value.scalar?.text == "us-east-1")
}

@Test func anAliasKeyToACollectionIsRejected() throws {
  let error = try #require(failure("a: &m {x: 1}\n*m : v\n"))
  #expect(error.message == "mapping keys must be strings")
  #expect(error.range == span(at(2, 1, 13), at(2, 3, 15)))
}

@Test func duplicateKeys() throws {
  let error = try #require(failure("Resources:\n  A: 1\n  B: 2\n  A: 3\n"))
  #expect(error.message == "duplicate key 'A' (first defined at line 2, column 3)")
  #expect(error.range == span(at(4, 3, 27), at(4, 4, 28)))
}

@Test func duplicateKeysInLargeMappings() throws {
  var yaml = ""
  for number in 0..<500 {
    yaml += "k\(number): \(number)\n"
  }
  #expect(try read(yaml)?.entries?.count == 500)
  yaml += "k17: again\n"
  let error = try #require(failure(yaml))
  #expect(error.message == "duplicate key 'k17' (first defined at line 18, column 1)")
  #expect(error.range.start.line == 501)
}

@Test func duplicateKeysDifferOnlyByQuoting() throws {
  let error = try #require(failure("{a: 1, 'a': 2}"))
  #expect(error.message == "duplicate key 'a' (first defined at line 1, column 2)")
  #expect(error.range.start == at(1, 8, 7))
}

// MARK: - Anchors and aliases

@Test func aliasesShareTheAnchorValueAtTheirOwnPosition() throws {
  let root = try #require(try read("x: &a {k: 1}\ny: *a\n"))
  let x = try #require(root["x"])
  let y = try #require(root["y"])
  #expect(x.range == span(at(1, 4, 3), at(1, 13, 12)))
  #expect(y.range == span(at(2, 4, 16), at(2, 6, 18)))
  #expect(y["k"]?.scalar?.text == "1")
  // The entry keeps the anchor's positions: it is the same value.
  #expect(y.entry("k")?.key.range == span(at(1, 8, 7), at(1, 9, 8)))
}

@Test func aRedefinedAnchorRefersToTheLatestDefinition() throws {
  let items = try #require(try read("[&a one, *a, &a two, *a]")?.items)
  #expect(items.map { $0.scalar?.text } == ["one", "one", "two", "two"])
}

@Test func unknownAliases() throws {
  let error = try #require(failure("a: 1\nb: *missing\n"))
  #expect(error.message == "unknown alias 'missing'")
  #expect(error.range == span(at(2, 4, 8), at(2, 12, 16)))
  // An anchor is defined only once its node is complete, so a node cannot contain itself.
  let recursive = try #require(failure("&a [*a]"))
  #expect(recursive.message == "unknown alias 'a'")
}

@Test func billionLaughsIsStopped() throws {
  var yaml = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
  for level in 1...9 {
    let aliases = Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ")
    yaml += "a\(level): &a\(level) [\(aliases)]\n"
  }
  let clock = ContinuousClock()
  let started = clock.now
  let error = try #require(failure(yaml))
  #expect(clock.now - started < .seconds(1))
  #expect(error.message == "aliases expand to more than 1000000 nodes")
  #expect(error.message.contains("aliases"))
  // a5 is the first level whose aliases push the total (10 * (11 + 111 + ... + 111111)) past 10^6.
  #expect(error.range.start.line == 6)
}

@Test func aliasExpansionCountsWholeSubtrees() throws {
  // {k: 1} weighs 3 (the mapping, its key, its value); three uses are 9.
  let yaml = "a: &m {k: 1}\nb: [*m, *m, *m]\n"
  #expect(try read(yaml, limits: ReaderLimits(maxAliasExpansion: 9)) != nil)
  let error = try #require(failure(yaml, limits: ReaderLimits(maxAliasExpansion: 8)))
  #expect(error.message == "aliases expand to more than 8 nodes")
  #expect(error.range == span(at(2, 13, 25), at(2, 15, 27)))
}

@Test func anUnboundedAliasLimitStillReads() throws {
  let root = try #require(try read("a: &a [x, y]\nb: [*a, *a]\n", limits: ReaderLimits(maxAliasExpansion: .max)))
  #expect(root["b"]?.items?.count == 2)
}

// MARK: - Merge keys

@Test func mergeKeysBringInEntriesThatExplicitKeysOverride() throws {
  let yaml = """
    base: &base {a: 1, b: 2}
    x:
      b: 3
      <<: *base
      c: 4

    """
  let x = try #require(try read(yaml)?["x"])
  let entries = try #require(x.entries)
  #expect(entries.map(\.key.text) == ["b", "a", "c"])
  #expect(entries.map { $0.value.scalar?.text } == ["3", "1", "4"])
  // A merged entry is the anchor's entry, positions and all.
  #expect(entries[1].key.range.start == at(1, 14, 13))
}

@Test func anExplicitKeyAfterTheMergeStillWinsWithoutADuplicateError() throws {
  let root = try #require(try read("base: &b {a: 1}\nx:\n  <<: *b\n  a: 2\n"))
  #expect(root["x"]?.entries?.map(\.key.text) == ["a"])
  #expect(root["x"]?["a"]?.scalar?.text == "2")
}

@Test func earlierMergeSourcesWin() throws {
  let yaml = "p: &p {a: 1, b: 1}\nq: &q {b: 2, c: 2}\nx: {<<: [*p, *q, {d: 3}], e: 5}\n"
  let x = try #require(try read(yaml)?["x"])
  #expect(x.entries?.map(\.key.text) == ["a", "b", "c", "d", "e"])
  #expect(x["b"]?.scalar?.text == "1")
  #expect(x["c"]?.scalar?.text == "2")
}

@Test func quotedMergeKeysAreOrdinaryKeys() throws {
  let root = try #require(try read("'<<': {a: 1}\n"))
  #expect(root.entries?.map(\.key.text) == ["<<"])
}

@Test func mergeKeysNeedMappings() throws {
  let scalar = try #require(failure("x:\n  <<: 5\n"))
  #expect(scalar.message == "a merge key '<<' takes mappings, or a sequence of mappings")
  #expect(scalar.range == span(at(2, 7, 9), at(2, 8, 10)))
  let item = try #require(failure("x: {<<: [{a: 1}, [b]]}"))
  #expect(item.range.start == at(1, 18, 17))
  let twice = try #require(failure("m: &m {a: 1}\nx:\n  <<: *m\n  <<: *m\n"))
  #expect(twice.message == "duplicate key '<<' (first defined at line 3, column 3)")
}

@Test func mergedAliasesCountTowardExpansion() throws {
  let yaml = "m: &m {a: 1, b: 2}\nx: {<<: *m}\ny: {<<: *m}\n"
  #expect(try read(yaml, limits: ReaderLimits(maxAliasExpansion: 10)) != nil)
  let error = try #require(failure(yaml, limits: ReaderLimits(maxAliasExpansion: 9)))
  #expect(error.message == "aliases expand to more than 9 nodes")
  #expect(error.range.start == at(3, 9, 39))
}

// MARK: - Limits

@Test func deepFlowNestingStopsAtTheLimitQuickly() throws {
  let yaml = String(repeating: "[", count: 100_000)
  let clock = ContinuousClock()
  let started = clock.now
  let error = try #require(failure(yaml))
  #expect(clock.now - started < .seconds(2))
  #expect(error.message == "nesting deeper than 256 levels")
  #expect(error.range.start == at(1, 257, 256))
}

@Test func yamlNestingUpToTheLimitReads() throws {
  let depth = 300
  let yaml = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
  var node = try #require(try read(yaml, limits: ReaderLimits(maxDepth: depth)))
  var levels = 1
  while let first = node.items?.first {
    node = first
    levels += 1
  }
  #expect(levels == depth)
  #expect(node.range == span(at(1, 300, 299), at(1, 302, 301)))
  let error = try #require(failure(yaml, limits: ReaderLimits(maxDepth: depth - 1)))
  #expect(error.message == "nesting deeper than 299 levels")
}

@Test func blockNestingCountsToo() throws {
  let error = try #require(failure("a:\n  b:\n    c: 1\n", limits: ReaderLimits(maxDepth: 2)))
  #expect(error.message == "nesting deeper than 2 levels")
  #expect(error.range.start == at(3, 5, 12))
}

// MARK: - libyaml errors

@Test func syntaxErrorsCarryLibyamlsWordsAndPosition() throws {
  let error = try #require(failure("a:\n  b: 1\n c: 2\n"))
  #expect(error.message == "while parsing a block mapping: did not find expected key")
  #expect(error.range.start == at(3, 2, 11))
}

@Test func syntaxErrorPositionsCountCharacters() throws {
  let error = try #require(failure("é: [😀, x\ny: 1\n"))
  #expect(error.message == "while parsing a flow sequence: did not find expected ',' or ']'")
  #expect(error.range.start == at(2, 2, 14))
}

@Test func unterminatedQuotesAreReportedAtTheEnd() throws {
  let error = try #require(failure("a: \"open\n"))
  #expect(error.message == "while scanning a quoted scalar: found unexpected end of stream")
  #expect(error.range.start == at(2, 1, 9))
}

@Test func invalidUTF8IsReportedAtItsByte() throws {
  let text = SourceText(utf8: Array("a: b\nc: d".utf8) + [0xFF] + Array("\n".utf8))
  let error = try #require(failure(text))
  #expect(error.message == "invalid leading UTF-8 octet (byte 0xFF)")
  #expect(error.range.start == at(2, 5, 9))
}

@Test("a sequence cut short is reported at its lead byte, with both bytes named", arguments: [
  // A Latin-1 é (0xE9) before a quote, after multibyte characters (columns count characters).
  ([UInt8]("a:\n  é😀: \"caf".utf8) + [0xE9] + [UInt8]("\"\n".utf8), "E9", "22", at(2, 11, 17)),
  // The first two bytes of a four-byte sequence, then ASCII.
  ([UInt8]("b: x".utf8) + [0xF0, 0x9F] + [UInt8]("y\n".utf8), "F0", "79", at(1, 5, 4)),
])
func cutShortUTF8IsReportedAtItsStart(bytes: [UInt8], lead: String, next: String, start: SourcePosition) throws {
  let error = try #require(failure(SourceText(utf8: bytes)))
  #expect(error.message == "invalid UTF-8: byte 0x\(lead) starts a multibyte sequence that byte 0x\(next) does not continue; save the file as UTF-8")
  #expect(error.range.start == start)
}

@Test("a tab where YAML wants indentation is named as a tab", arguments: [
  ("Resources:\n\tLogs: 1\n", at(2, 1, 11)),
  ("Resources:\n  Logs:\n  \tType: x\n", at(3, 3, 21)),
  ("é:\n  - 1\n\t\t- 2\n", at(3, 1, 10)),
])
func tabIndentationIsNamed(yaml: String, start: SourcePosition) throws {
  let error = try #require(failure(yaml))
  #expect(error.message == "a tab cannot indent YAML; use spaces")
  #expect(error.range.start == start)
}

@Test func otherScannerErrorsKeepLibyamlsWords() throws {
  let error = try #require(failure("a: @b\n"))
  #expect(error.message == "while scanning for the next token: found character that cannot start any token")
  #expect(error.range.start == at(1, 4, 3))
}

@Test func truncatedUTF8IsReported() throws {
  let text = SourceText(utf8: Array("a: é".utf8).dropLast())
  let error = try #require(failure(text))
  #expect(error.message == "incomplete UTF-8 octet sequence")
  #expect(error.range.start == at(1, 4, 3))
}

@Test func controlCharactersAreReported() throws {
  let nul = try #require(failure(SourceText(utf8: Array("a: b".utf8) + [0] + Array("c\n".utf8))))
  #expect(nul.message == "control characters are not allowed (U+0000)")
  #expect(nul.range.start == at(1, 5, 4))
  let bell = try #require(failure("x: 1\ny: \u{7}\n"))
  #expect(bell.message == "control characters are not allowed (U+0007)")
  #expect(bell.range.start == at(2, 4, 8))
}

// MARK: - Size

@Test func aLongSingleLineStaysLinear() throws {
  // About 3 MB on one line, multibyte characters throughout: positions must still be exact.
  let count = 100_000
  var yaml = "{"
  for number in 0..<count {
    yaml += "ké\(number): \"é😀\", "
  }
  yaml += "last: x}"
  let text = SourceText(yaml)
  let clock = ContinuousClock()
  let started = clock.now
  let root = try #require(try YAMLReader.read(text))
  #expect(clock.now - started < .seconds(20))
  let entries = try #require(root.entries)
  #expect(entries.count == count + 1)
  let last = entries[count]
  #expect(last.key.range.start == text.position(ofOffset: text.bytes.count - 8))
  #expect(last.value.range.end.offset == text.bytes.count - 1)
  #expect(last.value.range.end.column == yaml.unicodeScalars.count)
  #expect(entries[count / 2].key.range.start == text.position(ofOffset: entries[count / 2].key.range.start.offset))
}
