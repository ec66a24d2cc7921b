/// A mapping or sequence whose end event has not arrived yet: one level of the reader's explicit
/// stack, which replaces recursion so that only `ReaderLimits.maxDepth` bounds nesting.
///
/// Children wait in the builder's shared pools rather than in per-frame arrays, from `base` to the
/// pool's end, so each finished collection allocates one array of exactly its size.
struct YAMLBuildFrame {
  let isMapping: Bool
  let tag: String?
  let anchor: String?
  let start: SourcePosition
  /// Where this collection's children start in the builder's entry or item pool.
  let base: Int
  /// 1 for this node plus the weights of everything read into it (see `YAMLTreeBuilder`).
  var weight = 1
  /// The key whose value comes next; nil while a key is expected.
  var pendingKey: MappingKey?
  /// The pending key's hash, once the mapping has a key table.
  var pendingKeyHash = 0
  /// Whether the pending key is the merge key `<<`.
  var pendingIsMerge = false
  /// Where the merge key was written, to report a second one as a duplicate.
  var mergeKeyRange: SourceRange?
  /// The mappings a merge key brings in, each with the number of explicit entries read before it,
  /// so merged entries land where the `<<` was written.
  var merges: [(position: Int, entries: [MappingEntry])] = []
  /// The keys read so far, once the mapping is too large to scan for duplicates.
  var keyTable: YAMLKeyTable?

  init(isMapping: Bool, tag: String?, anchor: String?, start: SourcePosition, base: Int) {
    self.isMapping = isMapping
    self.tag = tag
    self.anchor = anchor
    self.start = start
    self.base = base
  }
}
