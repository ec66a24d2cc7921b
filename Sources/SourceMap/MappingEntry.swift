/// One key and its value in a mapping node.
public struct MappingEntry: Sendable {
  public var key: MappingKey
  public var value: Node

  public init(key: MappingKey, value: Node) {
    self.key = key
    self.value = value
  }
}
