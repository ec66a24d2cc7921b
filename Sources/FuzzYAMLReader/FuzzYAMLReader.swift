// A libFuzzer target for the YAML reader. Built only by `scripts/fuzz`, which passes `-DFUZZING` and
// `-sanitize=fuzzer,address`; an ordinary build compiles the placeholder below, so `swift build` and
// `swift test` need no fuzzing runtime.
import SourceMap

#if FUZZING
  import CFuzzerDriver
  #if canImport(Glibc)
    import Glibc
  #endif

  @main
  enum FuzzYAMLReader {
    static func main() {
      var argc = CommandLine.argc
      var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
      exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzYAMLReader))
    }
  }

  /// Reads arbitrary bytes as YAML: any outcome but a crash, a hang or a leak is a pass.
  @_cdecl("LLVMFuzzerTestOneInput")
  public func fuzzYAMLReader(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let text = try? SourceText(decoding: bytes) else { return 0 }
    _ = try? YAMLReader.read(text)
    return 0
  }
#else
  @main
  enum FuzzYAMLReader {
    static func main() {
      print("FuzzYAMLReader is a libFuzzer target: run it with scripts/fuzz yaml")
    }
  }
#endif
