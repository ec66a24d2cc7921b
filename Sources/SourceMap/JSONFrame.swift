/// An object or array the JSON reader has opened and not yet closed.
///
/// The reader keeps these on an explicit stack instead of recursing, so nesting depth costs heap,
/// never call stack. Children wait on one stack shared by all open containers and move into an
/// exactly sized array when their container closes: one allocation per container, instead of an
/// array per container that reallocates as it grows.
struct JSONFrame {
  /// Up to this many entries a duplicate key is found by scanning; past it, by a dictionary, so a
  /// large object stays linear.
  static let linearScanLimit = 12

  let isObject: Bool
  /// The position of the opening bracket.
  let start: SourcePosition
  /// Where this container's children start on the shared stack of entries or items.
  let base: Int
  /// The key whose value is being read.
  var pendingKey = MappingKey(text: "", range: .fileStart)
  /// Index into the shared entries by key; filled only once the object passes `linearScanLimit`
  /// entries.
  private var keyIndex: [UTF8Key: Int] = [:]

  init(object start: SourcePosition, base: Int) {
    self.isObject = true
    self.start = start
    self.base = base
  }

  init(array start: SourcePosition, base: Int) {
    self.isObject = false
    self.start = start
    self.base = base
  }

  /// The key already in this object that is byte for byte `text`; nil when there is none.
  /// `entries` is the shared stack, whose elements from `base` on are this object's.
  func existingKey(_ text: String, in entries: ChildPool<MappingEntry>) -> MappingKey? {
    if entries.count - base <= Self.linearScanLimit {
      let wanted = UTF8Key(text: text)
      for index in base..<entries.count where UTF8Key(text: entries[index].key.text) == wanted {
        return entries[index].key
      }
      return nil
    }
    guard let index = keyIndex[UTF8Key(text: text)] else { return nil }
    return entries[index].key
  }

  /// Records the entry just pushed onto `entries` under the pending key.
  mutating func didAppendEntry(to entries: ChildPool<MappingEntry>) {
    let count = entries.count - base
    if count == Self.linearScanLimit + 1 {
      keyIndex.reserveCapacity(count * 2)
      for index in base..<entries.count {
        keyIndex[UTF8Key(text: entries[index].key.text)] = index
      }
    } else if count > Self.linearScanLimit + 1 {
      keyIndex[UTF8Key(text: pendingKey.text)] = entries.count - 1
    }
  }
}
