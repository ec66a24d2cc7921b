/// One node of a positioned syntax tree, read from YAML or JSON.
///
/// Children are held in arrays, which share storage when copied: a YAML alias is the same value as its
/// anchor, never a deep copy.
public struct Node: Sendable {
  public enum Content: Sendable {
    case scalar(Scalar)
    case mapping([MappingEntry])
    case sequence([Node])
  }

  public var content: Content
  /// The node's explicit tag as written, such as `!Ref` or `tag:yaml.org,2002:str`; nil when none.
  public var tag: String?
  public var range: SourceRange

  public init(_ content: Content, tag: String? = nil, range: SourceRange) {
    self.content = content
    self.tag = tag
    self.range = range
  }

  /// The entries of a mapping node; nil for any other node.
  public var entries: [MappingEntry]? {
    if case .mapping(let entries) = content { return entries }
    return nil
  }

  /// The items of a sequence node; nil for any other node.
  public var items: [Node]? {
    if case .sequence(let items) = content { return items }
    return nil
  }

  /// The scalar of a scalar node; nil for any other node.
  public var scalar: Scalar? {
    if case .scalar(let scalar) = content { return scalar }
    return nil
  }

  /// The entry for `key` in a mapping node; nil when absent or when this is not a mapping.
  public func entry(_ key: String) -> MappingEntry? {
    guard case .mapping(let entries) = content else { return nil }
    // Keys are compared where they lie: only the entry found is copied. Adapters look keys up in
    // every resource of every file.
    return entries.withUnsafeBufferPointer { buffer in
      for index in buffer.indices where buffer[index].key.text == key {
        return buffer[index]
      }
      return nil
    }
  }

  /// The value for `key` in a mapping node; nil when absent or when this is not a mapping.
  public subscript(key: String) -> Node? {
    entry(key)?.value
  }
}
