/// A SARIF 2.1.0 log with the properties trailwatch writes, named and shaped as in the OASIS schema
/// and as GitHub code scanning reads them. Optional properties that are nil are left out.
public struct SARIFLog: Codable, Sendable, Equatable {
  public var schema = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
  public var version = "2.1.0"
  public var runs: [Run]

  enum CodingKeys: String, CodingKey {
    case schema = "$schema"
    case version, runs
  }

  public struct Run: Codable, Sendable, Equatable {
    public var tool: Tool
    /// `category/`: tells GitHub which earlier upload this one replaces.
    public var automationDetails: AutomationDetails?
    /// The unit of every column in the run.
    public var columnKind = "utf16CodeUnits"
    /// What `%SRCROOT%` stands for; described, not given, so the log is the same on every machine.
    public var originalUriBaseIds: [String: ArtifactLocation]?
    public var results: [Result]
  }

  public struct Tool: Codable, Sendable, Equatable {
    public var driver: ToolComponent
  }

  public struct ToolComponent: Codable, Sendable, Equatable {
    public var name: String
    public var version: String
    public var informationUri: String
    public var rules: [ReportingDescriptor]
  }

  /// A rule: GitHub needs the descriptions and help, and ranks security alerts by
  /// `properties.security-severity`.
  public struct ReportingDescriptor: Codable, Sendable, Equatable {
    public var id: String
    public var name: String
    public var shortDescription: Message
    public var fullDescription: Message
    public var help: Message
    public var helpUri: String?
    public var defaultConfiguration: Configuration
    public var properties: RuleProperties
  }

  public struct Configuration: Codable, Sendable, Equatable {
    public var level: String
  }

  public struct RuleProperties: Codable, Sendable, Equatable {
    public var tags: [String]
    public var precision: String
    /// "0.1" to "10.0", a string: over 9.0 critical, 7.0 high, 4.0 medium, below low.
    public var securitySeverity: String

    enum CodingKeys: String, CodingKey {
      case tags, precision
      case securitySeverity = "security-severity"
    }
  }

  /// A message or a multiformat message string: text, and Markdown where the reader can show it.
  public struct Message: Codable, Sendable, Equatable {
    public var text: String
    public var markdown: String?

    public init(text: String, markdown: String? = nil) {
      self.text = text
      self.markdown = markdown
    }
  }

  public struct Result: Codable, Sendable, Equatable {
    public var ruleId: String
    public var ruleIndex: Int
    public var level: String
    public var message: Message
    /// Exactly one: GitHub reads only the first.
    public var locations: [Location]
    public var partialFingerprints: PartialFingerprints?
    /// Findings that are suppressed but still reported: GitHub shows them as dismissed.
    public var suppressions: [Suppression]?
    /// Other places the result concerns (a plan finding shown in its `.tf` source keeps the plan's).
    public var relatedLocations: [Location]?
  }

  public struct PartialFingerprints: Codable, Sendable, Equatable {
    public var primaryLocationLineHash: String
  }

  public struct Suppression: Codable, Sendable, Equatable {
    /// `inSource` (a comment or metadata in the template) or `external` (configuration, baseline).
    public var kind: String
    public var justification: String?

    public init(kind: String, justification: String?) {
      self.kind = kind
      self.justification = justification
    }
  }

  public struct Location: Codable, Sendable, Equatable {
    /// Unique within a result's related locations; absent on the primary location.
    public var id: Int?
    public var physicalLocation: PhysicalLocation
    public var message: Message?

    public init(id: Int? = nil, physicalLocation: PhysicalLocation, message: Message? = nil) {
      self.id = id
      self.physicalLocation = physicalLocation
      self.message = message
    }
  }

  public struct PhysicalLocation: Codable, Sendable, Equatable {
    public var artifactLocation: ArtifactLocation
    public var region: Region
  }

  public struct ArtifactLocation: Codable, Sendable, Equatable {
    public var uri: String?
    public var uriBaseId: String?
    public var description: Message?
  }

  /// 1-based lines and columns; `endColumn` is just after the last character.
  public struct Region: Codable, Sendable, Equatable {
    public var startLine: Int
    public var startColumn: Int
    public var endLine: Int
    public var endColumn: Int

    public init(startLine: Int, startColumn: Int, endLine: Int, endColumn: Int) {
      self.startLine = startLine
      self.startColumn = startColumn
      self.endLine = endLine
      self.endColumn = endColumn
    }
  }

  public struct AutomationDetails: Codable, Sendable, Equatable {
    public var id: String
  }
}
