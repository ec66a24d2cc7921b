/// The keys of one large mapping, for finding duplicates without a scan: an open-addressing table of
/// pool positions that keeps each key's hash, so growing never hashes a key again.
///
/// Hashes come from the standard library's per-process seeded `Hasher`, over the key's UTF-8 bytes,
/// so a file cannot be crafted to make every key collide.
struct YAMLKeyTable {
  /// Two words per slot, side by side so a probe touches one cache line: the pool position + 1 of the
  /// entry (0 marks an empty slot), then its key's hash.
  private var slots: [Int]
  private var count = 0

  init() {
    slots = Array(repeating: 0, count: 2 * 64)
  }

  static func hash(_ text: String) -> Int {
    var hasher = Hasher()
    // Native strings are already contiguous UTF-8, so this does not copy.
    var contiguous = text
    contiguous.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    return hasher.finalize()
  }

  /// The pool position of the entry whose key has the bytes of `text`, if any.
  func find(_ text: String, hash: Int, in pool: ChildPool<MappingEntry>) -> Int? {
    let mask = slots.count / 2 - 1
    var slot = hash & mask
    while slots[2 * slot] != 0 {
      let position = slots[2 * slot] - 1
      if slots[2 * slot + 1] == hash, UTF8Key.sameBytes(pool[position].key.text, text) {
        return position
      }
      slot = (slot + 1) & mask
    }
    return nil
  }

  /// Records the entry at pool `position`, whose key hashes to `hash` and is not in the table yet.
  mutating func insert(position: Int, hash: Int) {
    // Kept at most half full, so probe runs stay short.
    if (count + 1) * 4 > slots.count {
      grow()
    }
    place(position + 1, hash: hash)
    count += 1
  }

  private mutating func place(_ occupant: Int, hash: Int) {
    let mask = slots.count / 2 - 1
    var slot = hash & mask
    while slots[2 * slot] != 0 {
      slot = (slot + 1) & mask
    }
    slots[2 * slot] = occupant
    slots[2 * slot + 1] = hash
  }

  private mutating func grow() {
    let old = slots
    slots = Array(repeating: 0, count: old.count * 2)
    var slot = 0
    while slot < old.count {
      if old[slot] != 0 {
        place(old[slot], hash: old[slot + 1])
      }
      slot += 2
    }
  }
}
