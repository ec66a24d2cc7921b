/// Which findings of a file a suppression written in it can hide.
public enum SuppressionScope: Sendable, Equatable {
  /// Every finding in the file (template-level `Metadata`).
  case file
  /// Findings about the resource with this logical id or address.
  case resource(String)
  /// Findings that start on this 1-based line.
  case line(Int)
  /// Findings about any resource one Terraform block declares: its instances (`count`, `for_each`)
  /// in every instance of its module, by address; `name` is the block's own address, for people.
  case block(name: String, addresses: [String])
}
