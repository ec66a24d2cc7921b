/// The output formats trailwatch writes.
public enum OutputFormat: String, Sendable, CaseIterable {
  /// `path:line:col: severity: message [TW101]`, with an excerpt on a terminal and a summary.
  case text
  /// Exactly one compiler-style line per finding, for editors' problem matchers.
  case gcc
  /// The JSON contract (`version: 1`).
  case json

  /// The reporter for this format; `excerpts` adds the source line and a caret (text only).
  public func reporter(excerpts: Bool) -> any Reporter {
    switch self {
    case .text: TextReporter(excerpts: excerpts, summary: true)
    case .gcc: TextReporter(excerpts: false, summary: false)
    case .json: JSONReporter()
    }
  }
}
