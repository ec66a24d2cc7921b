/// Reads YAML into positioned syntax trees, through libyaml's event API.
public enum YAMLReader {
  /// Reads the first YAML document of `text` into a positioned tree; nil when the stream has no
  /// document or the document is empty (only comments/whitespace).
  ///
  /// Later documents are not parsed. Tags are kept as written (`!Ref`, `tag:yaml.org,2002:str`),
  /// aliases share their anchor's storage, and merge keys (`<<`) are applied. Throws on YAML syntax
  /// errors, non-string or duplicate keys, unknown aliases, and when `limits` are exceeded.
  public static func read(_ text: SourceText, limits: ReaderLimits = .default) throws(ParseError) -> Node? {
    // libyaml rejects a null input pointer, which an empty array may give.
    guard !text.bytes.isEmpty else { return nil }
    return try text.bytes.withUnsafeBufferPointer { (bytes) throws(ParseError) -> Node? in
      var builder = YAMLTreeBuilder(text: text, bytes: bytes, limits: limits)
      return try builder.run()
    }
  }
}
