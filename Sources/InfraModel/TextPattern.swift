/// A string as far as it is known before deploy: literal pieces, and pieces that are known only at
/// deploy time.
///
/// Adapters build it for ARN-valued attributes and policy entries, so that rules can judge an ARN's
/// shape (TW104) and match a policy's resources against a log group (TW103) without knowing the input
/// format.
public struct TextPattern: Sendable, Equatable {
  public enum Piece: Sendable, Equatable {
    case literal(String)
    /// A value known only at deploy time that never contains `:` and is the same wherever the same
    /// token appears: a pseudo parameter (`AWS::Region`), the generated name of a resource of the same
    /// input (its logical id or address).
    case placeholder(String)
    /// Any text at all, known only at deploy time (a parameter without a default, an import): `token`
    /// names it for people (`LogGroupName`, `Bucket.Arn`), `reason` says why it cannot be known.
    case unknown(token: String, reason: String)
  }

  public var pieces: [Piece]

  public init(_ pieces: [Piece]) {
    var merged: [Piece] = []
    for piece in pieces {
      if case .literal(let text) = piece {
        if text.isEmpty { continue }
        if case .literal(let previous)? = merged.last {
          merged[merged.count - 1] = .literal(previous + text)
          continue
        }
      }
      merged.append(piece)
    }
    self.pieces = merged
  }

  public init(literal text: String) {
    self.init([.literal(text)])
  }

  /// The whole text when every piece is literal.
  public var literalText: String? {
    var result = ""
    for piece in pieces {
      guard case .literal(let text) = piece else { return nil }
      result += text
    }
    return result
  }

  /// Whether some piece can be any text at all.
  public var hasUnknown: Bool {
    unknownReason != nil
  }

  /// Why the first piece that can be any text cannot be known; nil when there is none.
  public var unknownReason: String? {
    for case .unknown(_, let reason) in pieces { return reason }
    return nil
  }

  /// The text as people read it: placeholders and unknown pieces written `${token}`, as in
  /// CloudFormation's `Fn::Sub`.
  public var description: String {
    pieces.map { piece in
      switch piece {
      case .literal(let text): text
      case .placeholder(let token), .unknown(let token, _): "${\(token)}"
      }
    }.joined()
  }
}
