import TrailwatchKit

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes report files named by `--output`: exactly the file named, created or truncated, nothing
/// else on disk touched.
enum ReportFile {
  struct Failure: Error {
    var message: String
  }

  /// Why a report could not be written to `path`, checked before linting so that a typo costs no
  /// run; nil when it can be.
  static func problem(writing path: String) -> String? {
    var info = stat()
    if stat(path, &info) == 0 {
      if info.st_mode & S_IFMT == S_IFDIR { return "\(path) is a directory" }
      if access(path, W_OK) != 0 { return "\(path) is not writable: \(describe(errno))" }
      return nil
    }
    if errno != ENOENT { return "\(path): \(describe(errno))" }
    let directory = parent(of: path)
    guard stat(directory, &info) == 0 else {
      return "cannot create \(path): directory \(directory) does not exist"
    }
    guard info.st_mode & S_IFMT == S_IFDIR else { return "cannot create \(path): \(directory) is not a directory" }
    if access(directory, W_OK | X_OK) != 0 { return "cannot create \(path): \(directory) is not writable" }
    return nil
  }

  /// Whether two paths name the same existing file (same device and inode).
  static func isSameFile(_ lhs: String, _ rhs: String) -> Bool {
    var left = stat()
    var right = stat()
    guard stat(lhs, &left) == 0, stat(rhs, &right) == 0 else { return false }
    return left.st_dev == right.st_dev && left.st_ino == right.st_ino
  }

  static func write(_ text: String, to path: String) throws(Failure) {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { throw Failure(message: "cannot write \(path): \(describe(errno))") }
    let failure = FileDescriptorWriter.writeAll(text, to: descriptor)
    let closed = close(descriptor)
    if let failure { throw Failure(message: "cannot write \(path): \(describe(failure))") }
    if closed != 0 { throw Failure(message: "cannot write \(path): \(describe(errno))") }
  }

  private static func parent(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    let directory = String(path[..<slash])
    return directory.isEmpty ? "/" : directory
  }

  private static func describe(_ code: Int32) -> String {
    switch code {
    case ENOENT: "no such file or directory"
    case EACCES: "permission denied"
    case ENOTDIR: "not a directory"
    case EISDIR: "is a directory"
    case ENOSPC: "no space left on device"
    case EROFS: "read-only file system"
    default: String(cString: strerror(code))
    }
  }
}
