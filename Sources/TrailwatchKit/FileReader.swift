#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads whole files and standard input as bytes.
enum FileReader {
  enum Failure: Error {
    case unreadable(String)
  }

  static func contents(of path: String) throws(Failure) -> [UInt8] {
    let descriptor = path == "-" ? 0 : open(path, O_RDONLY | O_NONBLOCK)
    guard descriptor >= 0 else { throw .unreadable("\(path): \(FileWalker.describe(errno))") }
    defer { if path != "-" { close(descriptor) } }
    var info = stat()
    if path != "-", fstat(descriptor, &info) == 0, info.st_mode & S_IFMT != S_IFREG {
      // A FIFO or device named on the command line would block or never end.
      throw .unreadable("\(path): not a regular file")
    }
    if path != "-" {
      // Opened non-blocking only so a FIFO cannot hang the open; read regular files normally.
      _ = fcntl(descriptor, F_SETFL, 0)
    }
    var bytes: [UInt8] = []
    if info.st_size > 0 { bytes.reserveCapacity(Int(info.st_size)) }
    let chunk = 1 << 16
    var buffer = [UInt8](repeating: 0, count: chunk)
    while true {
      let count = buffer.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress, chunk) }
      if count < 0 {
        if errno == EINTR { continue }
        throw .unreadable("\(path): \(FileWalker.describe(errno))")
      }
      if count == 0 { break }
      bytes.append(contentsOf: buffer[0..<count])
    }
    return bytes
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
