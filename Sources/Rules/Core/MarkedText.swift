import SourceMap

/// Text with `↓` markers (RuleExample.marker) taken out, and the positions the markers stood at: how
/// rule examples and tests say where a finding must start.
public struct MarkedText: Sendable {
  public var text: String
  public var markers: [SourcePosition]

  public init(_ marked: String) {
    var text = ""
    var markers: [SourcePosition] = []
    var line = 1
    var column = 1
    var offset = 0
    var previousWasCR = false
    for scalar in marked.unicodeScalars {
      if Character(scalar) == RuleExample.marker {
        markers.append(SourcePosition(line: line, column: column, offset: offset))
        continue
      }
      text.unicodeScalars.append(scalar)
      offset += String(scalar).utf8.count
      if scalar == "\n" {
        if !previousWasCR { line += 1 }
        column = 1
      } else if scalar == "\r" {
        line += 1
        column = 1
      } else {
        column += 1
      }
      previousWasCR = scalar == "\r"
    }
    self.text = text
    self.markers = markers
  }
}
