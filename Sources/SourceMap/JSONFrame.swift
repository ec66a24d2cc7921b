/// An object or array the JSON reader has opened and not yet closed.
///
/// The reader keeps these on an explicit stack instead of recursing, so nesting depth costs heap,
/// never call stack.
struct JSONFrame {
  /// Up to this many entries a duplicate key is found by scanning; past it, by a dictionary, so a
  /// large object stays linear.
  static let linearScanLimit = 12

  let isObject: Bool
  /// The position of the opening bracket.
  let start: SourcePosition
  var entries: [MappingEntry] = []
  var items: [Node] = []
  /// The key whose value is being read.
  var pendingKey = MappingKey(text: "", range: .fileStart)
  /// Index into `entries` by key; filled only once the object passes `linearScanLimit` entries.
  private var keyIndex: [JSONKeyBytes: Int] = [:]

  init(object start: SourcePosition) {
    self.isObject = true
    self.start = start
  }

  init(array start: SourcePosition) {
    self.isObject = false
    self.start = start
  }

  /// The key already in this object that is byte for byte `text`; nil when there is none.
  func existingKey(_ text: String) -> MappingKey? {
    if entries.count <= Self.linearScanLimit {
      let wanted = JSONKeyBytes(text: text)
      for entry in entries where JSONKeyBytes(text: entry.key.text) == wanted {
        return entry.key
      }
      return nil
    }
    guard let index = keyIndex[JSONKeyBytes(text: text)] else { return nil }
    return entries[index].key
  }

  /// Adds `value` under the pending key.
  mutating func appendEntry(_ value: Node) {
    entries.append(MappingEntry(key: pendingKey, value: value))
    let count = entries.count
    if count == Self.linearScanLimit + 1 {
      keyIndex.reserveCapacity(count * 2)
      for (index, entry) in entries.enumerated() {
        keyIndex[JSONKeyBytes(text: entry.key.text)] = index
      }
    } else if count > Self.linearScanLimit + 1 {
      keyIndex[JSONKeyBytes(text: pendingKey.text)] = count - 1
    }
  }
}
