import SourceMap

/// One resource instance as the plan shows it after apply: an entry of `resource_changes` or of
/// `deferred_changes`, or a data source read into `prior_state`.
struct PlanResource: Sendable {
  var address: ResourceAddress
  /// The address as the plan writes it, reported as the resource's name.
  var addressText: String
  /// The resource's `"address": "…"` entry (the object's `{` when it has none): where findings about
  /// the whole resource point.
  var range: SourceRange
  /// The attribute values after apply (`change.after`, or a state object's `values`).
  var after: Node?
  /// `change.after_unknown`: `true` at each attribute known only after apply.
  var afterUnknown: Node?
  /// Why Terraform deferred the change, when it is an entry of `deferred_changes`.
  var deferral: String?

  /// Reads a plan object with `address`, `mode`, `type`, `name`, `index` and `module_address`; nil when
  /// it names no resource.
  init?(object: Node, after: Node?, afterUnknown: Node?, deferral: String? = nil) {
    guard object.entries != nil else { return nil }
    let written = object["address"]?.scalar?.text
    if let written, let parsed = ResourceAddress(written) {
      address = parsed
      addressText = written
    } else if let type = object["type"]?.scalar?.text, let name = object["name"]?.scalar?.text {
      // Not an address Terraform writes: rebuild it from the fields so the resource is still checked.
      let module = object["module_address"]?.scalar.flatMap { ResourceAddress.modulePath($0.text) } ?? []
      let mode: ResourceAddress.Mode = object["mode"]?.scalar?.text == "data" ? .data : .managed
      let key = object["index"]?.scalar.map { $0.style == .quoted ? Self.quoted($0.text) : $0.text }
      address = ResourceAddress(module: module, mode: mode, type: type, name: name, key: key)
      addressText = written ?? address.text
    } else {
      return nil
    }
    if let type = object["type"]?.scalar?.text { address.type = type }
    if let entry = object.entry("address") {
      range = SourceRange(start: entry.key.range.start, end: entry.value.range.end)
    } else {
      range = SourceRange(at: object.range.start)
    }
    self.after = after?.entries == nil ? nil : after
    self.afterUnknown = afterUnknown
    self.deferral = deferral
  }

  /// Whether `after_unknown` marks the attribute as known only after apply. Only `true` counts: old
  /// plans also write `false` leaves.
  func isUnknown(_ attribute: String) -> Bool {
    Self.isTrue(afterUnknown?[attribute])
  }

  /// Whether `after_unknown` marks a field of one item of a list attribute (`inline_policy[0].policy`)
  /// as known only after apply.
  func isUnknown(inside attribute: String, item: Int, field: String) -> Bool {
    guard let items = afterUnknown?[attribute]?.items, items.indices.contains(item) else { return false }
    return Self.isTrue(items[item][field])
  }

  private static func isTrue(_ node: Node?) -> Bool {
    guard let scalar = node?.scalar else { return false }
    return scalar.style == .plain && scalar.text == "true"
  }

  /// The attribute's known value after apply; nil when absent.
  func value(_ attribute: String) -> Node? {
    after?[attribute]
  }

  /// The attribute as a known, non-null string; nil otherwise.
  func string(_ attribute: String) -> String? {
    guard !isUnknown(attribute), let scalar = value(attribute)?.scalar, scalar.style == .quoted else { return nil }
    return scalar.text
  }

  /// A for_each key as Terraform writes it in an address: a JSON string.
  private static func quoted(_ text: String) -> String {
    var result = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": result += "\\\""
      case "\\": result += "\\\\"
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result + "\""
  }
}
