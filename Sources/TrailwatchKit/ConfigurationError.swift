/// Why trailwatch cannot start: a configuration or baseline file that cannot be read or is wrong.
///
/// Each message is one line, `path:line:col: message` where the place is known; the CLI prints them
/// all and exits 2.
public struct ConfigurationError: Error, Sendable, Equatable {
  public var messages: [String]

  public init(_ messages: [String]) {
    self.messages = messages
  }

  public init(_ message: String) {
    self.messages = [message]
  }
}
