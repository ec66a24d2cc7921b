import SourceMap

/// Evaluates template values as CloudFormation would at deploy time, as far as that can be known
/// before deploy: parameters through their defaults (or the values given for one deployment), `Ref`
/// and `Fn::GetAtt` to resources, `Fn::Sub`, `Fn::Join`, `Fn::Select`, `Fn::Split`, `Fn::FindInMap`,
/// and `Fn::If` as one branch per condition value.
///
/// Evaluation is bounded: each value is evaluated on its own (never every combination of every
/// condition in the template), nesting is cut off, and a value with too many branches is unknown.
struct ValueEvaluator {
  let template: Template
  /// Parameter values of one concrete deployment; when given, defaults are taken as definitive too.
  let overrides: [String: String]

  static let maxBranches = 16
  static let maxDepth = 64

  /// Whether `Fn::If` may be decided by its condition (one concrete deployment). Off while a
  /// condition's own operands are evaluated: CloudFormation allows no `Fn::If` there, and deciding one
  /// could lead back to the condition being decided, or decide the same conditions over and over.
  var decidesConditions = true
  /// Whether intrinsic functions are followed. Off inside `Mappings`, which CloudFormation allows to
  /// hold only literals: following them there could look up the same entries again and again.
  var followsFunctions = true

  init(template: Template, overrides: [String: String]) {
    self.template = template
    self.overrides = overrides
  }

  var isConcrete: Bool { !overrides.isEmpty }

  func evaluate(_ node: Node) -> [Branch] {
    evaluate(node, depth: 0)
  }

  private func evaluate(_ node: Node, depth: Int) -> [Branch] {
    guard depth < Self.maxDepth else {
      return [Branch(value: .unknown("the value is nested too deeply to evaluate"), range: node.range)]
    }
    if let call = Intrinsic.match(node) {
      guard followsFunctions else {
        return [Branch(value: .unknown("a mapping value cannot use \(call.name)"), range: node.range)]
      }
      return evaluate(call, depth: depth + 1)
    }
    switch node.content {
    case .scalar(let scalar):
      return [Branch(value: scalar.isNull ? .absent : .text([.literal(scalar.text)]), range: node.range)]
    case .mapping:
      return [Branch(value: .object, range: node.range)]
    case .sequence(let items):
      return combine(items.map { evaluate($0, depth: depth + 1) }, range: node.range) { .list($0) }
    }
  }

  private func evaluate(_ call: Intrinsic, depth: Int) -> [Branch] {
    let argument = call.argument
    let items = argument.items ?? []
    switch call.name {
    case "Ref":
      guard let name = argument.scalar?.text else { return unknown("Ref takes a name", call) }
      return reference(name, call: call)
    case "Fn::GetAtt":
      return getAtt(argument, call: call)
    case "Fn::Sub":
      return substitute(argument, call: call, depth: depth)
    case "Fn::Join":
      guard items.count == 2, let delimiter = items[0].scalar?.text else {
        return unknown("Fn::Join takes a delimiter and a list", call)
      }
      return evaluate(items[1], depth: depth + 1).flatMap { list -> [Branch] in
        var branch = list
        branch.range = call.range
        guard case .list(let values) = list.value else {
          branch.value = .unknown(list.value.unknownReason ?? "Fn::Join of a list known only at deploy time")
          return [branch]
        }
        var parts: [TextPart] = []
        for (index, value) in values.enumerated() {
          if index > 0 && !delimiter.isEmpty { parts.append(.literal(delimiter)) }
          parts += Self.textParts(of: value)
        }
        branch.value = Self.text(parts)
        return [branch]
      }
    case "Fn::If":
      return conditional(items, call: call, depth: depth)
    case "Fn::Select":
      guard items.count == 2 else { return unknown("Fn::Select takes an index and a list", call) }
      let indexes = evaluate(items[0], depth: depth + 1)
      let lists = evaluate(items[1], depth: depth + 1)
      return combine([indexes, lists], range: call.range) { values in
        guard let index = values[0].literalText.flatMap({ Int($0) }), case .list(let list) = values[1] else {
          return .unknown(values[1].unknownReason ?? "Fn::Select of a value known only at deploy time")
        }
        return list.indices.contains(index) ? list[index] : .unknown("Fn::Select index \(index) is out of range")
      }
    case "Fn::Split":
      guard items.count == 2, let delimiter = items[0].scalar?.text, !delimiter.isEmpty else {
        return unknown("Fn::Split takes a delimiter and a string", call)
      }
      return evaluate(items[1], depth: depth + 1).map { source in
        var branch = source
        branch.range = call.range
        if let text = source.value.literalText {
          branch.value = .list(text.split(separator: delimiter, omittingEmptySubsequences: false).map {
            .text([.literal(String($0))])
          })
        } else {
          branch.value = .unknown(source.value.unknownReason ?? "Fn::Split of a value known only at deploy time")
        }
        return branch
      }
    case "Fn::FindInMap":
      return findInMap(items, call: call, depth: depth)
    case "Fn::ImportValue":
      return unknown("it is imported from another stack with Fn::ImportValue", call)
    default:
      return unknown("it is computed by \(call.name) at deploy time", call)
    }
  }

  private func unknown(_ reason: String, _ call: Intrinsic) -> [Branch] {
    [Branch(value: .unknown(reason), range: call.range)]
  }

  /// `Ref name`: a pseudo parameter, a template parameter, or a resource.
  private func reference(_ name: String, call: Intrinsic) -> [Branch] {
    if name == "AWS::NoValue" {
      return [Branch(value: .absent, range: call.range)]
    }
    if name.hasPrefix("AWS::") {
      return [Branch(value: .text([.pseudo(name)]), range: call.range)]
    }
    if let parameter = template.parameters[name] {
      return parameterValue(parameter, call: call)
    }
    if template.resource(name) != nil {
      return [Branch(value: .text([.resource(name, attribute: nil)]), range: call.range)]
    }
    return unknown("it refers to '\(name)', which is not in this template", call)
  }

  private func parameterValue(_ parameter: TemplateParameter, call: Intrinsic) -> [Branch] {
    func value(_ text: String) -> EvaluatedValue {
      guard parameter.isList else { return .text([.literal(text)]) }
      return .list(text.split(separator: ",", omittingEmptySubsequences: false).map {
        .text([.literal($0.trimmingSpaces())])
      })
    }
    if let given = overrides[parameter.name] {
      return [Branch(value: value(given), range: call.range, origin: "parameter \(parameter.name) = \(given)")]
    }
    guard let defaultValue = parameter.defaultValue else {
      return unknown("it comes from parameter \(parameter.name), which has no default", call)
    }
    var branches = [
      Branch(value: value(defaultValue.text), range: call.range, origin: "parameter \(parameter.name), default \(defaultValue.text)")
    ]
    // Any allowed value can be deployed; each other one is a branch of its own, unless the values of
    // one deployment were given.
    if !isConcrete {
      for allowed in parameter.allowedValues where allowed != defaultValue.text {
        guard branches.count < Self.maxBranches else { break }
        branches.append(Branch(
          value: value(allowed), range: call.range, parameterChoices: [parameter.name: allowed],
          origin: "parameter \(parameter.name) allows \(allowed)"))
      }
    }
    return branches
  }

  private func getAtt(_ argument: Node, call: Intrinsic) -> [Branch] {
    let resource: String?
    let attribute: String?
    if let text = argument.scalar?.text {
      let pieces = text.split(separator: ".", maxSplits: 1)
      resource = pieces.first.map(String.init)
      attribute = pieces.count == 2 ? String(pieces[1]) : nil
    } else if let items = argument.items, items.count == 2 {
      resource = items[0].scalar?.text
      attribute = items[1].scalar?.text
    } else {
      return unknown("Fn::GetAtt takes a resource and an attribute", call)
    }
    guard let resource, template.resource(resource) != nil else {
      return unknown("it refers to '\(resource ?? "?")', which is not in this template", call)
    }
    return [Branch(value: .text([.resource(resource, attribute: attribute)]), range: call.range)]
  }

  private func conditional(_ items: [Node], call: Intrinsic, depth: Int) -> [Branch] {
    guard items.count == 3, let condition = items[0].scalar?.text else {
      return unknown("Fn::If takes a condition and two values", call)
    }
    if isConcrete, decidesConditions, let truth = ConditionEvaluator(values: self).truth(of: condition) {
      return evaluate(items[truth ? 1 : 2], depth: depth + 1)
    }
    var branches: [Branch] = []
    for (index, truth) in [(1, true), (2, false)] {
      let assumption = Branch(value: .absent, range: call.range, assumptions: [condition: truth])
      for branch in evaluate(items[index], depth: depth + 1) {
        if let constrained = branch.constrained(by: assumption) { branches.append(constrained) }
      }
    }
    guard branches.count <= Self.maxBranches else {
      return unknown("it has more combinations of conditions than trailwatch evaluates", call)
    }
    return branches
  }

  private func findInMap(_ items: [Node], call: Intrinsic, depth: Int) -> [Branch] {
    guard items.count == 3 || items.count == 4 else {
      return unknown("Fn::FindInMap takes a map name and two keys", call)
    }
    let keys = items.prefix(3).map { evaluate($0, depth: depth + 1) }
    let fallback = items.count == 4 ? items[3]["DefaultValue"] : nil
    var branches: [Branch] = []
    for combination in Self.product(keys) {
      guard let merged = Self.merge(combination, range: call.range) else { continue }
      let names = combination.map(\.value.literalText)
      guard let mapName = names[0], let topKey = names[1], let secondKey = names[2] else {
        branches.append(Branch(value: .unknown("Fn::FindInMap with a key known only at deploy time"), range: call.range))
        continue
      }
      let found = template.mappings?[mapName]?[topKey]?[secondKey] ?? fallback
      guard let found else {
        branches.append(Branch(value: .unknown("Fn::FindInMap finds no \(mapName).\(topKey).\(secondKey)"), range: call.range))
        continue
      }
      var literals = self
      literals.followsFunctions = false
      for branch in literals.evaluate(found, depth: depth + 1) {
        if var constrained = branch.constrained(by: merged) {
          constrained.range = call.range
          branches.append(constrained)
        }
      }
    }
    return branches.count <= Self.maxBranches ? branches : unknown("it has too many combinations to evaluate", call)
  }

  private func substitute(_ argument: Node, call: Intrinsic, depth: Int) -> [Branch] {
    let format: String
    var variables: [String: Node] = [:]
    if let text = argument.scalar?.text {
      format = text
    } else if let items = argument.items, items.count == 2, let text = items[0].scalar?.text {
      format = text
      for entry in items[1].entries ?? [] { variables[entry.key.text] = entry.value }
    } else {
      return unknown("Fn::Sub takes a string, or a string and a map of variables", call)
    }
    var pieces: [[Branch]] = []
    // Each variable is evaluated once, however often the format names it: nested `Fn::Sub`s that
    // name their variable twice would otherwise double the work at every level.
    var evaluated: [String: [Branch]] = [:]
    for piece in SubstitutionFormat.pieces(of: format) {
      switch piece {
      case .literal(let text):
        pieces.append([Branch(value: .text([.literal(text)]), range: call.range)])
      case .variable(let name):
        if let known = evaluated[name] {
          pieces.append(known)
        } else if let node = variables[name] {
          let branches = evaluate(node, depth: depth + 1)
          evaluated[name] = branches
          pieces.append(branches)
        } else if let dot = name.firstIndex(of: "."), !name.hasPrefix("AWS::") {
          let resource = String(name[..<dot])
          let attribute = String(name[name.index(after: dot)...])
          let exists = template.resource(resource) != nil
          pieces.append([Branch(
            value: exists ? .text([.resource(resource, attribute: attribute)])
              : .unknown("it refers to '\(resource)', which is not in this template"),
            range: call.range)])
        } else {
          pieces.append(reference(name, call: call))
        }
      }
      guard pieces.count <= 4096 else { return unknown("Fn::Sub has too many variables to evaluate", call) }
    }
    return combine(pieces, range: call.range) { values in
      Self.text(values.flatMap(Self.textParts(of:)))
    }
  }

  /// Every combination of one branch per piece, with assumptions merged and contradictions dropped.
  private func combine(_ pieces: [[Branch]], range: SourceRange, _ build: ([EvaluatedValue]) -> EvaluatedValue) -> [Branch] {
    // Most values have one branch per piece: build that directly, without a product.
    if pieces.allSatisfy({ $0.count == 1 }) {
      var result = Branch(value: build(pieces.map { $0[0].value }), range: range)
      for piece in pieces {
        guard let constrained = result.constrained(by: piece[0]) else { return [] }
        result = constrained
      }
      return [result]
    }
    let count = pieces.reduce(1) { $0 > Self.maxBranches ? $0 : $0 * max($1.count, 1) }
    guard count <= Self.maxBranches else {
      return [Branch(value: .unknown("it has more combinations of conditions than trailwatch evaluates"), range: range)]
    }
    return Self.product(pieces).compactMap { combination in
      guard var merged = Self.merge(combination, range: range) else { return nil }
      merged.value = build(combination.map(\.value))
      return merged
    }
  }

  private static func merge(_ combination: [Branch], range: SourceRange) -> Branch? {
    var merged = Branch(value: .absent, range: range)
    for branch in combination {
      guard let constrained = merged.constrained(by: branch) else { return nil }
      merged = constrained
    }
    return merged
  }

  private static func product(_ pieces: [[Branch]]) -> [[Branch]] {
    pieces.reduce([[]]) { partial, piece in
      partial.flatMap { prefix in piece.map { prefix + [$0] } }
    }
  }

  /// The most parts, and the most bytes of literal text, a built string may have. No real ARN or name
  /// comes near; `Fn::Sub`s that name a variable twice, nested, would otherwise double at every level.
  static let maxTextParts = 4096
  static let maxTextBytes = 1 << 20

  /// A string built from parts, or unknown when it is past the bounds.
  static func text(_ parts: [TextPart]) -> EvaluatedValue {
    guard parts.count <= maxTextParts else { return .unknown("the value is too long to evaluate") }
    var bytes = 0
    for case .literal(let literal) in parts {
      bytes += literal.utf8.count
      if bytes > maxTextBytes { return .unknown("the value is too long to evaluate") }
    }
    return .text(parts)
  }

  /// A value as parts of a string it is spliced into.
  static func textParts(of value: EvaluatedValue) -> [TextPart] {
    switch value {
    case .text(let parts): return parts
    case .absent: return []
    case .unknown(let reason): return [.unknown(reason)]
    case .list: return [.unknown("a list is spliced into a string")]
    case .object: return [.unknown("a mapping is spliced into a string")]
    }
  }
}
