/// An object key compared byte for byte, for duplicate-key detection.
///
/// JSON keys are distinct when their code points differ, but Swift's `String` equality is canonical
/// equivalence, under which `"\u00e9"` and `"e\u0301"` would be the same key.
struct JSONKeyBytes: Hashable {
  let text: String

  static func == (lhs: JSONKeyBytes, rhs: JSONKeyBytes) -> Bool {
    lhs.text.utf8.count == rhs.text.utf8.count && lhs.text.utf8.elementsEqual(rhs.text.utf8)
  }

  // Byte-equal strings are canonically equal, so the String hash is consistent with `==`.
  func hash(into hasher: inout Hasher) {
    hasher.combine(text)
  }
}
