#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes whole reports to stdout and messages to stderr.
enum StandardOutput {
  static func write(_ text: String) {
    var text = text
    text.withUTF8 { buffer in
      _ = fwrite(buffer.baseAddress, 1, buffer.count, stdout)
    }
    fflush(stdout)
  }

  static func error(_ line: String) {
    fputs("trailwatch: \(line)\n", stderr)
  }

  static var isTerminal: Bool {
    isatty(1) == 1
  }
}
