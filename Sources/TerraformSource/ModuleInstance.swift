/// One instance of a module: the root, or a local module called (once per count index or for_each
/// key) by its parent.
struct ModuleInstance {
  /// Index into the evaluator's loaded module configurations.
  var config: Int
  /// The address prefix of its resources: empty for the root, `module.audit.` or
  /// `module.audit["eu"].module.logs.` below it.
  var prefix: String
  var parent: Int?
  var call: ModuleCallConfig?
  /// The parent's scope for this instance of the call (its `count.index` or `each`), where the
  /// call's inputs are evaluated.
  var callScope: EvaluationScope?
  /// The condition under which this instance exists, in words; nil when always.
  var condition: String?
  var depth: Int
}
