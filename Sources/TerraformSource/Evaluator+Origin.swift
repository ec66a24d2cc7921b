import SourceMap

/// Where a value written as a reference comes from, for messages: "variable days, default 30".
extension Evaluator {
  mutating func origin(of expression: HCLExpression, in scope: EvaluationScope, hops: Int = 0) -> String? {
    guard hops < 8 else { return nil }
    var expression = expression
    if case .template(let template) = expression.kind, template.parts.count == 1,
      case .interpolation(let inner) = template.parts[0]
    {
      expression = inner
    }
    guard let path = expression.staticTraversal, path.count >= 2 else { return nil }
    switch path[0] {
    case "var":
      let name = path[1]
      let instance = instances[scope.module]
      if instance.parent == nil, let given = rootValues[name] { return given.origin }
      if let call = instance.call, let input = call.block.body.attribute(name), let callScope = instance.callScope {
        if let deeper = origin(of: input.value, in: callScope, hops: hops + 1) { return deeper }
        let value = variable(name, in: scope.module)
        return "input \(name) = \(value.shortDescription) of \(String(instance.prefix.dropLast()))"
      }
      guard let declaration = config(of: scope.module).variables[name],
        let defaultValue = declaration.block.body.attribute("default")
      else { return nil }
      let value = evaluate(defaultValue.value, in: EvaluationScope(module: scope.module))
      return "variable \(name), default \(value.shortDescription)"
    case "local":
      guard let local = config(of: scope.module).locals[path[1]] else { return nil }
      return origin(of: local.attribute.value, in: EvaluationScope(module: scope.module), hops: hops + 1)
    default:
      return nil
    }
  }
}
