/// Reads JSON (CloudFormation templates, Terraform plans) into a positioned syntax tree.
///
/// Strict RFC 8259, as CloudFormation accepts it: no comments, trailing commas, single quotes,
/// unquoted keys, leading zeros or `NaN`; strings must be valid UTF-8 with escaped control characters
/// and paired surrogate escapes; an object may not repeat a key. Every node and key keeps its range
/// (lines and columns 1-based, columns counting Unicode scalars, offsets in UTF-8 bytes).
///
/// Objects become mappings, arrays sequences, strings quoted scalars (escapes decoded), and numbers,
/// `true`, `false` and `null` plain scalars holding the literal exactly as written.
public enum JSONReader {
  /// Reads one JSON value from `text` into a positioned tree; nil when the text is only whitespace.
  ///
  /// Nesting is read with an explicit stack, so a hostile file cannot overflow the call stack; it is
  /// still refused past `limits.maxDepth` levels.
  public static func read(_ text: SourceText, limits: ReaderLimits = .default) throws(ParseError) -> Node? {
    try text.bytes.withUnsafeBufferPointer { buffer throws(ParseError) -> Node? in
      guard let base = buffer.baseAddress, buffer.count > 0 else { return nil }
      var scanner = JSONScanner(base: base, count: buffer.count, maxDepth: limits.maxDepth)
      return try scanner.readDocument()
    }
  }
}
