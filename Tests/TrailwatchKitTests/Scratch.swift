import Foundation

/// A temporary directory of files for one test, removed when the test is done with it.
struct Scratch {
  let directory: String

  init() throws {
    directory = FileManager.default.temporaryDirectory.appendingPathComponent("trailwatch-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
  }

  /// Writes `text` at `relative` (directories created) and returns the absolute path.
  @discardableResult
  func write(_ relative: String, _ text: String) throws -> String {
    let path = directory + "/" + relative
    try FileManager.default.createDirectory(
      atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    return path
  }

  func read(_ relative: String) throws -> String {
    try String(contentsOfFile: directory + "/" + relative, encoding: .utf8)
  }

  func path(_ relative: String) -> String {
    directory + "/" + relative
  }

  func remove(_ relative: String) throws {
    try FileManager.default.removeItem(atPath: path(relative))
  }

  func remove() {
    try? FileManager.default.removeItem(atPath: directory)
  }
}
