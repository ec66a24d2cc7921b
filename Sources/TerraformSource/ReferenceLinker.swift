import InfraModel

/// Links ARN arguments to the model's log groups and roles: by reference to the resource, or by the
/// name an ARN spells out.
struct ReferenceLinker {
  enum Kind {
    case logGroup
    case role
  }

  /// Model address → what it is.
  var kinds: [String: Kind] = [:]
  var logGroupsByName: [String: String] = [:]
  var rolesByName: [String: String] = [:]

  /// An ARN argument: the model resource it points at (by reference or by the name in the ARN), a
  /// literal ARN, or why it cannot be known.
  func reference(_ value: TerraformValue, linkingTo kind: Kind) -> OutcomeState<Reference> {
    switch value {
    case .null:
      return .absent
    case .unknown(let reason):
      return .unknown(reason: reason)
    case .string(let pieces):
      let text = value.knownText
      if text == "" { return .absent }
      for case .attribute(let address, _) in pieces where kinds[address] == kind {
        return .explicit(Reference(text: text, target: address))
      }
      if let reason = value.unknownReason { return .unknown(reason: reason) }
      for case .attribute(let address, let name) in pieces
      where address.hasPrefix("data.") || address.contains(".data.") {
        return .unknown(reason: "it is read from \(address).\(name) when Terraform plans")
      }
      if let text, let target = linkedByName(text, kind: kind) {
        return .explicit(Reference(text: text, target: target))
      }
      return .explicit(Reference(text: text, target: nil))
    case .number, .bool:
      return .malformed(value.knownText ?? "")
    case .tuple, .object, .instance, .moduleOutputs:
      return .malformed(value.shortDescription)
    }
  }

  /// The resource whose name an ARN spells out: `…:log-group:NAME[:*]`, `…:role/path/NAME`.
  func linkedByName(_ arn: String, kind: Kind) -> String? {
    switch kind {
    case .logGroup:
      guard let range = arn.firstRange(of: ":log-group:") else { return nil }
      var name = arn[range.upperBound...]
      if name.hasSuffix(":*") { name = name.dropLast(2) }
      return logGroupsByName[String(name)]
    case .role:
      guard let range = arn.firstRange(of: ":role/") else { return nil }
      let name = arn[range.upperBound...].split(separator: "/").last.map(String.init) ?? ""
      return rolesByName[name]
    }
  }
}
