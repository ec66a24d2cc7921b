/// Where an expression is evaluated: which module instance, which instance of a counted resource,
/// and the names a `for` expression binds.
struct EvaluationScope {
  var module: Int
  var countIndex: TerraformValue?
  var eachKey: TerraformValue?
  var eachValue: TerraformValue?
  var names: [String: TerraformValue] = [:]

  init(module: Int, key: InstanceKey = .single, eachValue: TerraformValue? = nil) {
    self.module = module
    switch key {
    case .single: break
    case .index(let index): countIndex = .number(Double(index))
    case .key(let key):
      eachKey = .text(key)
      self.eachValue = eachValue ?? .text(key)
    case .unknown:
      countIndex = .unknown("count.index is known only once the count is")
      eachKey = .unknown("each.key is known only once for_each is")
      self.eachValue = .unknown("each.value is known only once for_each is")
    }
  }
}
