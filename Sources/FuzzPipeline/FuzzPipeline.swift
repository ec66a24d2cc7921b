// A libFuzzer target for the whole pipeline, bytes to findings, as `trailwatch FILE` runs it:
// CloudFormation templates, Terraform plans and Terraform configuration (`main.tf`). Built
// only by `scripts/fuzz`, which passes `-DFUZZING` and `-sanitize=fuzzer,address`; an ordinary build
// compiles the placeholder below.
import SourceMap
import TrailwatchKit

#if FUZZING
  import CFuzzerDriver
  #if canImport(Glibc)
    import Glibc
  #endif

  @main
  enum FuzzPipeline {
    static func main() {
      var argc = CommandLine.argc
      var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
      exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzPipeline))
    }
  }

  /// The paths an input is linted as. A first byte below 8 picks one and is dropped, so the fuzzer can
  /// steer an input between readers; any other input is named after its first character, the way the
  /// seeds (real templates and plans, read in place) are named.
  let fuzzPaths = ["template.yaml", "template.json", "plan.json", "main.tf"]

  /// Lints arbitrary bytes; with bit 2 of the selector byte set, as one concrete deployment
  /// (parameter values given), which evaluates conditions instead of branching on them.
  @_cdecl("LLVMFuzzerTestOneInput")
  public func fuzzPipeline(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    var bytes = Array(UnsafeBufferPointer(start: data, count: size))
    var path = bytes.first == UInt8(ascii: "{") ? "template.json" : "template.yaml"
    var overrides: [String: String] = [:]
    if let selector = bytes.first, selector < 8 {
      bytes.removeFirst()
      path = fuzzPaths[Int(selector & 3)]
      if selector & 4 != 0 {
        overrides = ["Environment": "prod", "Env": "prod", "Stage": "prod", "EnableLogging": "true"]
      }
    }
    let result = SourceLinter(parameterOverrides: overrides).lint(bytes, path: path)
    // A finding must point at a real place in the file: its line and column must be those of its
    // offset, and its range must not run backwards or past the end. Anything else lies to the user.
    guard let text = try? SourceText(decoding: bytes) else { return 0 }
    for finding in result.findings {
      let range = finding.range
      let consistent =
        range.start.offset <= range.end.offset && range.end.offset <= text.bytes.count
        && text.position(ofOffset: range.start.offset) == range.start
        && text.position(ofOffset: range.end.offset) == range.end
      if !consistent {
        fatalError("\(finding.ruleID) at \(range) is not a place in the file: \(finding.message)")
      }
    }
    return 0
  }
#else
  @main
  enum FuzzPipeline {
    static func main() {
      print("FuzzPipeline is a libFuzzer target: run it with scripts/fuzz pipeline")
    }
  }
#endif
