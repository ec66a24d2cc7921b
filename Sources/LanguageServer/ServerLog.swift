#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The server's messages for a human: on standard error, never on standard output (which carries
/// the protocol). Editors show it in their language-server log.
struct ServerLog {
  let descriptor: Int32

  func write(_ message: String) {
    var line = "trailwatch lsp: \(message)\n"
    line.withUTF8 { buffer in
      guard var pointer = buffer.baseAddress else { return }
      var remaining = buffer.count
      while remaining > 0 {
        #if canImport(Glibc)
          let written = Glibc.write(descriptor, pointer, remaining)
        #else
          let written = Darwin.write(descriptor, pointer, remaining)
        #endif
        if written < 0 && errno == EINTR { continue }
        if written <= 0 { return }
        pointer += written
        remaining -= written
      }
    }
  }
}
