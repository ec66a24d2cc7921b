import InfraModel
import SourceMap

/// An entry of `suppressions` in `.trailwatch.yml`: a rule accepted for files and a resource, the only
/// way to suppress in a Terraform plan (JSON has no comments, and plans carry no Metadata).
public struct ConfiguredSuppression: Sendable {
  /// The rule id; nil for `all`.
  public var ruleID: String?
  /// The files it covers; nil for every file.
  public var file: Glob?
  /// The logical id or Terraform address it covers; nil for every resource.
  public var resource: String?
  public var reason: String?
  public var until: CalendarDate?
  /// The configuration file, as the user would name it, and the entry's place in it.
  public var configurationFile: String
  public var range: SourceRange
  /// The absolute directory of the configuration file: `file` is relative to it.
  public var directory: String

  public init(
    ruleID: String?, file: Glob?, resource: String?, reason: String?, until: CalendarDate?,
    configurationFile: String, range: SourceRange, directory: String
  ) {
    self.ruleID = ruleID
    self.file = file
    self.resource = resource
    self.reason = reason
    self.until = until
    self.configurationFile = configurationFile
    self.range = range
    self.directory = directory
  }
}
