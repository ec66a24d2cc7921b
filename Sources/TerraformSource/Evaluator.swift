import SourceMap

/// Evaluates a root module's expressions as far as its configuration tells: variables (from the
/// command line, variable files or defaults), locals, module inputs and outputs of local modules,
/// resource arguments, `count` and `for_each`, templates, operators, `for` expressions and the common
/// functions. Attributes known only after apply stay references; anything else that cannot be known
/// is `.unknown` with the reason.
///
/// Bounded: references are followed to a fixed depth, a reference loop is unknown rather than
/// endless, collections and module instances are capped, and the total work is limited.
struct Evaluator {
  let fileSystem: any TerraformFileSystem
  let limits: ReaderLimits
  var modules: [ModuleConfig] = []
  var moduleByDirectory: [String: Int] = [:]
  var instances: [ModuleInstance] = []
  /// Values of the root module's variables from variable files and the command line.
  var rootValues: [String: RootValue] = [:]

  private var cache: [CacheKey: TerraformValue] = [:]
  private var inProgress: Set<CacheKey> = []
  private var expansions: [ExpansionKey: Expansion] = [:]
  private var children: [ExpansionKey: ChildCall] = [:]
  private var depth = 0
  private var work = 0

  static let maxEvaluationDepth = 200
  static let maxWork = 500_000
  static let maxElements = 10_000
  /// The longest text a value may hold: templates that double a string through a chain of locals
  /// would otherwise grow without bound.
  static let maxTextLength = 1 << 20
  /// The most references and unknown parts one text may hold, for the same reason.
  static let maxPieces = 1_000
  static let maxInstances = 256
  static let maxModuleDepth = 16

  struct RootValue {
    var value: TerraformValue
    /// "variable days = 400 from --var", "variable days = 30 in terraform.tfvars".
    var origin: String
  }

  private enum CacheKey: Hashable {
    case local(Int, String)
    case variable(Int, String)
    case output(Int, String)
    case attribute(InstanceReference, String)
    case expansion(Int, Int)
    case call(Int, String)
  }

  private struct ExpansionKey: Hashable {
    var module: Int
    var item: Int
    var call: String = ""
  }

  /// What a `module` block resolved to.
  enum ChildCall {
    /// A local module: its instances by key, and how the call expanded.
    case local([(InstanceKey, Int)], Expansion)
    case remote(String)
    case failed(String)
  }

  init(rootDirectory: String, fileSystem: any TerraformFileSystem, limits: ReaderLimits) {
    self.fileSystem = fileSystem
    self.limits = limits
    let root = module(at: rootDirectory)
    instances.append(ModuleInstance(config: root, prefix: "", parent: nil, call: nil, callScope: nil, condition: nil, depth: 0))
  }

  /// The loaded configuration of a directory, read once.
  mutating func module(at directory: String) -> Int {
    let key = TerraformPath.normalize(directory)
    if let index = moduleByDirectory[key] { return index }
    modules.append(ModuleConfig.load(directory: directory, from: fileSystem, limits: limits))
    moduleByDirectory[key] = modules.count - 1
    return modules.count - 1
  }

  func config(of instance: Int) -> ModuleConfig {
    modules[instances[instance].config]
  }

  // MARK: - Expressions

  mutating func evaluate(_ expression: HCLExpression, in scope: EvaluationScope) -> TerraformValue {
    work += 1
    guard work < Self.maxWork else { return .unknown("the configuration is too large to evaluate") }
    guard depth < Self.maxEvaluationDepth else { return .unknown("its references nest too deeply to follow") }
    depth += 1
    defer { depth -= 1 }
    switch expression.kind {
    case .number(let text):
      return Double(text).map { .number($0) } ?? .unknown("the number \(text) cannot be read")
    case .bool(let value):
      return .bool(value)
    case .null:
      return .null
    case .template(let template):
      return evaluateTemplate(template.parts, in: scope, unwrap: true)
    case .tuple(let items):
      var values: [TerraformValue] = []
      for item in items { values.append(evaluate(item, in: scope)) }
      return Self.bounded(.tuple(values))
    case .object(let items):
      var object: [String: TerraformValue] = [:]
      for item in items {
        let key: String
        if let literal = item.literalKey {
          key = literal
        } else {
          let value = evaluate(item.key, in: scope)
          guard let text = value.knownText else {
            return .unknown(value.unknownReason ?? "an object key is known only after apply")
          }
          key = text
        }
        object[key] = evaluate(item.value, in: scope)
      }
      return Self.bounded(.object(object))
    case .variable(let name):
      return traverse(expression, [], in: scope, rootName: name)
    case .traversal(let source, let steps):
      if case .variable(let name) = source.kind {
        return traverse(source, steps, in: scope, rootName: name)
      }
      return apply(steps[...], to: evaluate(source, in: scope), in: scope)
    case .call(let call):
      return callFunction(call, in: scope)
    case .forExpression(let loop):
      return evaluateFor(loop, in: scope)
    case .unary(let operation, let operand):
      let value = evaluate(operand, in: scope)
      switch operation {
      case .negate:
        guard let number = Self.number(value) else { return Self.unknown(value, "a negated value") }
        return .number(-number)
      case .not:
        guard let bool = Self.bool(value) else { return Self.unknown(value, "a negated condition") }
        return .bool(!bool)
      }
    case .binary(let operation, let left, let right):
      return binary(operation, left, right, in: scope)
    case .conditional(let condition, let whenTrue, let whenFalse):
      let test = evaluate(condition, in: scope)
      guard let choice = Self.bool(test) else {
        return Self.unknown(test, "a condition that is not true or false")
      }
      return evaluate(choice ? whenTrue : whenFalse, in: scope)
    case .parenthesized(let inner):
      return evaluate(inner, in: scope)
    }
  }

  private mutating func binary(
    _ operation: HCLBinaryOperator, _ leftExpression: HCLExpression, _ rightExpression: HCLExpression,
    in scope: EvaluationScope
  ) -> TerraformValue {
    let left = evaluate(leftExpression, in: scope)
    switch operation {
    case .and, .or:
      let leftBool = Self.bool(left)
      if leftBool == (operation == .or) { return .bool(operation == .or) }
      let right = evaluate(rightExpression, in: scope)
      guard let rightBool = Self.bool(right) else { return Self.unknown(right, "a condition that is not true or false") }
      guard let leftBool else {
        if rightBool == (operation == .or) { return .bool(operation == .or) }
        return Self.unknown(left, "a condition that is not true or false")
      }
      return .bool(operation == .or ? leftBool || rightBool : leftBool && rightBool)
    case .equal, .notEqual:
      let right = evaluate(rightExpression, in: scope)
      guard let same = Self.equal(left, right) else {
        return .unknown(left.unknownReason ?? right.unknownReason ?? "a comparison of values known only after apply")
      }
      return .bool(operation == .equal ? same : !same)
    case .less, .lessOrEqual, .greater, .greaterOrEqual, .add, .subtract, .multiply, .divide, .modulo:
      let right = evaluate(rightExpression, in: scope)
      guard let a = Self.number(left) else { return Self.unknown(left, "arithmetic on a value that is not a number") }
      guard let b = Self.number(right) else { return Self.unknown(right, "arithmetic on a value that is not a number") }
      switch operation {
      case .less: return .bool(a < b)
      case .lessOrEqual: return .bool(a <= b)
      case .greater: return .bool(a > b)
      case .greaterOrEqual: return .bool(a >= b)
      case .add: return .number(a + b)
      case .subtract: return .number(a - b)
      case .multiply: return .number(a * b)
      case .divide: return b == 0 ? .unknown("a division by zero") : .number(a / b)
      default: return b == 0 ? .unknown("a remainder of a division by zero") : .number(a.truncatingRemainder(dividingBy: b))
      }
    }
  }

  // MARK: - Templates and for expressions

  mutating func evaluateTemplate(_ parts: [HCLTemplatePart], in scope: EvaluationScope, unwrap: Bool) -> TerraformValue {
    if unwrap, parts.count == 1, case .interpolation(let only) = parts[0] {
      return evaluate(only, in: scope)
    }
    var pieces: [StringPiece] = []
    for part in parts {
      switch part {
      case .literal(let text, _):
        pieces.append(.text(text))
      case .interpolation(let expression):
        pieces += evaluate(expression, in: scope).pieces
      case .conditional(let directive):
        let test = evaluate(directive.condition, in: scope)
        guard let choice = Self.bool(test) else {
          pieces.append(.unknown(test.unknownReason ?? "a template condition that is not true or false"))
          continue
        }
        if let chosen = choice ? directive.whenTrue : directive.whenFalse {
          pieces += evaluateTemplate(chosen, in: scope, unwrap: false).pieces
        }
      case .loop(let loop):
        guard let elements = elements(of: evaluate(loop.collection, in: scope)) else {
          pieces.append(.unknown("a template loop over a collection known only after apply"))
          continue
        }
        for (key, value) in elements {
          var inner = scope
          inner.names[loop.valueVariable] = value
          if let keyVariable = loop.keyVariable { inner.names[keyVariable] = key }
          pieces += evaluateTemplate(loop.body, in: inner, unwrap: false).pieces
        }
      }
    }
    return Self.bounded(.string(Self.merged(pieces)))
  }

  /// The value, or unknown when it holds more text or elements than the evaluator keeps.
  static func bounded(_ value: TerraformValue) -> TerraformValue {
    switch value {
    case .string(let pieces):
      guard pieces.count <= maxPieces else { return .unknown("a text built from more than \(maxPieces) parts") }
      var length = 0
      for case .text(let text) in pieces { length += text.utf8.count }
      return length > maxTextLength ? .unknown("a text longer than \(maxTextLength) bytes") : value
    case .tuple(let items):
      return items.count > maxElements ? .unknown("a list of more than \(maxElements) elements") : value
    case .object(let object):
      return object.count > maxElements ? .unknown("an object of more than \(maxElements) elements") : value
    default:
      return value
    }
  }

  /// Adjacent literal text joined; only the first unknown part kept, since one is enough to make the
  /// whole text unknown and its reason the one reported.
  static func merged(_ pieces: [StringPiece]) -> [StringPiece] {
    var result: [StringPiece] = []
    var hasUnknown = false
    for piece in pieces {
      switch piece {
      case .text(""):
        continue
      case .text(let text):
        if case .text(let previous)? = result.last {
          result[result.count - 1] = .text(previous + text)
        } else {
          result.append(piece)
        }
      case .unknown:
        if !hasUnknown { result.append(piece) }
        hasUnknown = true
      case .attribute:
        result.append(piece)
      }
    }
    return result
  }

  /// The key/value pairs a `for` iterates: indexes of a list, keys of an object in lexical order.
  func elements(of collection: TerraformValue) -> [(TerraformValue, TerraformValue)]? {
    switch collection {
    case .tuple(let items):
      guard items.count <= Self.maxElements else { return nil }
      return items.enumerated().map { (.number(Double($0.offset)), $0.element) }
    case .object(let object):
      guard object.count <= Self.maxElements else { return nil }
      return object.keys.sorted().map { (.text($0), object[$0] ?? .null) }
    default:
      return nil
    }
  }

  private mutating func evaluateFor(_ loop: HCLForExpression, in scope: EvaluationScope) -> TerraformValue {
    let collection = evaluate(loop.collection, in: scope)
    guard let elements = elements(of: collection) else {
      return Self.unknown(collection, "a for expression over something that is not a collection")
    }
    var items: [TerraformValue] = []
    var object: [String: TerraformValue] = [:]
    for (key, value) in elements {
      var inner = scope
      inner.names[loop.valueVariable] = value
      if let keyVariable = loop.keyVariable { inner.names[keyVariable] = key }
      if let condition = loop.condition {
        let test = evaluate(condition, in: inner)
        guard let keep = Self.bool(test) else { return Self.unknown(test, "a for expression's condition") }
        if !keep { continue }
      }
      let element = evaluate(loop.valueExpression, in: inner)
      guard let keyExpression = loop.keyExpression else {
        items.append(element)
        continue
      }
      let name = evaluate(keyExpression, in: inner)
      guard let text = name.knownText else { return Self.unknown(name, "a for expression's key") }
      if loop.isGrouping {
        if case .tuple(let group)? = object[text] {
          object[text] = .tuple(group + [element])
        } else {
          object[text] = .tuple([element])
        }
      } else {
        object[text] = element
      }
    }
    return Self.bounded(loop.producesObject ? .object(object) : .tuple(items))
  }

  // MARK: - References

  /// `var.x`, `local.x`, `module.m.out`, `data.t.n.attr`, `aws_x.n.attr`, `count.index`, `each.key`,
  /// `path.module`, or a `for` variable, followed by the remaining steps.
  private mutating func traverse(
    _ source: HCLExpression, _ steps: [HCLTraversalStep], in scope: EvaluationScope, rootName root: String
  ) -> TerraformValue {
    if let bound = scope.names[root] { return apply(steps[...], to: bound, in: scope) }
    func name(_ index: Int) -> String? {
      if index < steps.count, case .attribute(let name, _) = steps[index] { return name }
      return nil
    }
    let value: TerraformValue
    var used = 1
    switch root {
    case "var":
      guard let variable = name(0) else { return .unknown("'var' is used without a variable name") }
      value = self.variable(variable, in: scope.module)
    case "local":
      guard let local = name(0) else { return .unknown("'local' is used without a name") }
      value = self.local(local, in: scope.module)
    case "count":
      value = name(0) == "index" ? (scope.countIndex ?? .unknown("count.index outside a resource with count")) : .unknown("count has only index")
    case "each":
      switch name(0) {
      case "key": value = scope.eachKey ?? .unknown("each.key outside a resource with for_each")
      case "value": value = scope.eachValue ?? .unknown("each.value outside a resource with for_each")
      default: value = .unknown("each has only key and value")
      }
    case "path":
      switch name(0) {
      case "module": value = .text(config(of: scope.module).directory)
      case "root": value = .text(config(of: 0).directory)
      default: value = .text(".")
      }
    case "terraform":
      value = name(0) == "workspace" ? .text("default") : .unknown("terraform.\(name(0) ?? "") is known only when Terraform runs")
    case "module":
      guard let call = name(0) else { return .unknown("'module' is used without a module name") }
      value = moduleValue(call, in: scope.module)
    case "data":
      guard let type = name(0), let dataName = name(1) else { return .unknown("'data' is used without a type and a name") }
      value = resourceValue("data.\(type).\(dataName)", in: scope.module)
      used = 2
    case "self":
      return .unknown("self is known only inside provisioners")
    default:
      guard let resourceName = name(0) else {
        return .unknown("'\(root)' is not something this configuration declares")
      }
      value = resourceValue("\(root).\(resourceName)", in: scope.module)
    }
    return apply(steps[min(used, steps.count)...], to: value, in: scope)
  }

  private mutating func apply(_ steps: ArraySlice<HCLTraversalStep>, to value: TerraformValue, in scope: EvaluationScope) -> TerraformValue {
    var current = value
    var index = steps.startIndex
    while index < steps.endIndex {
      let step = steps[index]
      index += 1
      switch step {
      case .attribute(let name, _):
        current = attribute(name, of: current)
      case .index(let key):
        current = element(evaluate(key, in: scope), of: current)
      case .legacyIndex(let position, _):
        current = element(.number(Double(position)), of: current)
      case .attributeSplat, .fullSplat:
        var end = index
        while end < steps.endIndex {
          if case .attribute = steps[end] {
            end += 1
          } else if case .fullSplat = step, case .index = steps[end] {
            end += 1
          } else if case .fullSplat = step, case .legacyIndex = steps[end] {
            end += 1
          } else {
            break
          }
        }
        let inner = steps[index..<end]
        let items: [TerraformValue]
        switch current {
        case .tuple(let elements): items = elements
        case .null: items = []
        case .unknown: return current
        default: items = [current]
        }
        var results: [TerraformValue] = []
        for item in items { results.append(apply(inner, to: item, in: scope)) }
        current = .tuple(results)
        index = end
      }
    }
    return current
  }

  private mutating func attribute(_ name: String, of value: TerraformValue) -> TerraformValue {
    switch value {
    case .object(let object): return object[name] ?? .unknown("the object has no attribute '\(name)'")
    case .instance(let reference): return resourceAttribute(name, of: reference)
    case .moduleOutputs(let instance): return output(name, of: instance)
    case .unknown: return value
    case .null: return .unknown("'\(name)' of a null value")
    default: return .unknown("'\(name)' of a value that has no attributes")
    }
  }

  private func element(_ key: TerraformValue, of value: TerraformValue) -> TerraformValue {
    switch value {
    case .tuple(let items):
      guard let number = Self.number(key) else { return Self.unknown(key, "an index known only after apply") }
      let index = Int(number)
      return items.indices.contains(index) ? items[index] : .unknown("index \(index) is out of range")
    case .object(let object):
      guard let text = key.knownText else { return Self.unknown(key, "a key known only after apply") }
      return object[text] ?? .unknown("the object has no element '\(text)'")
    case .instance(let reference) where reference.key == .unknown:
      return value
    case .moduleOutputs:
      return value
    case .unknown:
      return value
    default:
      return .unknown("an index into a value that is not a collection")
    }
  }

  // MARK: - Variables, locals, outputs

  mutating func variable(_ name: String, in module: Int) -> TerraformValue {
    let key = CacheKey.variable(module, name)
    if let cached = cache[key] { return cached }
    guard !inProgress.contains(key) else { return .unknown("variable \(name) refers to itself") }
    inProgress.insert(key)
    defer { inProgress.remove(key) }
    let instance = instances[module]
    let value: TerraformValue
    if let declaration = config(of: module).variables[name] {
      if instance.parent == nil, let given = rootValues[name] {
        value = given.value
      } else if let call = instance.call, let input = call.block.body.attribute(name), let callScope = instance.callScope {
        value = evaluate(input.value, in: callScope)
      } else if let defaultValue = declaration.block.body.attribute("default") {
        value = evaluate(defaultValue.value, in: EvaluationScope(module: module))
      } else if instance.parent == nil {
        value = .unknown(
          "it comes from variable \(name), which has no default and is given no value (--var, --var-file or terraform.tfvars)")
      } else {
        value = .unknown("input \(name) of \(String(instance.prefix.dropLast())) is not set")
      }
    } else {
      value = .unknown("variable \(name) is not declared")
    }
    cache[key] = value
    return value
  }

  mutating func local(_ name: String, in module: Int) -> TerraformValue {
    memoized(.local(module, name), selfReference: "local.\(name) refers to itself") { evaluator in
      guard let local = evaluator.config(of: module).locals[name] else { return .unknown("local.\(name) is not declared") }
      return evaluator.evaluate(local.attribute.value, in: EvaluationScope(module: module))
    }
  }

  mutating func output(_ name: String, of module: Int) -> TerraformValue {
    memoized(.output(module, name), selfReference: "output \(name) refers to itself") { evaluator in
      guard let output = evaluator.config(of: module).outputs[name] else {
        return .unknown("\(String(evaluator.instances[module].prefix.dropLast())) has no output \(name)")
      }
      return evaluator.evaluate(output.attribute.value, in: EvaluationScope(module: module))
    }
  }

  /// A named value computed once, and unknown while it is being computed, so a reference loop ends.
  private mutating func memoized(
    _ key: CacheKey, selfReference: String, _ compute: (inout Evaluator) -> TerraformValue
  ) -> TerraformValue {
    if let cached = cache[key] { return cached }
    guard !inProgress.contains(key) else { return .unknown(selfReference) }
    inProgress.insert(key)
    defer { inProgress.remove(key) }
    let value = compute(&self)
    cache[key] = value
    return value
  }

  // MARK: - Resources

  /// The address of one instance: `module.audit.aws_cloudtrail.main[0]`.
  func address(of reference: InstanceReference) -> String {
    instances[reference.module].prefix + config(of: reference.module).resources[reference.resource].address
      + reference.key.suffix
  }

  /// A resource or data block as a value: one instance, a list (count) or an object (for_each).
  private mutating func resourceValue(_ address: String, in module: Int) -> TerraformValue {
    guard let index = config(of: module).resourceIndex[address] else {
      return .unknown("\(address) is not declared in \(config(of: module).directory)")
    }
    switch expansion(ofResource: index, in: module) {
    case .single:
      return .instance(InstanceReference(module: module, resource: index, key: .single))
    case .count(let count):
      return .tuple((0..<count).map { .instance(InstanceReference(module: module, resource: index, key: .index($0))) })
    case .forEach(let entries):
      var object: [String: TerraformValue] = [:]
      for (key, _) in entries {
        object[key] = .instance(InstanceReference(module: module, resource: index, key: .key(key)))
      }
      return .object(object)
    case .unknown:
      return .instance(InstanceReference(module: module, resource: index, key: .unknown))
    }
  }

  /// A resource attribute: its argument evaluated for that instance when the configuration sets it;
  /// otherwise a reference known only after apply.
  mutating func resourceAttribute(_ name: String, of reference: InstanceReference) -> TerraformValue {
    let key = CacheKey.attribute(reference, name)
    if let cached = cache[key] { return cached }
    guard !inProgress.contains(key) else { return .unknown("\(address(of: reference)).\(name) refers to itself") }
    inProgress.insert(key)
    defer { inProgress.remove(key) }
    let resource = config(of: reference.module).resources[reference.resource]
    let value: TerraformValue
    if let argument = resource.block.body.attribute(name) {
      value = evaluate(argument.value, in: scope(of: reference))
    } else {
      value = .string([.attribute(address: address(of: reference), name: name)])
    }
    cache[key] = value
    return value
  }

  /// The scope of one instance: its module, and its `count.index` or `each`.
  mutating func scope(of reference: InstanceReference) -> EvaluationScope {
    var eachValue: TerraformValue?
    if case .key(let key) = reference.key,
      case .forEach(let entries) = expansion(ofResource: reference.resource, in: reference.module)
    {
      eachValue = entries.first { $0.0 == key }?.1
    }
    return EvaluationScope(module: reference.module, key: reference.key, eachValue: eachValue)
  }

  /// How `count` or `for_each` expands a resource of a module instance.
  mutating func expansion(ofResource index: Int, in module: Int) -> Expansion {
    let key = ExpansionKey(module: module, item: index)
    if let known = expansions[key] { return known }
    let cacheKey = CacheKey.expansion(module, index)
    guard !inProgress.contains(cacheKey) else {
      return .unknown("its count refers to itself", condition: "its count is not 0")
    }
    inProgress.insert(cacheKey)
    defer { inProgress.remove(cacheKey) }
    let body = config(of: module).resources[index].block.body
    let result = expand(count: body.attribute("count"), forEach: body.attribute("for_each"), in: EvaluationScope(module: module))
    expansions[key] = result
    return result
  }

  /// `owner` names what is expanded in the conditions ("the count of module.audit"); nil: "its".
  mutating func expand(
    count: HCLAttribute?, forEach: HCLAttribute?, in scope: EvaluationScope, owner: String? = nil
  ) -> Expansion {
    let countIsSet = owner.map { "the count of \($0) is not 0" } ?? "its count is not 0"
    let forEachIsSet = owner.map { "the for_each of \($0) is not empty" } ?? "its for_each is not empty"
    if let count {
      let value = evaluate(count.value, in: scope)
      guard let number = Self.number(value) else {
        return .unknown(value.unknownReason ?? "its count is not a number", condition: countIsSet)
      }
      guard number >= 0, number == number.rounded(), number <= Double(Self.maxElements) else {
        return .unknown("its count \(TerraformValue.format(number)) is not a usable number", condition: countIsSet)
      }
      return .count(Int(number))
    }
    if let forEach {
      let value = evaluate(forEach.value, in: scope)
      switch value {
      case .object(let object) where object.count <= Self.maxElements:
        return .forEach(object.keys.sorted().map { ($0, object[$0] ?? .null) })
      case .tuple(let items) where items.count <= Self.maxElements:
        var keys: Set<String> = []
        for item in items {
          guard let text = item.knownText else {
            return .unknown(item.unknownReason ?? "its for_each holds values known only after apply", condition: forEachIsSet)
          }
          keys.insert(text)
        }
        return .forEach(keys.sorted().map { ($0, .text($0)) })
      default:
        return .unknown(value.unknownReason ?? "its for_each is not a map or a set", condition: forEachIsSet)
      }
    }
    return .single
  }

  // MARK: - Module calls

  private mutating func moduleValue(_ name: String, in module: Int) -> TerraformValue {
    switch childCall(name, of: module) {
    case .remote(let source):
      return .unknown("module.\(name) comes from \(source), which trailwatch does not read")
    case .failed(let reason):
      return .unknown(reason)
    case .local(let children, let expansion):
      switch expansion {
      case .single, .unknown:
        return children.first.map { .moduleOutputs($0.1) } ?? .unknown("module.\(name) has no instance")
      case .count:
        return .tuple(children.map { .moduleOutputs($0.1) })
      case .forEach:
        var object: [String: TerraformValue] = [:]
        for (key, instance) in children {
          if case .key(let text) = key { object[text] = .moduleOutputs(instance) }
        }
        return .object(object)
      }
    }
  }

  /// Resolves a `module` block of an instance once: a local source is read and instantiated per
  /// count index or for_each key; a registry, git or other remote source is not read.
  mutating func childCall(_ name: String, of parent: Int) -> ChildCall {
    let key = ExpansionKey(module: parent, item: -1, call: name)
    if let known = children[key] { return known }
    let cacheKey = CacheKey.call(parent, name)
    guard !inProgress.contains(cacheKey) else { return .failed("module.\(name) refers to itself") }
    inProgress.insert(cacheKey)
    defer { inProgress.remove(cacheKey) }
    let result = resolveCall(name, of: parent)
    children[key] = result
    return result
  }

  private mutating func resolveCall(_ name: String, of parent: Int) -> ChildCall {
    guard let call = config(of: parent).moduleCalls[name] else { return .failed("module.\(name) is not declared") }
    guard let source = call.block.body.attribute("source")?.value.literalText else {
      return .failed("the source of module.\(name) is not a plain string")
    }
    guard source == "." || source == ".." || source.hasPrefix("./") || source.hasPrefix("../") else {
      return .remote(source)
    }
    let directory = TerraformPath.join(config(of: parent).directory, source)
    let normalized = TerraformPath.normalize(directory)
    var ancestor: Int? = parent
    while let current = ancestor {
      if TerraformPath.normalize(config(of: current).directory) == normalized {
        return .failed("module.\(name) calls \(source), a module that is already being read (a loop)")
      }
      ancestor = instances[current].parent
    }
    guard instances[parent].depth < Self.maxModuleDepth else {
      return .failed("module.\(name) is nested more than \(Self.maxModuleDepth) modules deep")
    }
    let configIndex = module(at: normalized)
    guard !modules[configIndex].files.isEmpty else {
      return .failed("module.\(name) calls \(source), where there is no Terraform file")
    }
    let body = call.block.body
    let expansion = expand(
      count: body.attribute("count"), forEach: body.attribute("for_each"), in: EvaluationScope(module: parent),
      owner: "module.\(name)")
    var created: [(InstanceKey, Int)] = []
    for (key, eachValue) in expansion.keys {
      guard instances.count < Self.maxInstances else { break }
      let condition = [instances[parent].condition, expansion.condition]
        .compactMap { $0 }.joined(separator: " and ")
      instances.append(ModuleInstance(
        config: configIndex, prefix: instances[parent].prefix + "module.\(name)\(key.suffix).", parent: parent, call: call,
        callScope: EvaluationScope(module: parent, key: key, eachValue: eachValue),
        condition: condition.isEmpty ? nil : condition, depth: instances[parent].depth + 1))
      created.append((key, instances.count - 1))
    }
    return .local(created, expansion)
  }

  // MARK: - Conversions

  static func number(_ value: TerraformValue) -> Double? {
    switch value {
    case .number(let number): return number
    case .string: return value.knownText.flatMap { Double($0) }
    default: return nil
    }
  }

  static func bool(_ value: TerraformValue) -> Bool? {
    switch value {
    case .bool(let bool): return bool
    case .string:
      switch value.knownText {
      case "true": return true
      case "false": return false
      default: return nil
      }
    default: return nil
    }
  }

  /// Whether two values are equal; nil when that cannot be known (or takes more than a bounded
  /// number of comparisons: lists nested in lists can share storage and be far larger than written).
  static func equal(_ left: TerraformValue, _ right: TerraformValue) -> Bool? {
    var budget = maxElements
    return equal(left, right, budget: &budget)
  }

  private static func equal(_ left: TerraformValue, _ right: TerraformValue, budget: inout Int) -> Bool? {
    budget -= 1
    guard budget > 0 else { return nil }
    switch (left, right) {
    case (.unknown, _), (_, .unknown), (.instance, _), (_, .instance), (.moduleOutputs, _), (_, .moduleOutputs):
      return nil
    case (.null, .null): return true
    case (.null, _), (_, .null): return left.unknownReason == nil && right.unknownReason == nil ? false : nil
    case (.number(let a), .number(let b)): return a == b
    case (.bool(let a), .bool(let b)): return a == b
    case (.string, .string):
      guard let a = left.knownText, let b = right.knownText else { return nil }
      return a == b
    case (.tuple(let a), .tuple(let b)):
      guard a.count == b.count else { return false }
      for (x, y) in zip(a, b) {
        guard let same = equal(x, y, budget: &budget) else { return nil }
        if !same { return false }
      }
      return true
    case (.object(let a), .object(let b)):
      guard a.keys.sorted() == b.keys.sorted() else { return false }
      for (key, x) in a {
        guard let y = b[key], let same = equal(x, y, budget: &budget) else { return nil }
        if !same { return false }
      }
      return true
    default:
      return false
    }
  }

  /// The value's own unknown reason, the attribute it waits for, or `fallback` when it is known but of
  /// the wrong kind.
  static func unknown(_ value: TerraformValue, _ fallback: String) -> TerraformValue {
    if let reason = value.unknownReason { return .unknown(reason) }
    if case .string(let pieces) = value {
      for case .attribute(let address, let name) in pieces {
        return .unknown("it depends on \(address).\(name), known only after apply")
      }
    }
    return .unknown(fallback)
  }
}
