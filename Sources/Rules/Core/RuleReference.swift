/// A document that backs a rule: AWS documentation, a benchmark control.
public struct RuleReference: Sendable, Equatable {
  public var title: String
  public var url: String

  public init(_ title: String, _ url: String) {
    self.title = title
    self.url = url
  }
}
