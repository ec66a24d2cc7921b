/// Renders a report in one output format.
public protocol Reporter: Sendable {
  func render(_ report: LintReport) -> String

  /// Lines for stderr about a rendered report: limits of the service that will read it, which the
  /// report itself cannot say. None by default.
  func notices(for report: LintReport, rendered: String) -> [String]
}

extension Reporter {
  public func notices(for report: LintReport, rendered: String) -> [String] { [] }
}
