import InfraModel
import SourceMap

/// What a rule reports about the model, before the engine knows the file it came from.
public struct Violation: Sendable, Equatable {
  public var message: String
  public var range: SourceRange
  public var resource: ResourceIdentity?
  /// A severity other than the rule's own, for notes about what could not be decided.
  public var severity: Severity?
  /// The file `range` is in when the model spans several files (a Terraform module); nil: the file
  /// being linted.
  public var file: String?

  /// A violation at `range`, in the resource's own file unless `file` says otherwise.
  public init(
    _ message: String, at range: SourceRange, resource: ResourceIdentity?, severity: Severity? = nil, file: String? = nil
  ) {
    self.message = message
    self.range = range
    self.resource = resource
    self.severity = severity
    self.file = file ?? resource?.file
  }

  /// A violation at one outcome of a resource's attribute, in the outcome's file (a retention set by
  /// another resource can be written in another file) or else the resource's.
  public init<Value>(_ message: String, at outcome: Outcome<Value>, of resource: ResourceIdentity, severity: Severity? = nil) {
    self.init(message, at: outcome.range, resource: resource, severity: severity, file: outcome.file ?? resource.file)
  }
}
