#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads `Content-Length`-framed messages from a file descriptor through a buffer of its own.
///
/// Whatever a client sends, the reader keeps going: a malformed header is reported and the reader
/// skips ahead to the next `Content-Length`; a body larger than `maximumBodySize` is reported and
/// skipped as it arrives, never held in memory.
struct MessageReader {
  enum Event: Equatable {
    case message([UInt8])
    /// The header could not be read; the text says why.
    case malformedHeader(String)
    /// A body of this many bytes was refused.
    case tooLarge(Int)
    /// The input ended.
    case end
  }

  static let maximumBodySize = 64 << 20
  static let maximumHeaderSize = 16 << 10

  private let descriptor: Int32
  private var buffer: [UInt8] = []
  /// The first byte of `buffer` not yet consumed.
  private var position = 0
  /// Bytes of a refused body still to be thrown away.
  private var bytesToSkip = 0
  /// Set after a malformed header: the body's length is unknown, so skip to the next header.
  private var isResynchronizing = false
  private var chunk = [UInt8](repeating: 0, count: 1 << 16)

  init(descriptor: Int32) {
    self.descriptor = descriptor
  }

  mutating func next() -> Event {
    guard skipRefusedBody(), resynchronize() else { return .end }
    var headerRange: (content: Range<Int>, next: Int)?
    while true {
      headerRange = findHeaderEnd()
      if headerRange != nil { break }
      if buffer.count - position > Self.maximumHeaderSize {
        position = buffer.count
        isResynchronizing = true
        return .malformedHeader("a header longer than \(Self.maximumHeaderSize) bytes")
      }
      guard fill() else { return .end }
    }
    guard let (content, next) = headerRange else { return .end }
    let header = Array(buffer[content])
    position = next
    if header.count > Self.maximumHeaderSize {
      isResynchronizing = true
      return .malformedHeader("a header longer than \(Self.maximumHeaderSize) bytes")
    }
    let length: Int
    switch Self.contentLength(in: header) {
    case .failure(.malformed(let reason)):
      isResynchronizing = true
      return .malformedHeader(reason)
    case .success(let value):
      length = value
    }
    if length > Self.maximumBodySize {
      bytesToSkip = length
      return .tooLarge(length)
    }
    while buffer.count - position < length {
      guard fill(reserving: length) else { return .end }
    }
    let body = Array(buffer[position..<position + length])
    position += length
    return .message(body)
  }

  /// The header block ends at the first empty line (`\r\n\r\n`; a bare `\n\n` is accepted too).
  private func findHeaderEnd() -> (content: Range<Int>, next: Int)? {
    var index = position
    while index < buffer.count {
      if buffer[index] == UInt8(ascii: "\n") {
        if index + 1 < buffer.count, buffer[index + 1] == UInt8(ascii: "\n") {
          return (position..<index, index + 2)
        }
        if index + 2 < buffer.count, buffer[index + 1] == UInt8(ascii: "\r"), buffer[index + 2] == UInt8(ascii: "\n") {
          return (position..<index, index + 3)
        }
      }
      index += 1
    }
    return nil
  }

  private enum HeaderError: Error {
    case malformed(String)
  }

  /// The `Content-Length` of a header block; other fields (`Content-Type`) are accepted and ignored.
  private static func contentLength(in header: [UInt8]) -> Result<Int, HeaderError> {
    var length: Int?
    for rawLine in header.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
      var line = rawLine
      if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
      if line.isEmpty { continue }
      guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else {
        return .failure(.malformed("a header line without a colon: \(quoted(line))"))
      }
      let name = String(decoding: line[..<colon], as: UTF8.self).trimmingSpaces().lowercased()
      guard name == "content-length" else { continue }
      let value = String(decoding: line[(colon + 1)...], as: UTF8.self).trimmingSpaces()
      guard !value.isEmpty, value.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else {
        return .failure(.malformed("Content-Length is not a number: \(quoted(ArraySlice(value.utf8)))"))
      }
      // Past 18 digits it cannot be a real length; refusing it as too large needs no Int that big.
      let parsed = value.count > 18 ? Int.max : Int(value) ?? Int.max
      if let length, length != parsed {
        return .failure(.malformed("two different Content-Length headers"))
      }
      length = parsed
    }
    guard let length else { return .failure(.malformed("no Content-Length header")) }
    return .success(length)
  }

  private static func quoted(_ bytes: ArraySlice<UInt8>) -> String {
    let text = String(decoding: bytes.prefix(80), as: UTF8.self)
    return "'\(text)\(bytes.count > 80 ? "…" : "")'"
  }

  /// Throws away the rest of a refused body; false when the input ends first.
  private mutating func skipRefusedBody() -> Bool {
    while bytesToSkip > 0 {
      if position == buffer.count, !fill() { return false }
      let skipped = min(bytesToSkip, buffer.count - position)
      position += skipped
      bytesToSkip -= skipped
    }
    return true
  }

  /// After a malformed header, moves to the next `Content-Length` (in any case); false when the
  /// input ends first.
  private mutating func resynchronize() -> Bool {
    guard isResynchronizing else { return true }
    let needle = Array("content-length".utf8)
    while true {
      var index = position
      while index + needle.count <= buffer.count {
        if zip(buffer[index..<index + needle.count], needle).allSatisfy({ Self.lowercased($0) == $1 }) {
          position = index
          isResynchronizing = false
          return true
        }
        index += 1
      }
      // Keep a tail that may be the start of the name.
      position = max(position, buffer.count - (needle.count - 1))
      guard fill() else { return false }
    }
  }

  private static func lowercased(_ byte: UInt8) -> UInt8 {
    byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
  }

  /// Reads more input into the buffer; false at the end of the input (or on a read error).
  private mutating func fill(reserving wanted: Int = 0) -> Bool {
    if position > 0, position >= buffer.count / 2 {
      buffer.removeSubrange(0..<position)
      position = 0
    }
    if wanted > 0, buffer.capacity < position + wanted { buffer.reserveCapacity(position + wanted) }
    while true {
      let count = chunk.withUnsafeMutableBytes { raw in read(descriptor, raw.baseAddress, raw.count) }
      if count < 0 && errno == EINTR { continue }
      guard count > 0 else { return false }
      buffer.append(contentsOf: chunk[0..<count])
      return true
    }
  }
}

extension String {
  fileprivate func trimmingSpaces() -> String {
    var scalars = Substring(self)
    while scalars.first == " " || scalars.first == "\t" { scalars = scalars.dropFirst() }
    while scalars.last == " " || scalars.last == "\t" { scalars = scalars.dropLast() }
    return String(scalars)
  }
}
