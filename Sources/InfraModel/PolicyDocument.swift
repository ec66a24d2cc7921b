/// An IAM policy document: its statements, and why any of them could not be read.
public struct PolicyDocument: Sendable, Equatable {
  public var statements: [PolicyStatement]
  /// One reason for each statement, or part of one, that could not be read ("it is imported from
  /// another stack with Fn::ImportValue"); a rule cannot rule out that such a part grants or denies.
  public var unreadable: [String]

  public init(statements: [PolicyStatement], unreadable: [String] = []) {
    self.statements = statements
    self.unreadable = unreadable
  }
}
