/// One module call on the way from the root module to a resource: `module.audit[0]`.
struct ModuleStep: Sendable, Hashable {
  var name: String
  /// The instance key as written (`0`, `"prod"`); nil for a call without count or for_each, and for a
  /// reference that does not say which instance it means.
  var key: String?

  var text: String {
    "module.\(name)" + (key.map { "[\($0)]" } ?? "")
  }

  /// Whether `other`, a concrete instance, is this step: a step without a key stands for any instance.
  func admits(_ other: ModuleStep) -> Bool {
    name == other.name && (key == nil || key == other.key)
  }
}
