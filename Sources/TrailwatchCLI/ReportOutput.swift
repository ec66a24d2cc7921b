import ArgumentParser
import Reporters

/// One `--output FORMAT=PATH`: a report written to a file while the console shows `--format`.
struct ReportOutput: Equatable {
  var format: OutputFormat
  var path: String

  /// Parses `FORMAT=PATH`; the error says what was wrong and what is accepted.
  static func parse(_ argument: String) throws(ValidationError) -> ReportOutput {
    let formats = OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")
    guard let equals = argument.firstIndex(of: "=") else {
      throw ValidationError("--output expects FORMAT=PATH (FORMAT one of \(formats)), got '\(argument)'")
    }
    let name = String(argument[..<equals])
    let path = String(argument[argument.index(after: equals)...])
    guard let format = OutputFormat(rawValue: name) else {
      throw ValidationError("--output: unknown format '\(name)' in '\(argument)'; the formats are \(formats)")
    }
    guard !path.isEmpty else {
      throw ValidationError("--output: no path after '\(name)=' in '\(argument)'")
    }
    return ReportOutput(format: format, path: path)
  }
}
