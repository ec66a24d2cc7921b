import InfraModel

/// Writes evaluated strings as `TextPattern`s, so rules can read an ARN's shape: pseudo parameters
/// and generated names become placeholders, a log group's `Fn::GetAtt … Arn` becomes the ARN
/// CloudFormation returns (`arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:NAME:*`),
/// and what cannot be known before deploy becomes an unknown piece with its reason.
struct ArnRenderer {
  /// Pseudo parameters whose values never contain `:`.
  static let segmentPseudoParameters: Set<String> = [
    "AWS::Partition", "AWS::Region", "AWS::AccountId", "AWS::URLSuffix", "AWS::StackName",
  ]

  let template: Template
  /// Log group and role logical id → the resource's name as a pattern: its name property when that is
  /// a literal (or built from other values), else a placeholder (a generated name, or one that depends
  /// on conditions or parameters: CloudWatch Logs and IAM names never hold a `:`).
  private let names: [String: TextPattern]
  /// Role logical id → the role's path (`/` unless `Path` is a literal).
  private let rolePaths: [String: String]

  init(template: Template, evaluator: ValueEvaluator) {
    self.template = template
    var names: [String: TextPattern] = [:]
    var paths: [String: String] = [:]
    for resource in template.resources {
      let property: String
      switch resource.type {
      case ResourceType.logGroup: property = "LogGroupName"
      case ResourceType.role: property = "RoleName"
      default: continue
      }
      if resource.type == ResourceType.role {
        paths[resource.logicalID] = resource.properties?["Path"]?.scalar?.text ?? "/"
      }
      if let reason = resource.unevaluated {
        names[resource.logicalID] = TextPattern([.unknown(token: resource.logicalID, reason: reason)])
        continue
      }
      guard let node = resource.properties?[property] else {
        names[resource.logicalID] = TextPattern([.placeholder(resource.logicalID)])
        continue
      }
      let branches = evaluator.evaluate(node)
      if branches.count == 1, case .absent = branches[0].value {
        names[resource.logicalID] = TextPattern([.placeholder(resource.logicalID)])
      } else if branches.count == 1, case .text(let parts) = branches[0].value {
        names[resource.logicalID] = Self.shallowPattern(of: parts, in: template)
      } else {
        // Depends on conditions or on a value known only at deploy time: still a name, and names of
        // log groups and roles never hold a `:`.
        names[resource.logicalID] = TextPattern([.placeholder(resource.logicalID)])
      }
    }
    self.names = names
    self.rolePaths = paths
  }

  /// A name built from other values (`!Sub /aws/lambda/${Function}`), without following the names of
  /// other log groups and roles (they could lead back here).
  private static func shallowPattern(of parts: [TextPart], in template: Template) -> TextPattern {
    TextPattern(parts.map { part in
      switch part {
      case .literal(let text):
        return .literal(text)
      case .pseudo(let name):
        return pseudo(name)
      case .resource(let id, nil) where template.resource(id).map({ ResourceType.refIsPlainName.contains($0.type) }) == true:
        return .placeholder(id)
      case .resource(let id, let attribute):
        return unknownAttribute(id, attribute)
      case .unknown(let reason):
        return .unknown(token: "…", reason: reason)
      }
    })
  }

  private static func pseudo(_ name: String) -> TextPattern.Piece {
    segmentPseudoParameters.contains(name)
      ? .placeholder(name) : .unknown(token: name, reason: "\(name) is known only at deploy time")
  }

  private static func unknownAttribute(_ id: String, _ attribute: String?) -> TextPattern.Piece {
    let token = attribute.map { "\(id).\($0)" } ?? id
    let what = attribute.map { "the \($0) of '\(id)'" } ?? "the Ref of '\(id)'"
    return .unknown(token: token, reason: "it is \(what), known only at deploy time")
  }

  func pattern(of value: EvaluatedValue) -> TextPattern? {
    guard case .text(let parts) = value else { return nil }
    return pattern(of: parts)
  }

  func pattern(of parts: [TextPart]) -> TextPattern {
    var pieces: [TextPattern.Piece] = []
    for part in parts {
      switch part {
      case .literal(let text):
        pieces.append(.literal(text))
      case .pseudo(let name):
        pieces.append(Self.pseudo(name))
      case .resource(let id, nil):
        if let name = names[id] {
          pieces += name.pieces
        } else if let type = template.resource(id)?.type, ResourceType.refIsPlainName.contains(type) {
          pieces.append(.placeholder(id))
        } else {
          pieces.append(Self.unknownAttribute(id, nil))
        }
      case .resource(let id, "Arn"?) where template.resource(id)?.type == ResourceType.logGroup:
        pieces += logGroupArn(id).pieces + [.literal(":*")]
      case .resource(let id, "Arn"?) where template.resource(id)?.type == ResourceType.role:
        pieces += [
          .literal("arn:"), .placeholder("AWS::Partition"), .literal(":iam::"), .placeholder("AWS::AccountId"),
          .literal(":role" + (rolePaths[id] ?? "/")),
        ] + (names[id]?.pieces ?? [.placeholder(id)])
      case .resource(let id, let attribute):
        pieces.append(Self.unknownAttribute(id, attribute))
      case .unknown(let reason):
        pieces.append(.unknown(token: "…", reason: reason))
      }
    }
    return TextPattern(pieces)
  }

  /// A log group's ARN without the `:*` ending.
  func logGroupArn(_ id: String) -> TextPattern {
    logGroupArn(named: names[id] ?? TextPattern([.placeholder(id)]))
  }

  /// The ARN without `:*` of a log group whose name is `name`.
  func logGroupArn(named name: TextPattern) -> TextPattern {
    TextPattern(
      [
        .literal("arn:"), .placeholder("AWS::Partition"), .literal(":logs:"), .placeholder("AWS::Region"), .literal(":"),
        .placeholder("AWS::AccountId"), .literal(":log-group:"),
      ] + name.pieces)
  }
}
