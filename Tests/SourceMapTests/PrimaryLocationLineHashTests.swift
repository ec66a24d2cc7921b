import SourceMap
import Testing

/// GitHub's line fingerprint must be exactly what upload-sarif computes, or the action warns about
/// every result and alerts lose their history.
struct PrimaryLocationLineHashTests {
  static func allLines(_ text: String) -> [String] {
    let count = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }).count
    let hashes = PrimaryLocationLineHash.hashes(of: text.utf16, lines: Set(1...count))
    return (1...count).map { hashes[$0] ?? "none" }
  }

  /// Derived by hand from the description (fingerprints.ts): every line's window is 100 code units
  /// from its first character, read as Σ wᵢ·37^(99−i) mod 2⁶⁴.
  /// "a\n": line 1 is [97, 10, 65535, 0…] → 97·37⁹⁹ + 10·37⁹⁸ + 65535·37⁹⁷ = 0x243cbaa4685aab12;
  /// line 2 is the end of the file alone, [65535, 0…] → 65535·37⁹⁹ = 0xc129715d7a2bc9a3.
  @Test("a one-line file hashes to the values derived by hand")
  func handDerived() {
    #expect(Self.allLines("a\n") == ["243cbaa4685aab12:1", "c129715d7a2bc9a3:1"])
    #expect(Self.allLines("") == ["c129715d7a2bc9a3:1"])
  }

  /// The expectations of github/codeql-action's own test of the algorithm (src/fingerprints.test.ts):
  /// spaces and tabs are skipped, CR, LF and CRLF are one line break, and identical hashes count up.
  @Test(
    "agrees with upload-sarif's own test values",
    arguments: [
      (" a\nb\n  \t\tc\n d", ["271789c17abda88f:1", "54703d4cd895b18:1", "180aee12dab6264:1", "a23a3dc5e078b07b:1"]),
      (
        " hello; \t\nworld!!!\n\n\n  \t\tGreetings\n End",
        [
          "8b7cf3e952e7aeb2:1", "b1ae1287ec4718d9:1", "bff680108adb0fcc:1", "c6805c5e1288b612:1", "b86d3392aea1be30:1",
          "e6ceba753e1a442:1",
        ]
      ),
      (
        " hello; \t\nworld!!!\n\n\n  \t\tGreetings\n End\n",
        [
          "e9496ae3ebfced30:1", "fb7c023a8b9ccb3f:1", "ce8ba1a563dcdaca:1", "e20e36e16fcb0cc8:1", "b3edc88f2938467e:1",
          "c8e28b0b4002a3a0:1", "c129715d7a2bc9a3:1",
        ]
      ),
      (
        " hello; \t\r\nworld!!!\r\n\r\n\r\n  \t\tGreetings\r\n End\r\n",
        [
          "e9496ae3ebfced30:1", "fb7c023a8b9ccb3f:1", "ce8ba1a563dcdaca:1", "e20e36e16fcb0cc8:1", "b3edc88f2938467e:1",
          "c8e28b0b4002a3a0:1", "c129715d7a2bc9a3:1",
        ]
      ),
      (
        " hello; \t\nworld!!!\r\n\n\r  \t\tGreetings\r End\r\n",
        [
          "e9496ae3ebfced30:1", "fb7c023a8b9ccb3f:1", "ce8ba1a563dcdaca:1", "e20e36e16fcb0cc8:1", "b3edc88f2938467e:1",
          "c8e28b0b4002a3a0:1", "c129715d7a2bc9a3:1",
        ]
      ),
      (
        String(repeating: "Lorem ipsum dolor sit amet.\n", count: 10),
        [
          "a7f2ff13bc495cf2:1", "a7f2ff13bc495cf2:2", "a7f2ff13bc495cf2:3", "a7f2ff13bc495cf2:4", "a7f2ff13bc495cf2:5",
          "a7f2ff13bc495cf2:6", "a7f2ff1481e87703:1", "a9cf91f7bbf1862b:1", "55ec222b86bcae53:1", "cc97dc7b1d7d8f7b:1",
          "c129715d7a2bc9a3:1",
        ]
      ),
    ])
  func upstreamValues(text: String, expected: [String]) {
    #expect(Self.allLines(text) == expected)
  }

  /// The same sum computed directly for each line, without a rolling window: an independent
  /// reading of the description, on text with multibyte characters, long lines and CRLF.
  static func closedForm(_ text: String) -> [String] {
    var units: [UInt64] = []
    var starts: [Int] = []
    var previousWasCR = false
    var atLineStart = true
    for unit in text.utf16 {
      if unit == 0x20 || unit == 0x09 || (previousWasCR && unit == 0x0A) {
        previousWasCR = false
        continue
      }
      let current: UInt16 = unit == 0x0D ? 0x0A : unit
      previousWasCR = unit == 0x0D
      if atLineStart { starts.append(units.count) }
      atLineStart = current == 0x0A
      units.append(UInt64(current))
    }
    if atLineStart { starts.append(units.count) }
    units.append(65535)
    var counts: [UInt64: Int] = [:]
    return starts.map { start in
      var hash: UInt64 = 0
      for offset in 0..<100 {
        let unit = start + offset < units.count ? units[start + offset] : 0
        hash = hash &* 37 &+ unit
      }
      counts[hash, default: 0] += 1
      return String(hash, radix: 16) + ":" + String(counts[hash] ?? 0)
    }
  }

  @Test(
    "the rolling hash equals the sum computed line by line",
    arguments: [
      "Description: Journal d'audit de l'équipe sécurité 🛡️\n    Properties: {LogGroupName: /équipe, RetentionInDays: 7}\n",
      String(repeating: "x", count: 250) + "\n" + String(repeating: "é", count: 120) + "\r\nend",
      "Resources:\r\n  Trail:\r\n    Type: AWS::CloudTrail::Trail\r\n\r\n\r\n",
      "\t\t\n   \n\n",
      "\u{FEFF}AWSTemplateFormatVersion: x\n",
    ])
  func rollingEqualsClosedForm(text: String) {
    #expect(Self.allLines(text) == Self.closedForm(text))
  }

  @Test("only the wanted lines are returned; lines past the end have none")
  func wantedLines() {
    let hashes = PrimaryLocationLineHash.hashes(of: "a\nb\nc\n".utf16, lines: [2, 9])
    #expect(hashes == [2: Self.allLines("a\nb\nc\n")[1]])
    #expect(PrimaryLocationLineHash.hashes(of: "a".utf16, lines: []).isEmpty)
  }

  @Test("a file's bytes are read as upload-sarif reads them: a byte-order mark counts on line 1")
  func fileBytes() {
    let plain = Array("a: 1\nb: 2\n".utf8)
    let marked = [0xEF, 0xBB, 0xBF] + plain
    let withoutMark = PrimaryLocationLineHash.hashes(ofFile: plain, lines: [1, 2])
    let withMark = PrimaryLocationLineHash.hashes(ofFile: marked, lines: [1, 2])
    #expect(withMark[1] != withoutMark[1])
    #expect(withMark[2] == withoutMark[2])
    #expect(withMark[1] == Self.closedForm("\u{FEFF}a: 1\nb: 2\n")[0])
  }

  @Test("a line's hash does not change when unrelated lines are added above it")
  func stableUnderInsertionsAbove() {
    let body = "Resources:\n  Trail:\n    Type: AWS::CloudTrail::Trail\n"
    let edited = "# owner: platform team\nDescription: audit\n" + body
    let before = PrimaryLocationLineHash.hashes(of: body.utf16, lines: [2])[2]
    let after = PrimaryLocationLineHash.hashes(of: edited.utf16, lines: [4])[4]
    #expect(before != nil)
    #expect(before == after)
  }
}
