import Foundation

/// Runs the built `trailwatch` binary from the package root and captures what a user would see.
struct CommandRunner {
  struct Output {
    var stdout: String
    var stderr: String
    var exitCode: Int32
  }

  /// The package root: every path in these tests is relative to it, as a user would type it.
  static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  /// The binary the test bundle was built next to.
  static var binary: URL {
    let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    let candidates = [bundle, bundle.deletingLastPathComponent(), bundle.deletingLastPathComponent().deletingLastPathComponent()]
    return candidates.map { $0.appendingPathComponent("trailwatch") }
      .first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0].appendingPathComponent("trailwatch")
  }

  /// Runs trailwatch with `arguments`; with a `launcher` (such as `setpriv … --`), runs the launcher
  /// with the binary and the arguments after its own.
  static func run(
    _ arguments: [String], stdin: String? = nil, in directory: URL = packageRoot, launcher: [String] = []
  ) throws -> Output {
    let process = Process()
    if let program = launcher.first {
      process.executableURL = URL(fileURLWithPath: program)
      process.arguments = Array(launcher.dropFirst()) + [binary.path] + arguments
    } else {
      process.executableURL = binary
      process.arguments = arguments
    }
    process.currentDirectoryURL = directory
    // Files rather than pipes: a large report cannot fill a pipe buffer and block the child.
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("trailwatch-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: scratch) }
    let outURL = scratch.appendingPathComponent("stdout")
    let errURL = scratch.appendingPathComponent("stderr")
    _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
    _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
    let out = try FileHandle(forWritingTo: outURL)
    let err = try FileHandle(forWritingTo: errURL)
    let input = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = input
    try process.run()
    if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
    try input.fileHandleForWriting.close()
    process.waitUntilExit()
    try out.close()
    try err.close()
    let stdoutData = try Data(contentsOf: outURL)
    let stderrData = try Data(contentsOf: errURL)
    return Output(
      stdout: String(decoding: stdoutData, as: UTF8.self), stderr: String(decoding: stderrData, as: UTF8.self),
      exitCode: process.terminationStatus)
  }

  /// The text of a golden file in `Tests/CLITests/Golden`.
  static func golden(_ name: String) throws -> String {
    try String(contentsOf: packageRoot.appendingPathComponent("Tests/CLITests/Golden/\(name)"), encoding: .utf8)
  }
}
