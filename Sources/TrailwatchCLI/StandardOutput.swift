import TrailwatchKit

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes whole reports to stdout and messages to stderr, straight to the file descriptors (C's
/// `stdout` and `stderr` are shared mutable state that Swift 6 will not touch).
enum StandardOutput {
  static func write(_ text: String) {
    write(text, to: 1)
  }

  /// A message on stderr, prefixed with the tool's name.
  static func error(_ line: String) {
    write("trailwatch: \(line)\n", to: 2)
  }

  /// Text on stderr as it is.
  static func writeError(_ text: String) {
    write(text, to: 2)
  }

  static var isTerminal: Bool {
    isatty(1) == 1
  }

  static var isErrorTerminal: Bool {
    isatty(2) == 1
  }

  private static func write(_ text: String, to descriptor: Int32) {
    // Nowhere left to report a failure: a closed pipe or a full disk ends the output there.
    _ = FileDescriptorWriter.writeAll(text, to: descriptor)
  }
}
