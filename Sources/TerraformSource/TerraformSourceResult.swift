import InfraModel

/// What the adapter made of one root module: the model (with every resource's file), and the files
/// it read, its local modules' and variable files included.
public struct TerraformSourceResult: Sendable {
  public var infrastructure: Infrastructure
  /// Every file read, in the order read: the root module's configuration files, its variable files,
  /// then each local module's files.
  public var files: [TerraformSourceFile]
  /// The normalized directories of the local modules this root calls, so that the engine does not
  /// lint them again as roots of their own.
  public var moduleDirectories: [String]
  /// The `trailwatch:ignore` comments of every `.tf` file read, each with its file.
  public var suppressions: [LocatedSuppression]
  /// The resource blocks of the types trailwatch reads, with their instances' addresses: where a
  /// plan's findings about them are shown.
  public var blocks: [TerraformBlock]

  public init(
    infrastructure: Infrastructure, files: [TerraformSourceFile], moduleDirectories: [String],
    suppressions: [LocatedSuppression] = [], blocks: [TerraformBlock] = []
  ) {
    self.infrastructure = infrastructure
    self.files = files
    self.moduleDirectories = moduleDirectories
    self.suppressions = suppressions
    self.blocks = blocks
  }
}
