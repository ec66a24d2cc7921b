import Foundation
import Testing

/// What the file walk meets in real trees: link loops, links out of the tree, unreadable files and
/// directories, named pipes, devices, files too large to read.
struct FileSystemTests {
  /// A fresh directory for one test, removed afterwards by the caller.
  static func scratch() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("trailwatch-fs-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  static let template = """
    Resources:
      Logs:
        Type: AWS::Logs::LogGroup

    """
  static func finding(_ path: String) -> String {
    "\(path):2:3: warning: log group 'Logs' has no RetentionInDays, so it keeps its events forever [TW201]\n"
  }

  static func write(_ text: String, to url: URL) throws {
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: url)
  }

  static func link(_ url: URL, to destination: String) throws {
    try FileManager.default.createSymbolicLink(atPath: url.path, withDestinationPath: destination)
  }

  @Test("links inside a tree are not followed: no loop, nothing outside the tree")
  func linksAreNotFollowed() throws {
    let root = try Self.scratch()
    defer { try? FileManager.default.removeItem(at: root) }
    try Self.write(Self.template, to: root.appendingPathComponent("tree/stack.yaml"))
    try Self.write(Self.template, to: root.appendingPathComponent("outside/other.yaml"))
    try Self.link(root.appendingPathComponent("tree/up"), to: "..")
    try Self.link(root.appendingPathComponent("tree/self"), to: "self")
    try Self.link(root.appendingPathComponent("tree/out"), to: "../outside")
    try Self.link(root.appendingPathComponent("tree/linked.yaml"), to: "../outside/other.yaml")
    let output = try CommandRunner.run(["--format", "gcc", "tree"], in: root)
    #expect(output.stdout == Self.finding("tree/stack.yaml"))
    #expect(output.stderr == "")
    #expect(output.exitCode == 1)
  }

  @Test("--follow-symlinks follows links out of the tree, walks each directory once, skips dangling links")
  func followSymlinks() throws {
    let root = try Self.scratch()
    defer { try? FileManager.default.removeItem(at: root) }
    try Self.write(Self.template, to: root.appendingPathComponent("tree/stack.yaml"))
    try Self.write(Self.template, to: root.appendingPathComponent("outside/other.yaml"))
    try Self.link(root.appendingPathComponent("tree/loop"), to: "..")
    try Self.link(root.appendingPathComponent("tree/out"), to: "../outside")
    try Self.link(root.appendingPathComponent("tree/dangling.yaml"), to: "nowhere.yaml")
    try Self.link(root.appendingPathComponent("tree/self"), to: "self")
    let output = try CommandRunner.run(["--format", "gcc", "--follow-symlinks", "tree"], in: root)
    // `loop` leads to the scratch directory, whose `outside` is walked once, through `loop` (first
    // in name order), and whose `tree` is the tree already being walked.
    #expect(output.stdout == Self.finding("tree/loop/outside/other.yaml") + Self.finding("tree/stack.yaml"))
    #expect(output.stderr == "")
    #expect(output.exitCode == 1)
  }

  @Test("a link loop named on the command line: a message, exit 2, every other file still linted")
  func loopNamedOnTheCommandLine() throws {
    let root = try Self.scratch()
    defer { try? FileManager.default.removeItem(at: root) }
    try Self.write(Self.template, to: root.appendingPathComponent("stack.yaml"))
    try Self.link(root.appendingPathComponent("loop.yaml"), to: "loop.yaml")
    let output = try CommandRunner.run(["--format", "gcc", "loop.yaml", "stack.yaml"], in: root)
    #expect(output.stdout == Self.finding("stack.yaml"))
    #expect(output.stderr == "trailwatch: loop.yaml: too many levels of symbolic links\n")
    #expect(output.exitCode == 2)
  }

  /// Runs trailwatch as a user who cannot read what `chmod 000` locks. Root reads it all the same, so
  /// as root the run drops to `nobody` through setpriv (util-linux), when that user can run the binary.
  static let unprivileged: [String]? = {
    guard getuid() == 0 else { return [] }
    let launcher = ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--"]
    guard FileManager.default.isExecutableFile(atPath: launcher[0]),
      let probe = try? CommandRunner.run(["--version"], in: FileManager.default.temporaryDirectory, launcher: launcher),
      probe.exitCode == 0
    else { return nil }
    return launcher
  }()

  @Test(
    "unreadable files and directories: a message each, exit 2, every other file still linted",
    .enabled(if: unprivileged != nil, "runs as root without setpriv, or nobody cannot run the built binary"))
  func unreadable() throws {
    let launcher = try #require(Self.unprivileged)
    let root = try Self.scratch()
    defer {
      try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: root.appendingPathComponent("tree/locked").path)
      try? FileManager.default.removeItem(at: root)
    }
    try Self.write(Self.template, to: root.appendingPathComponent("tree/a.yaml"))
    try Self.write(Self.template, to: root.appendingPathComponent("tree/secret.yaml"))
    try Self.write(Self.template, to: root.appendingPathComponent("tree/locked/inner.yaml"))
    try Self.write(Self.template, to: root.appendingPathComponent("tree/z.yaml"))
    for path in ["tree/secret.yaml", "tree/locked"] {
      try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: root.appendingPathComponent(path).path)
    }
    let output = try CommandRunner.run(["--format", "gcc", "tree"], in: root, launcher: launcher)
    #expect(output.stdout == Self.finding("tree/a.yaml") + Self.finding("tree/z.yaml"))
    #expect(output.stderr == """
      trailwatch: tree/locked: permission denied
      trailwatch: tree/secret.yaml: permission denied

      """)
    #expect(output.exitCode == 2)
  }

  @Test("a named pipe in a walk is skipped; named on the command line with no writer, it reads as empty at once")
  func namedPipes() throws {
    let root = try Self.scratch()
    defer { try? FileManager.default.removeItem(at: root) }
    try Self.write(Self.template, to: root.appendingPathComponent("tree/stack.yaml"))
    #expect(mkfifo(root.appendingPathComponent("tree/pipe.yaml").path, 0o644) == 0)
    let walk = try CommandRunner.run(["--format", "gcc", "tree"], in: root)
    #expect(walk.stdout == Self.finding("tree/stack.yaml"))
    #expect(walk.exitCode == 1)
    let named = try CommandRunner.run(["tree/pipe.yaml"], in: root)
    #expect(named.stdout == "0 files linted: no findings\n")
    #expect(named.stderr == "")
    #expect(named.exitCode == 0)
  }

  @Test("a pipe with a writer is read to its end: trailwatch <(terraform show -json plan)")
  func processSubstitution() throws {
    let root = try Self.scratch()
    defer { try? FileManager.default.removeItem(at: root) }
    try Self.write(Self.template, to: root.appendingPathComponent("stack.yaml"))
    // bash runs the binary (its $0) with a pipe that `cat` writes to, as /dev/fd/N.
    let output = try CommandRunner.run(
      [], in: root, launcher: ["/bin/bash", "-c", "exec \"$0\" --format gcc <(cat stack.yaml)"])
    #expect(output.stdout.hasPrefix("/dev/fd/"))
    #expect(output.stdout.hasSuffix(":2:3: warning: log group 'Logs' has no RetentionInDays, so it keeps its events forever [TW201]\n"))
    #expect(output.exitCode == 1)
  }

  @Test("a device named on the command line is refused, never read forever")
  func devices() throws {
    let output = try CommandRunner.run(["/dev/zero", "/dev/null"])
    #expect(output.stdout == "0 files linted: no findings\n")
    #expect(output.stderr == """
      trailwatch: /dev/zero: not a regular file or pipe; devices and sockets are not read
      trailwatch: /dev/null: not a regular file or pipe; devices and sockets are not read

      """)
    #expect(output.exitCode == 2)
  }

  @Test("a file over 512 MiB is refused without being read; the others are linted")
  func tooLarge() throws {
    let root = try Self.scratch()
    defer { try? FileManager.default.removeItem(at: root) }
    try Self.write(Self.template, to: root.appendingPathComponent("stack.yaml"))
    // Sparse: takes no disk and no time to write.
    let huge = root.appendingPathComponent("huge.yaml")
    #expect(FileManager.default.createFile(atPath: huge.path, contents: nil))
    let handle = try FileHandle(forWritingTo: huge)
    try handle.truncate(atOffset: UInt64(512 << 20) + 1)
    try handle.close()
    let output = try CommandRunner.run(["--format", "gcc", "huge.yaml", "stack.yaml"], in: root)
    #expect(output.stdout == Self.finding("stack.yaml"))
    #expect(output.stderr == "trailwatch: huge.yaml: larger than 512 MiB, the most trailwatch reads from one file\n")
    #expect(output.exitCode == 2)
  }

  @Test("a 100 MB template is linted, its finding at the end in place")
  func hundredMegabytes() throws {
    let root = try Self.scratch()
    defer { try? FileManager.default.removeItem(at: root) }
    // A million comment lines of 100 bytes, then the template.
    var text = "AWSTemplateFormatVersion: \"2010-09-09\"\n"
    text += String(repeating: "# " + String(repeating: "x", count: 97) + "\n", count: 1_000_000)
    text += Self.template
    try Self.write(text, to: root.appendingPathComponent("big.yaml"))
    let output = try CommandRunner.run(["--format", "gcc", "big.yaml"], in: root)
    #expect(output.stdout == "big.yaml:1000003:3: warning: log group 'Logs' has no RetentionInDays, so it keeps its events forever [TW201]\n")
    #expect(output.exitCode == 1)
  }
}
