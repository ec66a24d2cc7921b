/// A parsed Terraform resource address: `module.audit[0].aws_cloudtrail.this["eu"]`, `data.aws_iam_role.x`.
struct ResourceAddress: Sendable, Hashable {
  enum Mode: String, Sendable, Hashable {
    case managed
    case data
  }

  var module: [ModuleStep]
  var mode: Mode
  var type: String
  var name: String
  /// The count or for_each key as written; nil when the resource has neither, or when a reference does
  /// not say which instance it means.
  var key: String?

  init(module: [ModuleStep], mode: Mode, type: String, name: String, key: String?) {
    self.module = module
    self.mode = mode
    self.type = type
    self.name = name
    self.key = key
  }

  /// Parses an absolute address as the plan writes it; nil when it is not one.
  init?(_ text: String) {
    guard let steps = TraversalStep.parse(text) else { return nil }
    let (module, rest) = Self.modulePath(from: steps[...])
    guard let (address, after) = Self.resource(from: rest, module: module), after.isEmpty else { return nil }
    self = address
  }

  /// Parses a module instance address as the plan writes it (`module.a["k"].module.b`); nil when it
  /// is not one.
  static func modulePath(_ text: String) -> [ModuleStep]? {
    guard let steps = TraversalStep.parse(text) else { return nil }
    let (module, rest) = modulePath(from: steps[...])
    return rest.isEmpty ? module : nil
  }

  /// The `module.NAME[KEY]` steps at the start of `steps`, and the steps after them.
  private static func modulePath(
    from steps: ArraySlice<TraversalStep>
  ) -> ([ModuleStep], ArraySlice<TraversalStep>) {
    var module: [ModuleStep] = []
    var rest = steps
    while rest.first == .name("module"), let call = rest.dropFirst().first?.name {
      rest = rest.dropFirst(2)
      var key: String?
      if let given = rest.first?.index {
        key = given
        rest = rest.dropFirst()
      }
      module.append(ModuleStep(name: call, key: key))
    }
    return (module, rest)
  }

  /// The resource at the start of `steps` (`data.t.n[k]` or `t.n[k]`) and the steps after it.
  static func resource(
    from steps: ArraySlice<TraversalStep>, module: [ModuleStep]
  ) -> (ResourceAddress, ArraySlice<TraversalStep>)? {
    var rest = steps
    var mode = Mode.managed
    if rest.first == .name("data") {
      mode = .data
      rest = rest.dropFirst()
    }
    guard let type = rest.first?.name, let name = rest.dropFirst().first?.name else { return nil }
    rest = rest.dropFirst(2)
    var key: String?
    if let given = rest.first?.index {
      key = given
      rest = rest.dropFirst()
    }
    return (ResourceAddress(module: module, mode: mode, type: type, name: name, key: key), rest)
  }

  /// The address as Terraform writes it.
  var text: String {
    var text = module.map { $0.text + "." }.joined()
    if mode == .data { text += "data." }
    text += "\(type).\(name)"
    if let key { text += "[\(key)]" }
    return text
  }

  /// The address without the resource's own instance key (module keys kept).
  var unkeyed: ResourceAddress {
    var address = self
    address.key = nil
    return address
  }

  /// The resource without instance keys anywhere, for grouping a resource's instances.
  var base: String {
    var text = module.map { "module.\($0.name)." }.joined()
    if mode == .data { text += "data." }
    return text + "\(type).\(name)"
  }

  /// Whether `other`, a concrete instance, is (one of) the instance(s) this address means.
  func admits(_ other: ResourceAddress) -> Bool {
    guard mode == other.mode, type == other.type, name == other.name, module.count == other.module.count,
      key == nil || key == other.key
    else { return false }
    return zip(module, other.module).allSatisfy { $0.admits($1) }
  }
}
