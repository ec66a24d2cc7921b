import Foundation
import Testing

@testable import TrailwatchKit

/// Files that change under trailwatch's feet, and streams that do not end.
struct FileReaderTests {
  static func scratch() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("trailwatch-reader-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  @Test("a file that vanished after the walk found it is a note, and the run's exit code ignores it")
  func vanishedFile() throws {
    let root = try Self.scratch()
    defer { try? FileManager.default.removeItem(at: root) }
    let path = root.appendingPathComponent("gone.yaml").path
    #expect(throws: FileReader.Failure.vanished(path: path)) {
      try FileReader.contents(of: path)
    }
    let run = LintRun(report: .init(findings: [], filesLinted: 0), problems: [], notes: ["\(path): vanished"])
    #expect(run.exitCode(failOn: .warning) == 0)
  }

  @Test("a pipe that keeps writing stops at the size bound, never fills memory")
  func endlessPipe() throws {
    let root = try Self.scratch()
    defer { try? FileManager.default.removeItem(at: root) }
    let path = root.appendingPathComponent("endless.yaml").path
    #expect(mkfifo(path, 0o644) == 0)
    // Held open for reading and writing, so the pipe has a writer and opening it never blocks.
    let writer = open(path, O_RDWR)
    #expect(writer >= 0)
    defer { close(writer) }
    let bytes = [UInt8](repeating: UInt8(ascii: "a"), count: 4096)
    #expect(write(writer, bytes, bytes.count) == bytes.count)
    #expect(throws: FileReader.Failure.unreadable("\(path): larger than 1000 bytes, the most trailwatch reads from one file")) {
      try FileReader.contents(of: path, maxBytes: 1000)
    }
  }

  @Test("a regular file over the bound is refused by its size, before a byte is read")
  func largeFile() throws {
    let root = try Self.scratch()
    defer { try? FileManager.default.removeItem(at: root) }
    let path = root.appendingPathComponent("large.yaml").path
    #expect(FileManager.default.createFile(atPath: path, contents: Data(repeating: 0x61, count: 2 << 20)))
    #expect(throws: FileReader.Failure.unreadable("\(path): larger than 1 MiB, the most trailwatch reads from one file")) {
      try FileReader.contents(of: path, maxBytes: 1 << 20)
    }
    #expect(try FileReader.contents(of: path, maxBytes: 2 << 20).count == 2 << 20)
  }
}
