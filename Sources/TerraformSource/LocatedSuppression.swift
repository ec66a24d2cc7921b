import InfraModel

/// A suppression and the file it is written in: a Terraform module spans several files.
public struct LocatedSuppression: Sendable {
  public var file: String
  public var suppression: Suppression
  /// The header line of the resource block it covers, when it covers one.
  public var blockLine: Int?

  public init(file: String, suppression: Suppression, blockLine: Int? = nil) {
    self.file = file
    self.suppression = suppression
    self.blockLine = blockLine
  }
}
