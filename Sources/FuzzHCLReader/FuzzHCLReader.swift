// A libFuzzer target for the HCL reader (Terraform `.tf` files). Built only by `scripts/fuzz`, which
// passes `-DFUZZING` and `-sanitize=fuzzer,address`; an ordinary build compiles the placeholder below.
import SourceMap

#if FUZZING
  import CFuzzerDriver
  #if canImport(Glibc)
    import Glibc
  #endif

  @main
  enum FuzzHCLReader {
    static func main() {
      var argc = CommandLine.argc
      var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
      exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzHCLReader))
    }
  }

  /// Reads arbitrary bytes as an HCL file, a standalone template and a standalone expression: any
  /// outcome but a crash, a hang or a leak is a pass.
  @_cdecl("LLVMFuzzerTestOneInput")
  public func fuzzHCLReader(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let text = try? SourceText(decoding: bytes) else { return 0 }
    _ = try? HCLReader.read(text)
    _ = try? HCLReader.readTemplate(text)
    _ = try? HCLReader.readExpression(text)
    return 0
  }
#else
  @main
  enum FuzzHCLReader {
    static func main() {
      print("FuzzHCLReader is a libFuzzer target: run it with scripts/fuzz hcl")
    }
  }
#endif
