/// A mapping or sequence whose end event has not arrived yet: one level of the reader's explicit
/// stack, which replaces recursion so that only `ReaderLimits.maxDepth` bounds nesting.
struct YAMLBuildFrame {
  /// Mappings with more entries than this find duplicate keys through a dictionary instead of a scan.
  static let indexThreshold = 12

  let isMapping: Bool
  let tag: String?
  let anchor: String?
  let start: SourcePosition
  /// 1 for this node plus the weights of everything read into it (see `YAMLTreeBuilder`).
  var weight = 1
  var items: [Node] = []
  var entries: [MappingEntry] = []
  /// The key whose value comes next; nil while a key is expected.
  var pendingKey: MappingKey?
  /// Whether the pending key is the merge key `<<`.
  var pendingIsMerge = false
  /// Where the merge key was written, to report a second one as a duplicate.
  var mergeKeyRange: SourceRange?
  /// The mappings a merge key brings in, with the number of explicit entries read before it, so
  /// merged entries land where the `<<` was written.
  var merges: [(position: Int, entries: [MappingEntry])] = []
  /// Key text to its index in `entries`, built once the mapping passes `indexThreshold`.
  var keyIndex: [String: Int]?

  init(isMapping: Bool, tag: String?, anchor: String?, start: SourcePosition) {
    self.isMapping = isMapping
    self.tag = tag
    self.anchor = anchor
    self.start = start
  }

  /// The range of the explicit key `text` already read into this mapping, if any.
  func existingKeyRange(_ text: String) -> SourceRange? {
    if let keyIndex {
      guard let found = keyIndex[text] else { return nil }
      return entries[found].key.range
    }
    for entry in entries where entry.key.text == text {
      return entry.key.range
    }
    return nil
  }

  mutating func appendEntry(_ entry: MappingEntry) {
    entries.append(entry)
    if keyIndex != nil {
      keyIndex?[entry.key.text] = entries.count - 1
    } else if entries.count > Self.indexThreshold {
      var index: [String: Int] = [:]
      index.reserveCapacity(entries.count * 2)
      for (position, existing) in entries.enumerated() {
        index[existing.key.text] = position
      }
      keyIndex = index
    }
  }

  /// The entries of the finished mapping, merged ones included: explicit keys win over merged ones,
  /// and an earlier merge source wins over a later one (the YAML merge-key rules).
  func mergedEntries() -> [MappingEntry] {
    guard !merges.isEmpty else { return entries }
    var seen = Set<String>(minimumCapacity: entries.count)
    for entry in entries {
      seen.insert(entry.key.text)
    }
    var result: [MappingEntry] = []
    result.reserveCapacity(entries.count)
    var next = 0
    for (position, entry) in entries.enumerated() {
      while next < merges.count, merges[next].position == position {
        for merged in merges[next].entries where seen.insert(merged.key.text).inserted {
          result.append(merged)
        }
        next += 1
      }
      result.append(entry)
    }
    while next < merges.count {
      for merged in merges[next].entries where seen.insert(merged.key.text).inserted {
        result.append(merged)
      }
      next += 1
    }
    return result
  }
}
