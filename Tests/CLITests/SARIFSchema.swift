import Foundation

/// Validates SARIF against the official SARIF 2.1.0 JSON schema with Python's `jsonschema`
/// (draft 4, as the schema declares). Swift has no JSON-schema validator; a home-made one would be
/// tested only against our own reading of the schema, while `jsonschema` implements the whole
/// draft. Where the schema file or the module is missing, the tests that need it are skipped, and
/// the reason is in the test's name and comment.
enum SARIFSchema {
  /// `../shared/schemas/sarif-schema-2.1.0.json` next to the package.
  static let url = CommandRunner.packageRoot.deletingLastPathComponent()
    .appendingPathComponent("shared/schemas/sarif-schema-2.1.0.json")

  static let isAvailable: Bool = {
    guard FileManager.default.fileExists(atPath: url.path) else { return false }
    return (try? python(["-c", "import jsonschema"]).status) == 0
  }()

  /// The schema errors in `document`, one per line; empty when it is valid.
  static func errors(in document: String) throws -> String {
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("trailwatch-sarif-\(UUID().uuidString).json")
    try Data(document.utf8).write(to: scratch)
    defer { try? FileManager.default.removeItem(at: scratch) }
    let script = """
      import json, sys, jsonschema
      schema = json.load(open(sys.argv[1], encoding="utf-8"))
      document = json.load(open(sys.argv[2], encoding="utf-8"))
      validator = jsonschema.Draft4Validator(schema, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER)
      for error in sorted(validator.iter_errors(document), key=lambda e: list(map(str, e.absolute_path))):
          print("/".join(map(str, error.absolute_path)) + ": " + error.message)
      """
    let result = try python(["-c", script, url.path, scratch.path])
    if result.status != 0 && result.output.isEmpty { return "python3 failed with status \(result.status)" }
    return result.output
  }

  private static func python(_ arguments: [String]) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3"] + arguments
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
  }
}
