/// Where the adapter reads a module's files from: the disk in the engine, memory in tests and for
/// standard input. Paths are joined with `/` and passed as they are.
public protocol TerraformFileSystem: Sendable {
  /// The names of the regular files directly in `directory`; nil when it cannot be listed.
  func fileNames(in directory: String) -> [String]?
  /// A file's bytes; nil when it cannot be read.
  func contents(of path: String) -> [UInt8]?
}
