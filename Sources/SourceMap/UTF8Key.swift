/// Mapping key text compared and hashed by its UTF-8 bytes, for duplicate keys in YAML and JSON.
///
/// Two keys are the same when their code points are (`"\u{e9}"` and `"e\u{301}"` are two keys);
/// `String`'s own equality and hashing go by canonical equivalence, which is both a different rule
/// and, for non-ASCII text, several times slower.
struct UTF8Key: Hashable {
  let text: String

  static func == (lhs: UTF8Key, rhs: UTF8Key) -> Bool {
    sameBytes(lhs.text, rhs.text)
  }

  func hash(into hasher: inout Hasher) {
    // Native strings are already contiguous UTF-8, so this does not copy.
    var contiguous = text
    contiguous.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
  }

  static func sameBytes(_ lhs: String, _ rhs: String) -> Bool {
    lhs.utf8.count == rhs.utf8.count && lhs.utf8.elementsEqual(rhs.utf8)
  }
}
