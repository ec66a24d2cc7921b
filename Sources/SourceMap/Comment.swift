/// A YAML comment found in the source text (libyaml reports none).
public struct Comment: Sendable, Equatable {
  /// The text after `#`, without the line break.
  public var text: String
  /// From the `#` to the end of the line.
  public var range: SourceRange
  /// Whether only whitespace stands before the `#` on its line.
  public var standsAlone: Bool
  /// The 1-based line the comment is about: its own line when it follows code; for a comment alone on
  /// its line, the next line that is not a comment (its own line when a blank line or the end of the
  /// file comes first).
  public var subjectLine: Int

  public init(text: String, range: SourceRange, standsAlone: Bool, subjectLine: Int) {
    self.text = text
    self.range = range
    self.standsAlone = standsAlone
    self.subjectLine = subjectLine
  }
}
