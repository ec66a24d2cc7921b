import InfraModel

/// What is wrong with the shape of a value meant as a CloudWatch Logs log group ARN for CloudTrail:
/// `arn:PARTITION:logs:REGION:ACCOUNT:log-group:NAME:*`.
enum LogGroupArnShape: Equatable {
  case notAnARN
  case notALogGroup
  case missingWildcard

  /// The problem with `shape`; nil when it is well formed or cannot be judged before deploy (a piece
  /// that may be any text could supply what is missing).
  static func problem(with shape: TextPattern) -> LogGroupArnShape? {
    guard !shape.hasUnknown else { return nil }
    // Split on `:`; placeholders never hold one, so each stays inside its segment.
    var segments: [[TextPattern.Piece]] = [[]]
    for piece in shape.pieces {
      guard case .literal(let text) = piece else {
        segments[segments.count - 1].append(piece)
        continue
      }
      let parts = text.split(separator: ":", omittingEmptySubsequences: false)
      for (index, part) in parts.enumerated() {
        if index > 0 { segments.append([]) }
        if !part.isEmpty { segments[segments.count - 1].append(.literal(String(part))) }
      }
    }
    func literal(_ index: Int) -> String? {
      guard segments.indices.contains(index) else { return nil }
      return TextPattern(segments[index]).literalText
    }
    guard segments.count > 1, literal(0) == "arn" else { return .notAnARN }
    guard segments.count >= 7, literal(2) == "logs", literal(5) == "log-group", !segments[6].isEmpty else {
      return .notALogGroup
    }
    switch segments.count {
    case 7: return .missingWildcard
    case 8: return literal(7) == "*" ? nil : (segments[7].isEmpty ? .missingWildcard : .notALogGroup)
    default: return .notALogGroup
    }
  }
}
