/// Renders a report in one output format.
public protocol Reporter: Sendable {
  func render(_ report: LintReport) -> String
}
