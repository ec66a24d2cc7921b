/// The unit `Position.character` counts in, agreed at `initialize`.
public enum PositionEncoding: String, Sendable, Codable {
  case utf8 = "utf-8"
  case utf16 = "utf-16"

  /// UTF-8 when the client offers it (no conversion, and what the linter counts in); otherwise UTF-16,
  /// which every client must support.
  static func negotiate(offered: [String]?) -> PositionEncoding {
    offered?.contains(PositionEncoding.utf8.rawValue) == true ? .utf8 : .utf16
  }
}
