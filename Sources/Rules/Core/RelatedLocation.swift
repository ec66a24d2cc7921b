import SourceMap

/// Another place a finding concerns: for a Terraform plan's finding that is reported at the resource's
/// block in its `.tf` file, the resource's entry in the plan.
public struct RelatedLocation: Sendable, Equatable {
  public var file: String
  public var range: SourceRange
  /// What the place is, in words ("the resource's entry in the plan").
  public var note: String

  public init(file: String, range: SourceRange, note: String) {
    self.file = file
    self.range = range
    self.note = note
  }
}
