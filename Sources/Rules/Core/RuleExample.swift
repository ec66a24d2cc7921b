/// A template that a rule must (triggering) or must not (non-triggering) report.
///
/// In a triggering example each `↓` marks where a finding of the rule starts; the markers are removed
/// before the text is linted. The example remembers where it was written so a failing example points
/// at the rule's own file.
public struct RuleExample: Sendable, Equatable {
  /// The file name the text is linted as; its extension chooses nothing (content does), but it
  /// documents the format.
  public var fileName: String
  public var text: String
  public var sourceFile: String
  public var sourceLine: Int

  public init(_ fileName: String, _ text: String, sourceFile: String = #filePath, sourceLine: Int = #line) {
    self.fileName = fileName
    self.text = text
    self.sourceFile = sourceFile
    self.sourceLine = sourceLine
  }

  /// The marker that stands just before the expected start of a finding.
  public static let marker: Character = "↓"
}
