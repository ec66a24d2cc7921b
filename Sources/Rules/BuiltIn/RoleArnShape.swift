import InfraModel

/// What is wrong with the shape of a value meant as an IAM role ARN for CloudTrail:
/// `arn:PARTITION:iam::ACCOUNT:role/NAME` (with an optional path before the name).
enum RoleArnShape: Equatable {
  case notAnARN
  case notARole

  /// The problem with `shape`; nil when it is well formed or cannot be judged before deploy.
  static func problem(with shape: TextPattern) -> RoleArnShape? {
    guard !shape.hasUnknown else { return nil }
    // Each placeholder (a pseudo parameter such as AWS::Partition, a name) stands as one mark without
    // a `:`, so splitting on `:` keeps it inside its segment.
    let mark: Character = "\u{1}"
    var text = ""
    for piece in shape.pieces {
      switch piece {
      case .literal(let literal): text += literal
      case .placeholder, .unknown: text.append(mark)
      }
    }
    let parts = text.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
    // A placeholder cannot be a whole ARN: pseudo parameters and names never are.
    guard parts.first == "arn" else { return .notAnARN }
    guard parts.count == 6 else { return .notARole }
    // A segment that starts with a placeholder could be anything: leave it to deploy time.
    if parts[2].first == mark || parts[5].first == mark { return nil }
    return parts[2] == "iam" && parts[3].isEmpty && parts[5].hasPrefix("role/") ? nil : .notARole
  }
}
