/// The content of a file or of a block: attributes and nested blocks, each in the order written.
public struct HCLBody: Sendable {
  public var attributes: [HCLAttribute]
  public var blocks: [HCLBlock]
  /// From the first character after the opening `{` (the file's start at the top level) to the closing
  /// `}` (the file's end).
  public var range: SourceRange

  public init(attributes: [HCLAttribute], blocks: [HCLBlock], range: SourceRange) {
    self.attributes = attributes
    self.blocks = blocks
    self.range = range
  }

  /// The attribute named `name`; nil when the body does not set it.
  public func attribute(_ name: String) -> HCLAttribute? {
    attributes.first { $0.name == name }
  }

  /// The nested blocks of one type, in order.
  public func blocks(ofType type: String) -> [HCLBlock] {
    blocks.filter { $0.type == type }
  }
}
