// A libFuzzer target for the JSON reader. Built only by `scripts/fuzz`, which passes `-DFUZZING` and
// `-sanitize=fuzzer,address`; an ordinary build compiles the placeholder below.
import SourceMap

#if FUZZING
  import CFuzzerDriver
  #if canImport(Glibc)
    import Glibc
  #endif

  @main
  enum FuzzJSONReader {
    static func main() {
      var argc = CommandLine.argc
      var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
      exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzJSONReader))
    }
  }

  /// Reads arbitrary bytes as JSON: any outcome but a crash, a hang or a leak is a pass.
  @_cdecl("LLVMFuzzerTestOneInput")
  public func fuzzJSONReader(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let text = try? SourceText(decoding: bytes) else { return 0 }
    _ = try? JSONReader.read(text)
    return 0
  }
#else
  @main
  enum FuzzJSONReader {
    static func main() {
      print("FuzzJSONReader is a libFuzzer target: run it with scripts/fuzz json")
    }
  }
#endif
