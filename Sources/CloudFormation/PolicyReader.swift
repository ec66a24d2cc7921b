import InfraModel
import SourceMap

/// Reads IAM policy documents (`AssumeRolePolicyDocument`, `PolicyDocument`; as YAML/JSON or as a
/// JSON string) into the model's `PolicyDocument`. Statements under `Fn::If` are kept and marked
/// conditional; entries known only at deploy time are kept as patterns with unknown pieces, and the
/// reason is recorded in `unreadable`.
struct PolicyReader {
  let evaluator: ValueEvaluator
  let renderer: ArnRenderer

  static let maxStatements = 1_000

  /// The document at `node`, as an attribute named `name`.
  func document(_ node: Node?, name: String, absentAt declaration: SourceRange) -> Attribute<PolicyDocument> {
    guard let node, !(node.scalar?.isNull ?? false) else {
      return Attribute(name: name, .absent, at: declaration)
    }
    var reading = Reading()
    read(document: node, conditional: false, depth: 0, into: &reading)
    if let reason = reading.unknownDocument, reading.statements.isEmpty {
      return Attribute(name: name, .unknown(reason: reason), at: node.range)
    }
    let unreadable = reading.unreadable + (reading.unknownDocument.map { [$0] } ?? [])
    return Attribute(
      name: name, .explicit(PolicyDocument(statements: reading.statements, unreadable: unreadable)), at: node.range)
  }

  private struct Reading {
    var statements: [PolicyStatement] = []
    var unreadable: [String] = []
    var unknownDocument: String?
  }

  private func read(document node: Node, conditional: Bool, depth: Int, into reading: inout Reading) {
    guard depth < 8 else { return }
    if let call = Intrinsic.match(node) {
      if call.name == "Fn::If", let items = call.argument.items, items.count == 3 {
        read(document: items[1], conditional: true, depth: depth + 1, into: &reading)
        read(document: items[2], conditional: true, depth: depth + 1, into: &reading)
        return
      }
      let branches = evaluator.evaluate(node)
      if branches.count == 1, let text = branches[0].value.literalText, let parsed = Self.parseJSON(text) {
        read(document: parsed, conditional: conditional, depth: depth + 1, into: &reading)
      } else if branches.allSatisfy({ if case .absent = $0.value { true } else { false } }) {
        return
      } else {
        reading.unknownDocument = reading.unknownDocument
          ?? branches.lazy.compactMap(\.value.unknownReason).first ?? "the policy is computed at deploy time"
      }
      return
    }
    if let text = node.scalar?.text {
      // A policy written as a JSON string, as CloudFormation also accepts.
      guard let parsed = Self.parseJSON(text) else {
        reading.unknownDocument = reading.unknownDocument ?? "the policy is a string that is not a JSON document"
        return
      }
      read(document: parsed, conditional: conditional, depth: depth + 1, into: &reading)
      return
    }
    guard let statement = node["Statement"] else { return }
    read(statements: statement, conditional: conditional, depth: 0, into: &reading)
  }

  private func read(statements node: Node, conditional: Bool, depth: Int, into reading: inout Reading) {
    guard depth < 8, reading.statements.count < Self.maxStatements else { return }
    if let call = Intrinsic.match(node) {
      if call.name == "Fn::If", let items = call.argument.items, items.count == 3 {
        read(statements: items[1], conditional: true, depth: depth + 1, into: &reading)
        read(statements: items[2], conditional: true, depth: depth + 1, into: &reading)
      } else if call.name == "Ref", call.argument.scalar?.text == "AWS::NoValue" {
        return
      } else {
        let reason = evaluator.evaluate(node).lazy.compactMap(\.value.unknownReason).first
        reading.unreadable.append("a statement is known only at deploy time" + (reason.map { ": \($0)" } ?? ""))
      }
      return
    }
    if let items = node.items {
      for item in items { read(statements: item, conditional: conditional, depth: depth + 1, into: &reading) }
      return
    }
    guard node.entries != nil else { return }
    read(statement: node, conditional: conditional, into: &reading)
  }

  private func read(statement node: Node, conditional: Bool, into reading: inout Reading) {
    var isConditional = conditional || node["Condition"] != nil
    let effect: PolicyStatement.Effect
    let effects = node["Effect"].map { evaluator.evaluate($0) } ?? []
    switch effects.count == 1 ? effects[0].value.literalText : nil {
    case "Allow"?: effect = .allow
    case "Deny"?: effect = .deny
    default:
      reading.unreadable.append("a statement's Effect is not Allow or Deny before deploy")
      return
    }
    func entries(_ key: String) -> [(TextPattern, String?)] {
      guard let value = node[key] else { return [] }
      var result: [(TextPattern, String?)] = []
      collect(value, into: &result, conditional: &isConditional, unreadable: &reading.unreadable, key: key)
      return result
    }
    let actionKey = node["NotAction"] != nil ? "NotAction" : "Action"
    let resourceKey = node["NotResource"] != nil ? "NotResource" : "Resource"
    let principalKey = node["NotPrincipal"] != nil ? "NotPrincipal" : "Principal"
    let actions = entries(actionKey).map(\.0)
    let resources = entries(resourceKey).map { Reference(text: $0.0.literalText, target: $0.1, pattern: $0.0) }
    var principals: [TextPattern] = []
    if let principal = node[principalKey] {
      if let text = principal.scalar?.text, principal.tag == nil {
        principals.append(TextPattern(literal: text))
      } else if let kinds = principal.entries {
        for kind in kinds {
          var found: [(TextPattern, String?)] = []
          collect(kind.value, into: &found, conditional: &isConditional, unreadable: &reading.unreadable, key: principalKey)
          principals += found.map(\.0)
        }
      } else {
        var found: [(TextPattern, String?)] = []
        collect(principal, into: &found, conditional: &isConditional, unreadable: &reading.unreadable, key: principalKey)
        principals += found.map(\.0)
      }
    }
    reading.statements.append(PolicyStatement(
      effect: effect, actions: actions, negatesActions: actionKey == "NotAction", resources: resources,
      negatesResources: resourceKey == "NotResource", principals: principals, negatesPrincipals: principalKey == "NotPrincipal",
      isConditional: isConditional))
  }

  /// The entries of an `Action`, `Resource` or `Principal` value (a string or a list, either possibly
  /// computed), each as a pattern with the log group it names, if any.
  private func collect(
    _ node: Node, into result: inout [(TextPattern, String?)], conditional: inout Bool, unreadable: inout [String], key: String
  ) {
    let branches = evaluator.evaluate(node)
    if branches.count > 1 { conditional = true }
    for branch in branches {
      add(branch.value, into: &result, unreadable: &unreadable, key: key)
    }
  }

  private func add(_ value: EvaluatedValue, into result: inout [(TextPattern, String?)], unreadable: inout [String], key: String) {
    switch value {
    case .absent, .object:
      return
    case .unknown(let reason):
      result.append((TextPattern([.unknown(token: "…", reason: reason)]), nil))
      unreadable.append("its \(key) is known only at deploy time: \(reason)")
    case .list(let items):
      for item in items { add(item, into: &result, unreadable: &unreadable, key: key) }
    case .text(let parts):
      let pattern = renderer.pattern(of: parts)
      if pattern.hasUnknown, let reason = value.unknownReason {
        unreadable.append("its \(key) is known only at deploy time: \(reason)")
      }
      var target: String?
      for case .resource(let id, _) in parts where renderer.template.resource(id)?.type == ResourceType.logGroup {
        target = id
        break
      }
      result.append((pattern, target))
    }
  }

  /// A JSON policy document written as a string; nil when it is not one.
  private static func parseJSON(_ text: String) -> Node? {
    guard text.first(where: { !$0.isWhitespace }) == "{" else { return nil }
    guard let node = try? JSONReader.read(SourceText(text)) else { return nil }
    return node
  }
}
