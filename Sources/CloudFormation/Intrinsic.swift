import SourceMap

/// An intrinsic function call, in either of its spellings: the long form `{"Fn::GetAtt": [A, Arn]}`
/// or a YAML short-form tag `!GetAtt A.Arn`.
struct Intrinsic {
  /// The long-form name: `Ref`, `Condition`, `Fn::GetAtt`, `Fn::If`, …
  var name: String
  /// The function's argument, with any short-form tag removed.
  var argument: Node
  /// The whole call.
  var range: SourceRange

  /// The call a node makes, or nil when the node is a plain value.
  static func match(_ node: Node) -> Intrinsic? {
    if let tag = node.tag, tag.hasPrefix("!"), tag.count > 1 {
      var argument = node
      argument.tag = nil
      return Intrinsic(name: longName(ofTag: tag), argument: argument, range: node.range)
    }
    guard case .mapping(let entries) = node.content, entries.count == 1 else { return nil }
    let key = entries[0].key.text
    guard key == "Ref" || key == "Condition" || key.hasPrefix("Fn::") else { return nil }
    return Intrinsic(name: key, argument: entries[0].value, range: node.range)
  }

  /// `!Ref` and `!Condition` keep their names; every other tag `!X` stands for `Fn::X`.
  private static func longName(ofTag tag: String) -> String {
    let bare = String(tag.dropFirst())
    return bare == "Ref" || bare == "Condition" ? bare : "Fn::" + bare
  }
}
