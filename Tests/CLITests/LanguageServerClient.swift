import Foundation

/// Speaks the Language Server Protocol to a `trailwatch lsp` process over pipes, as an editor does.
///
/// Messages are compared as canonical JSON text (keys sorted), so a test can write the exact
/// message it expects in any key order.
struct LanguageServerClient {
  enum Failure: Error, CustomStringConvertible {
    case endOfOutput(stderr: String)
    case badFrame(String)

    var description: String {
      switch self {
      case .endOfOutput(let stderr): "the server closed its output; stderr: \(stderr)"
      case .badFrame(let text): "the server wrote something that is not a framed message: \(text)"
      }
    }
  }

  struct Exit {
    var code: Int32
    /// Messages the server wrote that were not received, in canonical form.
    var unread: [String]
    var stderr: String
  }

  private let process: Process
  private let input: FileHandle
  private let output: FileHandle
  private let stderrURL: URL
  private var buffer: [UInt8] = []

  init(arguments: [String] = ["lsp"], directory: URL = CommandRunner.packageRoot) throws {
    process = Process()
    process.executableURL = CommandRunner.binary
    process.arguments = arguments
    process.currentDirectoryURL = directory
    stderrURL = FileManager.default.temporaryDirectory.appendingPathComponent("trailwatch-lsp-\(UUID().uuidString)")
    _ = FileManager.default.createFile(atPath: stderrURL.path, contents: nil)
    let stdinPipe = Pipe()
    let stdoutPipe = Pipe()
    process.standardInput = stdinPipe
    process.standardOutput = stdoutPipe
    process.standardError = try FileHandle(forWritingTo: stderrURL)
    try process.run()
    input = stdinPipe.fileHandleForWriting
    output = stdoutPipe.fileHandleForReading
  }

  /// Sends a message body as it is, framed with its byte count.
  func send(_ json: String) throws {
    let body = Data(json.utf8)
    try sendRaw(Data("Content-Length: \(body.count)\r\n\r\n".utf8) + body)
  }

  /// Sends bytes exactly as given: for malformed framing.
  func sendRaw(_ bytes: Data) throws {
    try input.write(contentsOf: bytes)
  }

  /// Sends a request and returns the next message the server writes.
  mutating func request(_ json: String) throws -> String {
    try send(json)
    return try receive()
  }

  /// The next message the server writes, in canonical form; throws when the output ends first.
  mutating func receive() throws -> String {
    guard let message = try nextMessage() else { throw Failure.endOfOutput(stderr: stderr) }
    return message
  }

  /// Closes the server's input (after whatever was sent), reads what is left and waits for it to exit.
  mutating func finish() throws -> Exit {
    try input.close()
    var unread: [String] = []
    while let message = try nextMessage() { unread.append(message) }
    process.waitUntilExit()
    return Exit(code: process.terminationStatus, unread: unread, stderr: stderr)
  }

  var stderr: String {
    (try? String(contentsOf: stderrURL, encoding: .utf8)) ?? ""
  }

  /// Canonical JSON text: keys sorted, no spaces, slashes not escaped.
  static func canonical(_ json: String) -> String {
    guard let object = try? JSONSerialization.jsonObject(with: Data(json.utf8), options: [.fragmentsAllowed]),
      let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes, .fragmentsAllowed])
    else { return "not JSON: \(json)" }
    return String(decoding: data, as: UTF8.self)
  }

  private mutating func nextMessage() throws -> String? {
    let separator = Array("\r\n\r\n".utf8)
    var headerEnd: Int?
    while true {
      if buffer.count >= 4 {
        headerEnd = (0...(buffer.count - 4)).first { Array(buffer[$0..<$0 + 4]) == separator }
      }
      if headerEnd != nil { break }
      guard try fill() else {
        if buffer.isEmpty { return nil }
        throw Failure.badFrame(String(decoding: buffer, as: UTF8.self))
      }
    }
    guard let end = headerEnd else { return nil }
    let header = String(decoding: buffer[0..<end], as: UTF8.self)
    guard header.hasPrefix("Content-Length: "), let length = Int(header.dropFirst("Content-Length: ".count)) else {
      throw Failure.badFrame(header)
    }
    while buffer.count < end + 4 + length {
      guard try fill() else { throw Failure.badFrame(String(decoding: buffer, as: UTF8.self)) }
    }
    let body = String(decoding: buffer[(end + 4)..<(end + 4 + length)], as: UTF8.self)
    buffer.removeFirst(end + 4 + length)
    return Self.canonical(body)
  }

  /// Reads what the server has written so far (at least one byte), or nothing at the end.
  private mutating func fill() throws -> Bool {
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let count = chunk.withUnsafeMutableBytes { read(output.fileDescriptor, $0.baseAddress, $0.count) }
      if count < 0 && errno == EINTR { continue }
      guard count > 0 else { return false }
      buffer.append(contentsOf: chunk[0..<count])
      return true
    }
  }
}
