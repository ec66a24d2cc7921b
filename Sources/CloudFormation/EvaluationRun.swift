import SourceMap

/// One evaluation of one value: `ValueEvaluator`'s work, with the step budget it spends.
struct EvaluationRun {
  let evaluator: ValueEvaluator
  private var steps = ValueEvaluator.maxSteps

  init(evaluator: ValueEvaluator) {
    self.evaluator = evaluator
  }

  private var template: Template { evaluator.template }
  private static let maxBranches = ValueEvaluator.maxBranches

  mutating func evaluate(_ node: Node, depth: Int) -> [Branch] {
    steps -= 1
    guard steps > 0 else {
      return [Branch(value: .unknown("the value is too large to evaluate"), range: node.range)]
    }
    guard depth < ValueEvaluator.maxDepth else {
      return [Branch(value: .unknown("the value is nested too deeply to evaluate"), range: node.range)]
    }
    if let call = Intrinsic.match(node) {
      return evaluate(call, depth: depth + 1)
    }
    switch node.content {
    case .scalar(let scalar):
      if scalar.text.holdsDynamicReference {
        // A dynamic reference: CloudFormation reads it from SSM or Secrets Manager at deploy time.
        return [Branch(value: .unknown("it is a dynamic reference resolved at deploy time"), range: node.range)]
      }
      return [Branch(value: scalar.isNull ? .absent : .text([.literal(scalar.text)]), range: node.range)]
    case .mapping:
      return [Branch(value: .object, range: node.range)]
    case .sequence(let items):
      var pieces: [[Branch]] = []
      for item in items { pieces.append(evaluate(item, depth: depth + 1)) }
      return combine(pieces, range: node.range) { .list($0) }
    }
  }

  private mutating func evaluate(_ call: Intrinsic, depth: Int) -> [Branch] {
    let argument = call.argument
    let items = argument.items ?? []
    switch call.name {
    case "Ref":
      guard let name = literal(argument, depth: depth) else { return unknown("Ref takes a name", call) }
      return reference(name, range: call.range)
    case "Fn::GetAtt":
      return getAtt(argument, call: call, depth: depth)
    case "Fn::Sub":
      return substitute(argument, call: call, depth: depth)
    case "Fn::Join":
      return join(items, call: call, depth: depth)
    case "Fn::If":
      return conditional(items, call: call, depth: depth)
    case "Fn::Select":
      guard items.count == 2 else { return unknown("Fn::Select takes an index and a list", call) }
      let pieces = [evaluate(items[0], depth: depth + 1), evaluate(items[1], depth: depth + 1)]
      return combine(pieces, range: call.range) { values in
        guard let index = values[0].literalText.flatMap({ Int($0) }), case .list(let list) = values[1] else {
          return .unknown(values[1].unknownReason ?? values[0].unknownReason ?? "Fn::Select of a value known only at deploy time")
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
        } else if case .text(let parts) = source.value, let items = Self.split(parts, by: delimiter) {
          branch.value = .list(items.map { .text($0) })
        } else {
          branch.value = .unknown(source.value.unknownReason ?? "Fn::Split of a value known only at deploy time")
        }
        return branch
      }
    case "Fn::FindInMap":
      return findInMap(items, call: call, depth: depth)
    case "Fn::Length":
      return evaluate(argument, depth: depth + 1).map { source in
        var branch = source
        branch.range = call.range
        if case .list(let list) = source.value {
          branch.value = .text([.literal(String(list.count))])
        } else {
          branch.value = .unknown(source.value.unknownReason ?? "Fn::Length of a value known only at deploy time")
        }
        return branch
      }
    case "Fn::ImportValue":
      return unknown("it is imported from another stack with Fn::ImportValue", call)
    case "Fn::GetAZs":
      return unknown("it is the list of the region's Availability Zones, known at deploy time", call)
    case "Fn::Base64":
      return unknown("it is encoded with Fn::Base64", call)
    case "Fn::Cidr":
      return unknown("it is computed by Fn::Cidr at deploy time", call)
    case "Fn::Transform":
      let name = argument["Name"]?.scalar?.text ?? "a macro"
      return unknown("it is inserted by the \(name) transform at deploy time", call)
    default:
      return unknown("it is computed by \(call.name) at deploy time", call)
    }
  }

  /// Characters no deploy-time value trailwatch models can hold (ARNs, names, ids, pseudo parameters),
  /// so splitting on them can be done around those values.
  private static let safeDelimiterCharacters: Set<Character> = ["|", ",", ";", " ", "\t", "\n"]

  /// A string of literal and deploy-time parts split on a delimiter that can only occur in the
  /// literal ones; nil when a deploy-time part might hold it.
  private static func split(_ parts: [TextPart], by delimiter: String) -> [[TextPart]]? {
    guard delimiter.allSatisfy(safeDelimiterCharacters.contains) else { return nil }
    var items: [[TextPart]] = [[]]
    for part in parts {
      guard case .literal(let text) = part else {
        if case .unknown = part { return nil }
        items[items.count - 1].append(part)
        continue
      }
      let pieces = text.split(separator: delimiter, omittingEmptySubsequences: false)
      for (index, piece) in pieces.enumerated() {
        if index > 0 { items.append([]) }
        if !piece.isEmpty { items[items.count - 1].append(.literal(String(piece))) }
      }
    }
    return items.map { $0.isEmpty ? [.literal("")] : $0 }
  }

  private func unknown(_ reason: String, _ call: Intrinsic) -> [Branch] {
    [Branch(value: .unknown(reason), range: call.range)]
  }

  /// The text a name-like argument has: a plain scalar, or an intrinsic that evaluates to one
  /// unconditional literal (`AWS::LanguageExtensions` allows `!GetAtt [!Sub "Log${Name}", Arn]`).
  private mutating func literal(_ node: Node, depth: Int) -> String? {
    if let scalar = node.scalar, node.tag == nil { return scalar.isNull ? nil : scalar.text }
    guard Intrinsic.match(node) != nil else { return nil }
    let branches = evaluate(node, depth: depth + 1)
    guard branches.count == 1, branches[0].isUnconditional else { return nil }
    return branches[0].value.literalText
  }

  /// `Ref name`: a pseudo parameter, a template parameter, or a resource.
  mutating func reference(_ name: String, range: SourceRange) -> [Branch] {
    if name == "AWS::NoValue" {
      return [Branch(value: .absent, range: range)]
    }
    if name.hasPrefix("AWS::") {
      return [Branch(value: .text([.pseudo(name)]), range: range)]
    }
    if let parameter = template.parameters[name] {
      return parameterValue(parameter, range: range)
    }
    if template.resource(name) != nil {
      return [Branch(value: .text([.resource(name, attribute: nil)]), range: range)]
    }
    return [Branch(value: .unknown("it refers to '\(name)', which is not in this template"), range: range)]
  }

  private func parameterValue(_ parameter: TemplateParameter, range: SourceRange) -> [Branch] {
    func value(_ text: String) -> EvaluatedValue {
      guard parameter.isList else { return .text([.literal(text)]) }
      return .list(text.split(separator: ",", omittingEmptySubsequences: false).map {
        .text([.literal($0.trimmingSpaces())])
      })
    }
    if let given = evaluator.overrides[parameter.name] {
      return [Branch(
        value: value(given), range: range, choices: [parameter.name: ParameterChoice(value: given, isDefault: true)],
        origin: "parameter \(parameter.name) = \(given)")]
    }
    guard let defaultValue = parameter.defaultValue else {
      return [Branch(value: .unknown("it comes from parameter \(parameter.name), which has no default"), range: range)]
    }
    var branches = [
      Branch(
        value: value(defaultValue.text), range: range,
        choices: [parameter.name: ParameterChoice(value: defaultValue.text, isDefault: true)],
        origin: "parameter \(parameter.name), default \(defaultValue.text)")
    ]
    // Any allowed value can be deployed; each other one is a branch of its own, unless the values of
    // one deployment were given.
    if !evaluator.isConcrete {
      for allowed in parameter.allowedValues where allowed != defaultValue.text {
        guard branches.count < Self.maxBranches else { break }
        branches.append(Branch(
          value: value(allowed), range: range, choices: [parameter.name: ParameterChoice(value: allowed, isDefault: false)],
          origin: "one of its AllowedValues; the default is \(defaultValue.text)"))
      }
    }
    return branches
  }

  private mutating func getAtt(_ argument: Node, call: Intrinsic, depth: Int) -> [Branch] {
    let resource: String?
    let attribute: String?
    if let text = argument.scalar?.text, argument.tag == nil {
      // `!GetAtt A.B.C` is resource A, attribute B.C.
      let pieces = text.split(separator: ".", maxSplits: 1)
      resource = pieces.first.map(String.init)
      attribute = pieces.count == 2 ? String(pieces[1]) : nil
    } else if let items = argument.items, items.count == 2 {
      resource = literal(items[0], depth: depth)
      attribute = literal(items[1], depth: depth)
    } else {
      return unknown("Fn::GetAtt takes a resource and an attribute", call)
    }
    guard let resource else {
      return unknown("Fn::GetAtt names its resource with a value known only at deploy time", call)
    }
    guard template.resource(resource) != nil else {
      return unknown("it refers to '\(resource)', which is not in this template", call)
    }
    return [Branch(value: .text([.resource(resource, attribute: attribute)]), range: call.range)]
  }

  private mutating func join(_ items: [Node], call: Intrinsic, depth: Int) -> [Branch] {
    guard items.count == 2, let delimiter = items[0].scalar?.text else {
      return unknown("Fn::Join takes a delimiter and a list", call)
    }
    return evaluate(items[1], depth: depth + 1).map { list in
      var branch = list
      branch.range = call.range
      guard case .list(let values) = list.value else {
        branch.value = .unknown(list.value.unknownReason ?? "Fn::Join of a list known only at deploy time")
        return branch
      }
      var parts: [TextPart] = []
      for (index, value) in values.enumerated() {
        if index > 0 && !delimiter.isEmpty { parts.append(.literal(delimiter)) }
        parts += ValueEvaluator.textParts(of: value)
      }
      branch.value = ValueEvaluator.text(parts)
      return branch
    }
  }

  private mutating func conditional(_ items: [Node], call: Intrinsic, depth: Int) -> [Branch] {
    guard items.count == 3, let condition = items[0].scalar?.text else {
      return unknown("Fn::If takes a condition and two values", call)
    }
    if let truth = evaluator.settledConditions[condition] {
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

  private mutating func findInMap(_ items: [Node], call: Intrinsic, depth: Int) -> [Branch] {
    guard items.count == 3 || items.count == 4 else {
      return unknown("Fn::FindInMap takes a map name and two keys", call)
    }
    var keys: [[Branch]] = []
    for item in items.prefix(3) { keys.append(evaluate(item, depth: depth + 1)) }
    guard keys.reduce(1, { $0 * max($1.count, 1) }) <= Self.maxBranches else {
      return unknown("it has more combinations of conditions than trailwatch evaluates", call)
    }
    let fallback = items.count == 4 ? items[3]["DefaultValue"] : nil
    var branches: [Branch] = []
    for combination in Self.product(keys) {
      guard let merged = Self.merge(combination, range: call.range) else { continue }
      let names = combination.map(\.value.literalText)
      guard let mapName = names[0], let topKey = names[1], let secondKey = names[2] else {
        let reason = combination.lazy.compactMap(\.value.unknownReason).first ?? "a key is known only at deploy time"
        var branch = merged
        branch.value = .unknown("Fn::FindInMap cannot be looked up before deploy: \(reason)")
        branches.append(branch)
        continue
      }
      guard let found = template.mappings?[mapName]?[topKey]?[secondKey] ?? fallback else {
        var branch = merged
        branch.value = .unknown("Fn::FindInMap finds no \(mapName).\(topKey).\(secondKey)")
        branches.append(branch)
        continue
      }
      for branch in evaluate(found, depth: depth + 1) {
        if var constrained = branch.constrained(by: merged) {
          constrained.range = call.range
          branches.append(constrained)
        }
      }
    }
    return branches.count <= Self.maxBranches
      ? branches : unknown("it has more combinations of conditions than trailwatch evaluates", call)
  }

  private mutating func substitute(_ argument: Node, call: Intrinsic, depth: Int) -> [Branch] {
    let format: String
    var variables: [String: Node] = [:]
    if let text = argument.scalar?.text, argument.tag == nil {
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
          pieces.append(reference(name, range: call.range))
        }
      }
      steps -= 1
      guard steps > 0 else { return unknown("the value is too large to evaluate", call) }
    }
    return combine(pieces, range: call.range) { values in
      ValueEvaluator.text(values.flatMap(ValueEvaluator.textParts(of:)))
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
}
