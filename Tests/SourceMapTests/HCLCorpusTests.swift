import Foundation
import SourceMap
import Testing

/// Every `.tf` and `.tfvars` file of the shared corpus (real modules, CloudTrail baselines among
/// them) reads without an error, except the few that tflint's own tests break on purpose, which fail
/// with the pinned message at the pinned place. The corpus lives beside the repository (`../shared/corpus/tf`) or
/// where `TRAILWATCH_CORPUS` points; without it the test says so and passes.
struct HCLCorpusTests {
  static var corpusDirectory: URL {
    if let override = ProcessInfo.processInfo.environment["TRAILWATCH_CORPUS"] {
      return URL(fileURLWithPath: override).appendingPathComponent("tf")
    }
    return URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("shared/corpus/tf")
  }

  /// tflint's integration tests for load errors: broken on purpose.
  static let brokenOnPurpose = [
    "terraform-linters__tflint/integrationtest/cli/load_errors/main.tf":
      "2:1: the block opened at line 1, column 9 is not closed: '}' is missing",
    "terraform-linters__tflint/integrationtest/recursive/errors/subdir1/main.tf":
      "2:1: the block opened at line 1, column 31 is not closed: '}' is missing",
    "terraform-linters__tflint/integrationtest/recursive/errors/subdir2/main.tf":
      "2:1: unexpected '}': no block is open here",
  ]

  @Test("every .tf and .tfvars file of the corpus reads without an error")
  func corpusReads() throws {
    let directory = Self.corpusDirectory
    guard let walker = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil) else {
      print("HCL corpus test skipped: no corpus at \(directory.path) (set TRAILWATCH_CORPUS to the corpus folder)")
      return
    }
    var files: [URL] = []
    for case let url as URL in walker where url.pathExtension == "tf" || url.pathExtension == "tfvars" {
      files.append(url)
    }
    guard !files.isEmpty else {
      print("HCL corpus test skipped: no .tf files under \(directory.path)")
      return
    }
    var failures: [String] = []
    var broken: [String: String] = [:]
    for url in files.sorted(by: { $0.path < $1.path }) {
      let bytes = try [UInt8](Data(contentsOf: url))
      let relative = String(url.path.dropFirst(directory.path.count + 1))
      do {
        _ = try HCLReader.read(try SourceText(decoding: bytes))
      } catch {
        let description = "\(error.range.start.line):\(error.range.start.column): \(error.message)"
        if Self.brokenOnPurpose[relative] != nil {
          broken[relative] = description
        } else {
          failures.append("\(relative):\(description)")
        }
      }
    }
    #expect(broken == Self.brokenOnPurpose)
    #expect(failures.isEmpty, "\(failures.count) of \(files.count) files failed:\n\(failures.joined(separator: "\n"))")
    #expect(files.count > 100)
  }
}
