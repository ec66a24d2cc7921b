#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes text to a file descriptor whole: every file trailwatch writes (reports, baselines, the
/// configuration from `init`) and its standard output go through this one loop.
public enum FileDescriptorWriter {
  /// Writes all of `text` to `descriptor`, retrying short and interrupted writes. Returns the `errno`
  /// of the write that failed, or nil when everything was written.
  public static func writeAll(_ text: String, to descriptor: Int32) -> Int32? {
    var text = text
    return text.withUTF8 { buffer -> Int32? in
      guard var pointer = buffer.baseAddress else { return nil }
      var remaining = buffer.count
      while remaining > 0 {
        #if canImport(Glibc)
          let written = Glibc.write(descriptor, pointer, remaining)
        #else
          let written = Darwin.write(descriptor, pointer, remaining)
        #endif
        if written < 0 && errno == EINTR { continue }
        // A write of nothing sets no errno; it means the device takes no more.
        if written == 0 { return EIO }
        if written < 0 { return errno }
        pointer += written
        remaining -= written
      }
      return nil
    }
  }
}
