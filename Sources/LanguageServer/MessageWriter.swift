#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes `Content-Length`-framed messages to a file descriptor: the only writer of the server's
/// standard output.
struct MessageWriter {
  let descriptor: Int32

  /// Writes one message; false when the client has gone away.
  func write(_ body: [UInt8]) -> Bool {
    writeAll(Array("Content-Length: \(body.count)\r\n\r\n".utf8) + body)
  }

  private func writeAll(_ bytes: [UInt8]) -> Bool {
    bytes.withUnsafeBytes { raw in
      guard var pointer = raw.baseAddress else { return true }
      var remaining = raw.count
      while remaining > 0 {
        #if canImport(Glibc)
          let written = Glibc.write(descriptor, pointer, remaining)
        #else
          let written = Darwin.write(descriptor, pointer, remaining)
        #endif
        if written < 0 && errno == EINTR { continue }
        if written <= 0 { return false }
        pointer += written
        remaining -= written
      }
      return true
    }
  }
}
