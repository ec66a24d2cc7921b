import Rules
import SourceMap
import Testing
import TrailwatchKit

/// What the engine adds to findings for SARIF and annotations: UTF-16 columns and GitHub's line
/// hash, only when asked.
struct FindingDetailsTests {
  /// `é` is one UTF-16 unit and one character; `🛡` two units and one character.
  static let template = """
    Resources:
      Journal:
        Type: AWS::Logs::LogGroup
        Properties: {LogGroupName: /équipe/sécurité-🛡/journal, RetentionInDays: 366}

    """

  @Test("UTF-16 columns count an emoji before the finding as two, characters as one")
  func utf16Columns() throws {
    let result = SourceLinter(keepsUTF16Columns: true).lint(Array(Self.template.utf8), path: "journal.yaml")
    let finding = try #require(result.findings.first { $0.ruleID == "TW203" })
    #expect(finding.range.start.line == 4)
    #expect(finding.range.start.column == 77)
    #expect(finding.range.end.column == 80)
    #expect(finding.utf16Columns == UTF16Columns(start: 78, end: 81))
  }

  @Test("nothing is computed when no format asks")
  func nothingUnasked() {
    let result = SourceLinter().lint(Array(Self.template.utf8), path: "journal.yaml")
    #expect(!result.findings.isEmpty)
    #expect(result.findings.allSatisfy { $0.utf16Columns == nil && $0.lineHash == nil && $0.lineText == nil })
  }

  @Test("the line hash is upload-sarif's hash of the finding's start line in the file as it is on disk")
  func lineHash() throws {
    let bytes = [0xEF, 0xBB, 0xBF] + Array(Self.template.utf8)
    let result = SourceLinter(computesLineHashes: true).lint(bytes, path: "journal.yaml")
    let finding = try #require(result.findings.first { $0.ruleID == "TW203" })
    #expect(finding.lineHash == PrimaryLocationLineHash.hashes(ofFile: bytes, lines: [4])[4])
    #expect(finding.lineHash?.hasSuffix(":1") == true)
  }

  @Test("a finding's fingerprint does not change when unrelated lines are added above it")
  func fingerprintSurvivesEditsAbove() throws {
    let edited = "# Owned by the platform team.\nDescription: Audit logs, kept for a year\n\n" + Self.template
    let linter = SourceLinter(computesLineHashes: true)
    let before = try #require(linter.lint(Array(Self.template.utf8), path: "journal.yaml").findings.first)
    let after = try #require(linter.lint(Array(edited.utf8), path: "journal.yaml").findings.first)
    #expect(after.range.start.line == before.range.start.line + 3)
    #expect(before.lineHash != nil)
    #expect(after.lineHash == before.lineHash)
  }

  @Test("a parse error carries the details too")
  func parseError() throws {
    let text = "AWSTemplateFormatVersion: x\nDescription: é🛡 {\nResources: [\n"
    let result = SourceLinter(keepsUTF16Columns: true, computesLineHashes: true).lint(Array(text.utf8), path: "broken.yaml")
    let finding = try #require(result.findings.first)
    #expect(finding.ruleID == "TW001")
    #expect(finding.utf16Columns != nil)
    #expect(finding.lineHash == PrimaryLocationLineHash.hashes(ofFile: Array(text.utf8), lines: [finding.range.start.line])[finding.range.start.line])
  }
}
