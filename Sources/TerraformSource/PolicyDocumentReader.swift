import InfraModel
import SourceMap

/// Reads IAM policy documents written as JSON strings (a heredoc, `jsonencode(…)`) into the model.
/// Parts known only after apply (`aws_cloudwatch_log_group.audit.arn`) are kept where they stand: the
/// text is parsed with a marker in their place, and each string read back with its parts, so a
/// `Resource` still names the log group it refers to.
struct PolicyDocumentReader {
  let links: ReferenceLinker
  /// `data "aws_iam_policy_document"` instances by address, as read from their blocks.
  let dataDocuments: [String: OutcomeState<PolicyDocument>]

  static let maxStatements = 1_000
  /// Private-use characters around a part's index in the parsed text: they never occur in a policy.
  private static let markerStart: Unicode.Scalar = "\u{E000}"
  private static let markerEnd: Unicode.Scalar = "\u{E001}"

  /// The document a policy argument evaluates to.
  func document(_ value: TerraformValue) -> OutcomeState<PolicyDocument> {
    switch value {
    case .null:
      return .absent
    case .unknown(let reason):
      return .unknown(reason: reason)
    case .string(let pieces):
      if pieces.count == 1, case .attribute(let address, "json") = pieces[0], let document = dataDocuments[address] {
        return document
      }
      if let reason = value.unknownReason { return .unknown(reason: reason) }
      var text = ""
      for (index, piece) in pieces.enumerated() {
        if case .text(let literal) = piece {
          text += literal
        } else {
          text.unicodeScalars.append(Self.markerStart)
          text += String(index)
          text.unicodeScalars.append(Self.markerEnd)
        }
      }
      guard text.first(where: { !$0.isWhitespace }) == "{", let root = try? JSONReader.read(SourceText(text)) else {
        if pieces.contains(where: { if case .attribute = $0 { true } else { false } }) {
          return .unknown(reason: "the policy is built from values known only after apply")
        }
        return .unknown(reason: "the policy is a string that is not a JSON document")
      }
      return .explicit(read(root, pieces: pieces))
    default:
      return .malformed(value.shortDescription)
    }
  }

  private func read(_ root: Node, pieces: [StringPiece]) -> PolicyDocument {
    var statements: [PolicyStatement] = []
    var unreadable: [String] = []
    let listed = root["Statement"].map { $0.items ?? [$0] } ?? []
    for node in listed.prefix(Self.maxStatements) where node.entries != nil {
      let effect: PolicyStatement.Effect
      switch node["Effect"].map({ value(of: $0, pieces: pieces).knownText }) {
      case "Allow"?: effect = .allow
      case "Deny"?: effect = .deny
      default:
        unreadable.append("a statement's Effect is not Allow or Deny before apply")
        continue
      }
      let actionKey = node["NotAction"] != nil ? "NotAction" : "Action"
      let resourceKey = node["NotResource"] != nil ? "NotResource" : "Resource"
      let principalKey = node["NotPrincipal"] != nil ? "NotPrincipal" : "Principal"
      let actions = values(of: node[actionKey], pieces: pieces).map { Self.pattern(of: $0, key: actionKey, unreadable: &unreadable) }
      let resources = values(of: node[resourceKey], pieces: pieces).map {
        Self.resource($0, key: resourceKey, links: links, unreadable: &unreadable)
      }
      var principals: [TextPattern] = []
      if let principal = node[principalKey] {
        // `"*"`, or `{"Service": …, "AWS": …}` whose values are strings or lists of them.
        let kinds = principal.entries.map { $0.map(\.value) } ?? [principal]
        for kind in kinds {
          principals += values(of: kind, pieces: pieces).map { Self.pattern(of: $0, key: principalKey, unreadable: &unreadable) }
        }
      }
      statements.append(PolicyStatement(
        effect: effect, actions: actions, negatesActions: actionKey == "NotAction", resources: resources,
        negatesResources: resourceKey == "NotResource", principals: principals,
        negatesPrincipals: principalKey == "NotPrincipal", isConditional: node["Condition"] != nil))
    }
    return PolicyDocument(statements: statements, unreadable: unreadable)
  }

  /// A string or a list of strings, each with its parts restored.
  private func values(of node: Node?, pieces: [StringPiece]) -> [TerraformValue] {
    guard let node else { return [] }
    if let items = node.items { return items.filter { $0.scalar != nil }.map { value(of: $0, pieces: pieces) } }
    return node.scalar != nil ? [value(of: node, pieces: pieces)] : []
  }

  /// A JSON scalar as the value it stands for: its text, with every marker replaced by its part.
  private func value(of node: Node, pieces: [StringPiece]) -> TerraformValue {
    guard let text = node.scalar?.text else { return .unknown("a policy entry that is not a string") }
    var result: [StringPiece] = []
    var literal = ""
    var scalars = text.unicodeScalars.makeIterator()
    while let scalar = scalars.next() {
      guard scalar == Self.markerStart else {
        literal.unicodeScalars.append(scalar)
        continue
      }
      var digits = ""
      while let next = scalars.next(), next != Self.markerEnd { digits.unicodeScalars.append(next) }
      if !literal.isEmpty { result.append(.text(literal)) }
      literal = ""
      if let index = Int(digits), pieces.indices.contains(index) { result.append(pieces[index]) }
    }
    if !literal.isEmpty || result.isEmpty { result.append(.text(literal)) }
    return .string(result)
  }

  /// A `Resource` entry: the log group it names when it refers to one (by reference, or by the name
  /// in its ARN, whatever the region and account parts are), else what is known of its ARN.
  static func resource(
    _ value: TerraformValue, key: String, links: ReferenceLinker, unreadable: inout [String]
  ) -> Reference {
    let pattern = Self.pattern(of: value, key: key, unreadable: &unreadable)
    let byName = logGroupName(in: pattern).flatMap { links.logGroupsByName[$0] }
    if case .explicit(let reference) = links.reference(value, linkingTo: .logGroup) {
      return Reference(
        text: reference.text, target: reference.target ?? byName, pattern: reference.text == nil ? pattern : nil)
    }
    return Reference(target: byName, pattern: pattern)
  }

  /// The log group name an ARN pattern spells out after `:log-group:`, up to the next `:`, when
  /// that part is literal (`arn:aws:logs:${var.region}:${var.account}:log-group:audit:log-stream:*`).
  static func logGroupName(in pattern: TextPattern) -> String? {
    for (index, piece) in pattern.pieces.enumerated() {
      guard case .literal(let text) = piece, let marker = text.firstRange(of: ":log-group:") else { continue }
      let rest = text[marker.upperBound...]
      if let end = rest.firstIndex(of: ":") { return rest[..<end].isEmpty ? nil : String(rest[..<end]) }
      // The name runs to the end of this piece: it must also end the pattern.
      return index == pattern.pieces.count - 1 && !rest.isEmpty ? String(rest) : nil
    }
    return nil
  }

  /// What is known of a policy entry: its text, with a piece for each part known only after apply.
  static func pattern(of value: TerraformValue, key: String, unreadable: inout [String]) -> TextPattern {
    var parts: [TextPattern.Piece] = []
    for piece in value.pieces {
      switch piece {
      case .text(let text):
        parts.append(.literal(text))
      case .attribute(let address, let name):
        parts.append(.unknown(token: "\(address).\(name)", reason: "\(address).\(name) is known only after apply"))
      case .unknown(let reason):
        parts.append(.unknown(token: "…", reason: reason))
        unreadable.append("its \(key) is known only after apply: \(reason)")
      }
    }
    return TextPattern(parts)
  }
}
