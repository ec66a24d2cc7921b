import InfraModel

/// A suppression and the file it is written in: a Terraform module spans several files.
public struct LocatedSuppression: Sendable {
  public var file: String
  public var suppression: Suppression

  public init(file: String, suppression: Suppression) {
    self.file = file
    self.suppression = suppression
  }
}
