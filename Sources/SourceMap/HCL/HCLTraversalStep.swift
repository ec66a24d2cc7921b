/// One step of a traversal: an attribute, an index, or a splat.
public enum HCLTraversalStep: Sendable {
  /// `.name`
  case attribute(String, SourceRange)
  /// `[key]`
  case index(HCLExpression)
  /// `.0`: the index form kept from HCL's predecessor, still accepted.
  case legacyIndex(Int, SourceRange)
  /// `.*`: the following attribute steps apply to each element.
  case attributeSplat(SourceRange)
  /// `[*]`: every following step applies to each element.
  case fullSplat(SourceRange)
}
