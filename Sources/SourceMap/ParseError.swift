/// Why a file could not be read as YAML or JSON, and where.
public struct ParseError: Error, Sendable, Equatable {
  public var message: String
  public var range: SourceRange

  public init(_ message: String, at range: SourceRange) {
    self.message = message
    self.range = range
  }

  public init(_ message: String, at position: SourcePosition) {
    self.init(message, at: SourceRange(at: position))
  }
}
