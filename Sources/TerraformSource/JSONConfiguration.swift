import SourceMap

/// Terraform's JSON configuration syntax (`.tf.json`) read into the same body as native syntax, so
/// the rest of the adapter sees one shape.
///
/// Top-level keys name block types; `resource` and `data` take two levels of labels, `module`,
/// `variable`, `output` and `provider` one. A block's value is an object or a list of objects. Inside a
/// block every property is an attribute: strings are templates (`"${aws_iam_role.r.arn}"`), numbers,
/// booleans, null, lists and objects are literals. `"//"` properties are comments. A label's range is
/// its key, so a resource's header is the key of its name (`"main": {…}`). Expressions parsed from a
/// string take the string's range; the ranges inside them count from the string's first character.
enum JSONConfiguration {
  static let labelCounts: [String: Int] = [
    "resource": 2, "data": 2, "module": 1, "variable": 1, "output": 1, "provider": 1, "check": 1,
    "locals": 0, "terraform": 0, "import": 0, "moved": 0, "removed": 0,
  ]

  static func body(from root: Node, limits: ReaderLimits) throws(ParseError) -> HCLBody {
    guard let entries = root.entries else {
      throw ParseError("a Terraform JSON configuration file holds one object", at: root.range)
    }
    var blocks: [HCLBlock] = []
    for entry in entries where entry.key.text != "//" {
      guard let labelCount = labelCounts[entry.key.text] else { continue }
      blocks += try self.blocks(
        type: entry.key.text, typeRange: entry.key.range, value: entry.value, labelsLeft: labelCount, labels: [],
        limits: limits)
    }
    return HCLBody(attributes: [], blocks: blocks, range: root.range)
  }

  private static func blocks(
    type: String, typeRange: SourceRange, value: Node, labelsLeft: Int, labels: [HCLLabel], limits: ReaderLimits
  ) throws(ParseError) -> [HCLBlock] {
    var result: [HCLBlock] = []
    for object in try objects(value, of: type) {
      if labelsLeft > 0 {
        for entry in object.entries ?? [] where entry.key.text != "//" {
          let label = HCLLabel(value: entry.key.text, range: entry.key.range, isQuoted: true)
          result += try blocks(
            type: type, typeRange: typeRange, value: entry.value, labelsLeft: labelsLeft - 1, labels: labels + [label],
            limits: limits)
        }
      } else {
        result.append(HCLBlock(
          type: type, typeRange: typeRange, labels: labels, body: try body(of: object, limits: limits),
          headerRange: labels.last?.range ?? typeRange, range: object.range))
      }
    }
    return result
  }

  /// A block's value: one object, or a list of objects (a repeated block).
  private static func objects(_ value: Node, of type: String) throws(ParseError) -> [Node] {
    if value.entries != nil { return [value] }
    if let items = value.items {
      var objects: [Node] = []
      for item in items {
        guard item.entries != nil else {
          throw ParseError("a '\(type)' block must be written as an object", at: item.range)
        }
        objects.append(item)
      }
      return objects
    }
    throw ParseError("a '\(type)' block must be written as an object", at: value.range)
  }

  private static func body(of object: Node, limits: ReaderLimits) throws(ParseError) -> HCLBody {
    var attributes: [HCLAttribute] = []
    for entry in object.entries ?? [] where entry.key.text != "//" {
      let value = try expression(entry.value, limits: limits)
      attributes.append(HCLAttribute(
        name: entry.key.text, nameRange: entry.key.range, value: value,
        range: SourceRange(start: entry.key.range.start, end: entry.value.range.end)))
    }
    return HCLBody(attributes: attributes, blocks: [], range: object.range)
  }

  /// A JSON value as an expression: strings are templates, the rest literals.
  static func expression(_ node: Node, limits: ReaderLimits, templates: Bool = true) throws(ParseError) -> HCLExpression {
    switch node.content {
    case .scalar(let scalar):
      if scalar.style == .quoted {
        guard templates else {
          return HCLExpression(.template(HCLTemplate(parts: [.literal(scalar.text, node.range)], isHeredoc: false)), range: node.range)
        }
        let template: HCLTemplate
        do {
          template = try HCLReader.readTemplate(SourceText(scalar.text), limits: limits)
        } catch {
          throw ParseError("in this string: \(error.message)", at: node.range)
        }
        let depth = template.parts.reduce(1) { deepest, part in
          if case .interpolation(let inner) = part { return max(deepest, inner.depth + 1) }
          return max(deepest, 2)
        }
        return HCLExpression(.template(template), range: node.range, depth: depth)
      }
      switch scalar.text {
      case "true": return HCLExpression(.bool(true), range: node.range)
      case "false": return HCLExpression(.bool(false), range: node.range)
      case "null": return HCLExpression(.null, range: node.range)
      default: return HCLExpression(.number(scalar.text), range: node.range)
      }
    case .sequence(let items):
      var elements: [HCLExpression] = []
      for item in items { elements.append(try expression(item, limits: limits, templates: templates)) }
      return HCLExpression(.tuple(elements), range: node.range, depth: 1 + (elements.map(\.depth).max() ?? 0))
    case .mapping(let entries):
      var items: [HCLObjectItem] = []
      for entry in entries {
        let key = HCLExpression(
          .template(HCLTemplate(parts: [.literal(entry.key.text, entry.key.range)], isHeredoc: false)), range: entry.key.range)
        items.append(HCLObjectItem(key: key, keyIsName: false, value: try expression(entry.value, limits: limits, templates: templates)))
      }
      return HCLExpression(.object(items), range: node.range, depth: 1 + (items.map(\.value.depth).max() ?? 0))
    }
  }
}
