#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads whole files, named pipes and standard input as bytes, never more than `maxBytes`.
///
/// Regular files and pipes are read (a pipe until its writer closes it: `trailwatch <(terraform show
/// -json plan)`; a named pipe nobody writes to reads as empty at once, never waits). Devices and
/// sockets are refused, since they may never end (`/dev/zero`).
enum FileReader {
  enum Failure: Error, Equatable {
    /// Could not be read: trailwatch could not do its job (exit 2).
    case unreadable(String)
    /// Not there when it was opened: for a file the walk found, gone before it was read (an editor's
    /// or a build's temporary file), which the linter only notes.
    case vanished(path: String)

    /// The message for a file the user named (a configuration, a baseline).
    var message: String {
      switch self {
      case .unreadable(let message): message
      case .vanished(let path): "\(path): no such file or directory"
      }
    }
  }

  /// 512 MiB: far beyond any template (CloudFormation takes 1 MB) or plan seen, and small enough that
  /// the tree of the largest file fits in memory with room for another.
  static let defaultMaxBytes = 512 << 20

  static func contents(of path: String, maxBytes: Int = defaultMaxBytes) throws(Failure) -> [UInt8] {
    if path == "-" {
      return try read(0, path: "standard input", sizeHint: 0, maxBytes: maxBytes)
    }
    // Non-blocking, so opening a named pipe with no writer returns at once instead of waiting.
    let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
    guard descriptor >= 0 else {
      let code = errno
      if code == ENOENT { throw .vanished(path: path) }
      throw .unreadable("\(path): \(FileWalker.describe(code))")
    }
    defer { close(descriptor) }
    var info = stat()
    guard fstat(descriptor, &info) == 0 else { throw .unreadable("\(path): \(FileWalker.describe(errno))") }
    switch info.st_mode & S_IFMT {
    case S_IFREG:
      guard info.st_size <= maxBytes else { throw tooLarge(path, maxBytes) }
    case S_IFIFO:
      break
    case S_IFDIR:
      throw .unreadable("\(path): is a directory")
    default:
      throw .unreadable("\(path): not a regular file or pipe; devices and sockets are not read")
    }
    // Reads block from here on: a pipe with a writer is read until the writer closes it, and one
    // without a writer reads as empty.
    _ = fcntl(descriptor, F_SETFL, 0)
    return try read(descriptor, path: path, sizeHint: Int(info.st_size), maxBytes: maxBytes)
  }

  private static func read(_ descriptor: Int32, path: String, sizeHint: Int, maxBytes: Int) throws(Failure) -> [UInt8] {
    var bytes: [UInt8] = []
    let expected = min(max(sizeHint, 0), maxBytes)
    if expected > 0 {
      // A regular file goes straight into its array, not through a buffer: every byte of a run is
      // read here.
      var failure: Int32?
      bytes = [UInt8](unsafeUninitializedCapacity: expected) { buffer, initialized in
        guard let base = buffer.baseAddress else { return }
        while initialized < expected {
          let count = systemRead(descriptor, base + initialized, expected - initialized)
          if count < 0 {
            if errno == EINTR { continue }
            failure = errno
            return
          }
          if count == 0 { break }
          initialized += count
        }
      }
      if let failure { throw .unreadable("\(path): \(FileWalker.describe(failure))") }
      // The file shrank while it was read: what was there is all there is.
      if bytes.count < expected { return bytes }
    }
    // Pipes and standard input, and a file that grew since `fstat` (for a file read whole above, this
    // only finds its end, so a small buffer does).
    let chunk = expected > 0 ? 1 << 12 : 1 << 16
    var buffer = [UInt8](repeating: 0, count: chunk)
    while true {
      let count = buffer.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress, chunk) }
      if count < 0 {
        if errno == EINTR { continue }
        throw .unreadable("\(path): \(FileWalker.describe(errno))")
      }
      if count == 0 { break }
      guard bytes.count + count <= maxBytes else { throw tooLarge(path, maxBytes) }
      bytes.append(contentsOf: buffer[0..<count])
    }
    return bytes
  }

  private static func tooLarge(_ path: String, _ maxBytes: Int) -> Failure {
    .unreadable("\(path): larger than \(describe(bytes: maxBytes)), the most trailwatch reads from one file")
  }

  static func describe(bytes: Int) -> String {
    bytes % (1 << 20) == 0 ? "\(bytes >> 20) MiB" : "\(bytes) bytes"
  }

  private static func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    #if canImport(Glibc)
      Glibc.read(descriptor, buffer, count)
    #else
      Darwin.read(descriptor, buffer, count)
    #endif
  }
}

/// POSIX `read`, named apart from the method names it would clash with inside types.
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
  #if canImport(Glibc)
    Glibc.read(descriptor, buffer, count)
  #else
    Darwin.read(descriptor, buffer, count)
  #endif
}
