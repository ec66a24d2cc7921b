import Foundation
import SourceMap
import Testing
import TrailwatchKit

/// The inputs the fuzzers grew (`Fuzz/corpus`, minimized with `scripts/fuzz --merge`) and the ones that
/// once broke trailwatch (`FuzzRegressions`), replayed as the fuzz targets run them: each must lint,
/// and every finding must point at a real place in its file.
struct FuzzCorpusTests {
  static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  /// Every file of the committed fuzz corpora and regressions, as a path relative to the package.
  static let inputs: [String] = {
    let directories = [
      "Fuzz/corpus/yaml", "Fuzz/corpus/json", "Fuzz/corpus/hcl", "Fuzz/corpus/pipeline", "Tests/HostileInputTests/FuzzRegressions",
    ]
    return directories.flatMap { directory -> [String] in
      let names = (try? FileManager.default.contentsOfDirectory(atPath: packageRoot.appendingPathComponent(directory).path)) ?? []
      return names.filter { !$0.hasPrefix(".") }.sorted().map { "\(directory)/\($0)" }
    }
  }()

  /// The path and parameter values the pipeline target lints an input with (see FuzzPipeline.swift).
  static func fuzzCase(_ raw: [UInt8]) -> (bytes: [UInt8], path: String, overrides: [String: String]) {
    var bytes = raw
    var path = bytes.first == UInt8(ascii: "{") ? "template.json" : "template.yaml"
    var overrides: [String: String] = [:]
    if let selector = bytes.first, selector < 8 {
      bytes.removeFirst()
      path = ["template.yaml", "template.json", "plan.json", "main.tf"][Int(selector & 3)]
      if selector & 4 != 0 {
        overrides = ["Environment": "prod", "Env": "prod", "Stage": "prod", "EnableLogging": "true"]
      }
    }
    return (bytes, path, overrides)
  }

  @Test("the fuzz corpora are there to replay")
  func corpusIsPresent() {
    #expect(Self.inputs.count >= 3)
  }

  @Test("every fuzz input lints, with every finding at a real place in its file", arguments: inputs)
  func replay(input: String) throws {
    let raw = try [UInt8](Data(contentsOf: Self.packageRoot.appendingPathComponent(input)))
    let fuzz = Self.fuzzCase(raw)
    let result = SourceLinter(parameterOverrides: fuzz.overrides).lint(fuzz.bytes, path: fuzz.path)
    guard let text = try? SourceText(decoding: fuzz.bytes) else {
      // Bytes that do not decode: nothing but TW001 (its position is in the transcoded text).
      #expect(result.findings.allSatisfy { $0.ruleID == "TW001" })
      return
    }
    for finding in result.findings {
      let range = finding.range
      #expect(range.start.offset <= range.end.offset && range.end.offset <= text.bytes.count, "\(finding)")
      #expect(text.position(ofOffset: range.start.offset) == range.start, "\(finding)")
      #expect(text.position(ofOffset: range.end.offset) == range.end, "\(finding)")
    }
  }
}
