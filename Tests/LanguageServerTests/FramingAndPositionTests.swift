import Testing

@testable import LanguageServer

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The pieces under the protocol: framing, positions in both encodings, URIs, incremental edits.
struct FramingAndPositionTests {
  /// Every event a reader produces from `input`, written to a pipe and then closed.
  static func events(_ input: [UInt8]) -> [MessageReader.Event] {
    var descriptors: [Int32] = [0, 0]
    guard pipe(&descriptors) == 0 else { return [] }
    let written = input.withUnsafeBytes { write(descriptors[1], $0.baseAddress, $0.count) }
    close(descriptors[1])
    defer { close(descriptors[0]) }
    guard written == input.count else { return [] }
    var reader = MessageReader(descriptor: descriptors[0])
    var events: [MessageReader.Event] = []
    while true {
      let event = reader.next()
      events.append(event)
      if event == .end { return events }
    }
  }

  static func message(_ text: String) -> MessageReader.Event {
    .message(Array(text.utf8))
  }

  @Test("framing: several messages in one read, header names in any case, a bare \\n, Content-Type accepted")
  func framing() {
    let input = "Content-Length: 2\r\n\r\n{}content-length: 3\r\nContent-Type: application/vscode-jsonrpc; charset=utf8\r\n\r\n[1]"
      + "CONTENT-LENGTH:4\n\n\"é\"Content-Length: 0\r\n\r\n"
    #expect(Self.events(Array(input.utf8)) == [
      Self.message("{}"), Self.message("[1]"), Self.message("\"é\""), Self.message(""), .end,
    ])
  }

  @Test("malformed headers are reported and the reader resumes at the next Content-Length")
  func malformed() {
    let input = "Content-Length: 2\r\nContent-Length: 3\r\n\r\n{}xContent-Length: 2\r\n\r\n{}"
    #expect(Self.events(Array(input.utf8)) == [
      .malformedHeader("two different Content-Length headers"), Self.message("{}"), .end,
    ])
    #expect(Self.events(Array("Content-Length: -1\r\n\r\n".utf8)) == [
      .malformedHeader("Content-Length is not a number: '-1'"), .end,
    ])
  }

  @Test("an absurd length is refused without reading it into memory; input ending mid-message ends")
  func limits() {
    #expect(Self.events(Array("Content-Length: 99999999999999999999999\r\n\r\n{}".utf8)) == [.tooLarge(Int.max), .end])
    #expect(Self.events(Array("Content-Length: 67108865\r\n\r\n{}".utf8)) == [.tooLarge(67_108_865), .end])
    #expect(Self.events(Array("Content-Length: 10\r\n\r\n{}".utf8)) == [.end])
    #expect(Self.events(Array("Content-Len".utf8)) == [.end])
  }

  static let text = Array("a😀b\r\nçd\re\n\nf".utf8)

  @Test(
    "byte offsets to positions and back, in UTF-16 and UTF-8",
    arguments: [
      // offset, UTF-16 position, UTF-8 position
      (0, Position(line: 0, character: 0), Position(line: 0, character: 0)),
      (1, Position(line: 0, character: 1), Position(line: 0, character: 1)),
      (5, Position(line: 0, character: 3), Position(line: 0, character: 5)),
      (6, Position(line: 0, character: 4), Position(line: 0, character: 6)),
      (8, Position(line: 1, character: 0), Position(line: 1, character: 0)),
      (10, Position(line: 1, character: 1), Position(line: 1, character: 2)),
      (12, Position(line: 2, character: 0), Position(line: 2, character: 0)),
      (15, Position(line: 4, character: 0), Position(line: 4, character: 0)),
      (16, Position(line: 4, character: 1), Position(line: 4, character: 1)),
    ])
  func positions(offset: Int, utf16: Position, utf8: Position) {
    let index = LineIndex(Self.text)
    #expect(index.position(of: offset, in: .utf16) == utf16)
    #expect(index.position(of: offset, in: .utf8) == utf8)
    #expect(index.offset(of: utf16, in: .utf16) == offset)
    #expect(index.offset(of: utf8, in: .utf8) == offset)
  }

  @Test("positions past a line's end clamp to it; inside a character they mean its start")
  func clamping() {
    let index = LineIndex(Self.text)
    #expect(index.offset(of: Position(line: 0, character: 99), in: .utf16) == 6)
    #expect(index.offset(of: Position(line: 1, character: 99), in: .utf8) == 11)
    #expect(index.offset(of: Position(line: 9, character: 0), in: .utf16) == 16)
    #expect(index.offset(of: Position(line: 0, character: 2), in: .utf16) == 1)
    #expect(index.offset(of: Position(line: 0, character: 3), in: .utf8) == 1)
  }

  @Test("incremental edits replace exactly their range")
  func incrementalEdits() {
    var document = Document(uri: "file:///t.yaml", version: 1, text: "a😀b\nc\n")
    document.apply(TextDocumentContentChangeEvent(range: LSPRange(start: Position(line: 0, character: 1), end: Position(line: 1, character: 0)), text: "-"), encoding: .utf16)
    #expect(String(decoding: document.bytes, as: UTF8.self) == "a-c\n")
    document.apply(TextDocumentContentChangeEvent(range: LSPRange(start: Position(line: 1, character: 0), end: Position(line: 1, character: 0)), text: "d😀"), encoding: .utf8)
    #expect(String(decoding: document.bytes, as: UTF8.self) == "a-c\nd😀")
    document.apply(TextDocumentContentChangeEvent(range: LSPRange(start: Position(line: 1, character: 1), end: Position(line: 1, character: 5)), text: "e"), encoding: .utf8)
    #expect(String(decoding: document.bytes, as: UTF8.self) == "a-c\nde")
    document.apply(TextDocumentContentChangeEvent(range: nil, text: "whole"), encoding: .utf16)
    #expect(String(decoding: document.bytes, as: UTF8.self) == "whole")
  }

  @Test(
    "file URIs become paths",
    arguments: [
      ("file:///home/me/stacks/audit%20trail.yaml", "/home/me/stacks/audit trail.yaml"),
      ("file:///c%3A/Users/me/stack.json", "c:/Users/me/stack.json"),
      ("file:///C:/Users/me/stack.json", "C:/Users/me/stack.json"),
      ("file://server/share/t.yaml", "/share/t.yaml"),
      ("file:///%C3%BCber/t.yaml", "/über/t.yaml"),
      ("untitled:Untitled-1", "untitled:Untitled-1"),
    ])
  func paths(uri: String, path: String) {
    #expect(DocumentURI.path(of: uri) == path)
  }

  @Test("paths become file URIs that read back as the same path")
  func uris() {
    #expect(DocumentURI.uri(ofPath: "/w/a b/ü.yaml") == "file:///w/a%20b/%C3%BC.yaml")
    #expect(DocumentURI.path(of: DocumentURI.uri(ofPath: "/w/a b/ü#1.yaml")) == "/w/a b/ü#1.yaml")
  }
}
