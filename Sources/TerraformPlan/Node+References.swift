import SourceMap

extension Node {
  /// The `references` of a configuration expression, longest first as Terraform lists them.
  var references: [String] {
    self["references"]?.items?.compactMap { $0.scalar?.text } ?? []
  }
}
