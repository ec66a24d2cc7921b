import SourceMap

/// A part of the input that was not evaluated at all, such as what an incomplete Terraform plan
/// (`complete: false`, `deferred_changes`, `-target`) leaves out. Rules never count it as compliant:
/// it is reported on its own (TW006).
public struct Omission: Sendable, Equatable {
  /// What was left out and why, as a whole message ("the plan is incomplete (complete: false): 2
  /// resources were not planned (Terraform deferred them) and are not checked").
  public var description: String
  /// Where the input says so (the plan's `complete` key).
  public var range: SourceRange

  public init(_ description: String, at range: SourceRange) {
    self.description = description
    self.range = range
  }
}
