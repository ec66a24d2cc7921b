import SourceMap

/// Expands `AWS::LanguageExtensions` loops in `Resources`:
/// `Fn::ForEach::Name: [Identifier, Collection, {OutputKey: OutputValue}]` makes one resource per
/// element of the collection, its logical id the OutputKey with `${Identifier}` replaced by the element
/// (`&{Identifier}`: the element without its non-alphanumeric characters). In the OutputValue the same
/// is done to keys and `Fn::Sub` strings, and `Ref Identifier` becomes the element, as CloudFormation's
/// transform does. Generated resources keep the positions of the loop's body, so findings about
/// them point there.
///
/// A collection that is a literal list, or evaluates to one (a `CommaDelimitedList` parameter with a
/// default, `Fn::FindInMap`, `Fn::Split`), is expanded; otherwise each resource of the body is kept
/// once, as written, marked as unknown. Nested loops are expanded too. Expansion is bounded in nodes
/// copied and resources made, so aliases and long collections cannot blow it up.
struct ForEachExpander {
  static let prefix = "Fn::ForEach::"
  static let maxResources = 10_000
  static let maxNodes = 500_000

  /// One resource of a loop's body, with the loop's values substituted.
  struct Generated {
    var logicalID: String
    var keyRange: SourceRange
    var body: Node
    var unevaluated: String?
  }

  let evaluator: ValueEvaluator
  private var resourcesLeft = Self.maxResources
  private var nodesLeft = Self.maxNodes

  init(evaluator: ValueEvaluator) {
    self.evaluator = evaluator
  }

  mutating func expand(_ loop: MappingEntry) -> [Generated] {
    var generated: [Generated] = []
    expand(loop, values: [:], depth: 0, into: &generated)
    return generated
  }

  private mutating func expand(_ loop: MappingEntry, values: [String: String], depth: Int, into generated: inout [Generated]) {
    let loopName = loop.key.text
    guard depth < 16, let items = loop.value.items, items.count == 3, let identifier = items[0].scalar?.text,
      let outputs = items[2].entries
    else { return }
    let collection: [String]
    switch elements(of: substitute(items[1], values), loopName: loopName) {
    case .success(let elements):
      collection = elements
    case .failure(let reason):
      for output in outputs where !output.key.text.hasPrefix(Self.prefix) {
        guard resourcesLeft > 0 else { return }
        resourcesLeft -= 1
        generated.append(Generated(
          logicalID: Self.replace(in: output.key.text, values), keyRange: output.key.range,
          body: substitute(output.value, values), unevaluated: reason.message))
      }
      return
    }
    for element in collection {
      var inner = values
      inner[identifier] = element
      for output in outputs {
        if output.key.text.hasPrefix(Self.prefix) {
          expand(output, values: inner, depth: depth + 1, into: &generated)
          continue
        }
        guard resourcesLeft > 0, nodesLeft > 0 else { return }
        resourcesLeft -= 1
        generated.append(Generated(
          logicalID: Self.replace(in: output.key.text, inner), keyRange: output.key.range,
          body: substitute(output.value, inner)))
      }
    }
  }

  struct Unknown: Error {
    var message: String
  }

  /// The collection's elements, or why they cannot be known before deploy.
  private func elements(of node: Node, loopName: String) -> Result<[String], Unknown> {
    let branches = evaluator.evaluate(node)
    let loop = "\(loopName) repeats it for each element of a collection that is known only at deploy time"
    guard let branch = branches.first(where: \.isUnconditional) else {
      return .failure(Unknown(message: "\(loop): it depends on conditions"))
    }
    guard case .list(let values) = branch.value else {
      return .failure(Unknown(message: "\(loop): \(branch.value.unknownReason ?? "it is not a list")"))
    }
    var texts: [String] = []
    for value in values {
      guard let text = value.literalText else {
        return .failure(Unknown(message: "\(loop): \(value.unknownReason ?? "an element is not a string")"))
      }
      texts.append(text)
    }
    return .success(texts)
  }

  /// A copy of `node` with the loop values substituted in keys, `Fn::Sub` strings and `Ref`s.
  private mutating func substitute(_ node: Node, _ values: [String: String]) -> Node {
    guard !values.isEmpty else { return node }
    nodesLeft -= 1
    guard nodesLeft > 0 else { return node }
    if let call = Intrinsic.match(node) {
      switch call.name {
      case "Ref":
        if let name = call.argument.scalar?.text, let value = values[name] {
          return Node(.scalar(Scalar(value, style: .quoted)), range: node.range)
        }
        return node
      case "Fn::Sub":
        if let format = call.argument.scalar?.text, call.argument.tag == nil {
          return rebuiltCall(node, argument: Node(.scalar(Scalar(Self.replace(in: format, values), style: .quoted)), range: call.argument.range))
        }
        if var items = call.argument.items, items.count == 2, let format = items[0].scalar?.text {
          items[0] = Node(.scalar(Scalar(Self.replace(in: format, values), style: .quoted)), range: items[0].range)
          items[1] = substitute(items[1], values)
          return rebuiltCall(node, argument: Node(.sequence(items), range: call.argument.range))
        }
        return node
      default:
        break
      }
    }
    switch node.content {
    case .scalar:
      return node
    case .sequence(let items):
      var copy = node
      copy.content = .sequence(items.map { substitute($0, values) })
      return copy
    case .mapping(let entries):
      var copy = node
      copy.content = .mapping(entries.map { entry in
        MappingEntry(
          key: MappingKey(text: Self.replace(in: entry.key.text, values), range: entry.key.range),
          value: substitute(entry.value, values))
      })
      return copy
    }
  }

  /// The call `node` makes, written the same way (tag or one-key mapping), with a new argument.
  private func rebuiltCall(_ node: Node, argument: Node) -> Node {
    if node.tag != nil {
      var copy = argument
      copy.tag = node.tag
      copy.range = node.range
      return copy
    }
    guard let entry = node.entries?.first else { return node }
    return Node(.mapping([MappingEntry(key: entry.key, value: argument)]), range: node.range)
  }

  /// `${Identifier}` → the value, `&{Identifier}` → the value's letters and digits.
  static func replace(in text: String, _ values: [String: String]) -> String {
    guard text.contains("{") else { return text }
    var result = text
    for (name, value) in values {
      result = result.replacing("${\(name)}", with: value)
      result = result.replacing("&{\(name)}", with: String(value.filter { $0.isASCII && ($0.isLetter || $0.isNumber) }))
    }
    return result
  }
}
