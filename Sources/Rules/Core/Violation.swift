import InfraModel
import SourceMap

/// What a rule reports about the model, before the engine knows the file it came from.
public struct Violation: Sendable, Equatable {
  public var message: String
  public var range: SourceRange
  public var resource: ResourceIdentity?
  /// A severity other than the rule's own, for notes about what could not be decided.
  public var severity: Severity?

  public init(_ message: String, at range: SourceRange, resource: ResourceIdentity?, severity: Severity? = nil) {
    self.message = message
    self.range = range
    self.resource = resource
    self.severity = severity
  }
}
