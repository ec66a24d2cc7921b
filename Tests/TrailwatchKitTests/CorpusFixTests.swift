import Foundation
import Testing
import TrailwatchKit

/// Quick fixes on real templates: every fix offered for a finding of a shared-corpus template (about
/// 1,000 CloudFormation files from public repositories) applies cleanly, and the changed text no
/// longer reports that finding (the fixer checks that itself; this checks it again from outside, and
/// that nothing in the layout code trips on real indentation, comments, CRLF or flow style).
struct CorpusFixTests {
  static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("../shared/corpus/cfn").standardizedFileURL

  static var isPresent: Bool { FileManager.default.fileExists(atPath: corpus.path) }

  @Test("every fix offered for a corpus template clears its finding", .enabled(if: isPresent, "the shared corpus is not next to this checkout"))
  func corpusFixes() throws {
    let enumerator = try #require(FileManager.default.enumerator(at: Self.corpus, includingPropertiesForKeys: nil))
    let fixer = QuickFixer()
    var offered: [String: Int] = [:]
    for case let url as URL in enumerator where ["json", "yaml", "yml", "template"].contains(url.pathExtension) {
      let path = url.path
      let bytes = Array(try Data(contentsOf: url))
      let findings = SourceLinter().lint(bytes, path: path).findings
      for finding in findings where finding.isReported {
        for fix in fixer.fixes(for: finding, in: bytes, path: path, findings: findings) {
          offered[fix.title.hasPrefix("Ignore ") ? "ignore" : finding.ruleID, default: 0] += 1
          let after = SourceLinter().lint(SourceEdit.apply(fix.edits, to: bytes), path: path).findings
          #expect(
            !after.contains { $0.isReported && $0.ruleID == finding.ruleID && $0.resource == finding.resource && $0.message == finding.message },
            "\(path): \(fix.title) left \(finding.message)")
        }
      }
    }
    // The corpus has templates with every retention finding; each kind of fix must have been tried.
    #expect(offered["TW201", default: 0] > 0)
    #expect(offered["TW202", default: 0] > 0)
    #expect(offered["ignore", default: 0] > 0)
    print("corpus quick fixes offered and checked: \(offered.sorted { $0.key < $1.key })")
  }
}
