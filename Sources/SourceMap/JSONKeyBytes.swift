/// An object key compared byte for byte, for duplicate-key detection.
///
/// JSON keys are distinct when their code points differ, but Swift's `String` equality is canonical
/// equivalence, under which `"\u00e9"` and `"e\u0301"` would be the same key.
struct JSONKeyBytes: Hashable {
  let text: String

  static func == (lhs: JSONKeyBytes, rhs: JSONKeyBytes) -> Bool {
    // Cheapest first: lengths (stored, not computed), then `==`, which is a memcmp for ASCII and is
    // false whenever the bytes differ in a way normalization cannot undo; the byte walk runs only for
    // keys that really match.
    let left = lhs.text.utf8
    let right = rhs.text.utf8
    return left.count == right.count && lhs.text == rhs.text && left.elementsEqual(right)
  }

  // Byte-equal strings are canonically equal, so the String hash is consistent with `==`.
  func hash(into hasher: inout Hasher) {
    hasher.combine(text)
  }
}
