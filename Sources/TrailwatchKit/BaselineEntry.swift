/// One accepted finding in a baseline: file, resource and rule, never the line, so moving or
/// reformatting the resource does not bring the finding back. A finding about a whole file (TW001)
/// has no resource and is keyed by its message instead.
public struct BaselineEntry: Sendable, Hashable, Codable, Comparable {
  /// The file, relative to the baseline's directory.
  public var file: String
  public var rule: String
  public var resource: String?
  /// Only for findings without a resource.
  public var message: String?

  public init(file: String, rule: String, resource: String?, message: String?) {
    self.file = file
    self.rule = rule
    self.resource = resource
    self.message = resource == nil ? message : nil
  }

  public static func < (lhs: BaselineEntry, rhs: BaselineEntry) -> Bool {
    (lhs.file, lhs.resource ?? "", lhs.rule, lhs.message ?? "") < (rhs.file, rhs.resource ?? "", rhs.rule, rhs.message ?? "")
  }

  /// The entry with line and column numbers in its message left out, for matching: a parse error's
  /// message may name another line ("first defined at line 8"), which moves with the file.
  var matchingKey: BaselineEntry {
    var key = self
    key.message = message.map(Self.withoutPositions)
    return key
  }

  static func withoutPositions(_ message: String) -> String {
    var result = ""
    var rest = Substring(message)
    while let match = rest.firstMatch(of: /(line|column) [0-9]+/) {
      result += rest[..<match.range.lowerBound] + match.output.1 + " *"
      rest = rest[match.range.upperBound...]
    }
    return result + rest
  }
}
