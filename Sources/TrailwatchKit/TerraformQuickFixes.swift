import Rules
import SourceMap

/// The quick fixes of a Terraform file, written in HCL at the lines the findings point at: a
/// `retention_in_days` added below a log group block's header, a retention value replaced where it is
/// written (in the resource, or in the variable default the finding points at), and a
/// `# trailwatch:ignore` comment above the finding's line. `QuickFixer` checks each before offering it.
struct TerraformQuickFixes {
  let bytes: [UInt8]
  /// Finding offsets count from after a byte-order mark.
  let shift: Int

  init(bytes: [UInt8]) {
    self.bytes = bytes
    shift = SourceText.byteOrderMarkLength(of: bytes)
  }

  /// `retention_in_days = DAYS` as the block's first argument, at the indentation of the line below
  /// the header (two spaces deeper than the header when the block is empty).
  func addRetention(for finding: Finding, days: Int) -> Fix? {
    let start = finding.range.start.offset + shift
    guard start < bytes.count else { return nil }
    let headerStart = lineStart(of: start)
    let headerEnd = lineEnd(of: start)
    guard trimmedEnd(headerStart, headerEnd).last == UInt8(ascii: "{") else { return nil }
    let lineBreak = lineBreak(endingAt: headerEnd, from: headerStart)
    var indent = indentation(at: headerStart) + "  "
    let next = min(headerEnd + 1, bytes.count)
    if next < bytes.count {
      let nextText = trimmedEnd(next, lineEnd(of: next)).drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
      if !nextText.isEmpty && nextText.first != UInt8(ascii: "}") { indent = indentation(at: next) }
    }
    let line = indent + "retention_in_days = \(days)" + lineBreak
    let edit = headerEnd < bytes.count ? SourceEdit(insert: line, at: headerEnd + 1) : SourceEdit(insert: lineBreak + line, at: headerEnd)
    return Fix(title: "Add retention_in_days = \(days)", finding: finding, edits: [edit], isPreferred: true)
  }

  /// The number written at the finding (bare or quoted), with where it stands.
  func writtenRetention(at finding: Finding) -> (range: Range<Int>, days: Int, isQuoted: Bool)? {
    let range = (finding.range.start.offset + shift)..<(finding.range.end.offset + shift)
    guard range.upperBound <= bytes.count, !range.isEmpty else { return nil }
    var text = bytes[range]
    let isQuoted = text.count >= 2 && text.first == UInt8(ascii: "\"") && text.last == UInt8(ascii: "\"")
    if isQuoted { text = text.dropFirst().dropLast() }
    guard !text.isEmpty, text.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
      let days = Int(String(decoding: text, as: UTF8.self))
    else { return nil }
    return (range, days, isQuoted)
  }

  /// The number at the finding replaced by each of `values`, when a number is what is written there.
  func replaceRetention(for finding: Finding, with values: [Int]) -> [Fix] {
    guard let written = writtenRetention(at: finding) else { return [] }
    return values.map { days in
      Fix(
        title: "Set retention_in_days to \(days)", finding: finding,
        edits: [SourceEdit(range: written.range, replacement: written.isQuoted ? "\"\(days)\"" : String(days))],
        isPreferred: values.count == 1)
    }
  }

  /// `# trailwatch:ignore ID TODO: …` alone on the line above the finding's line, which covers the
  /// findings that start on that line (a block header's line: every finding about the block).
  func ignoreComment(for finding: Finding) -> Fix? {
    let start = finding.range.start.offset + shift
    guard start <= bytes.count else { return nil }
    let lineStart = lineStart(of: start)
    let end = lineEnd(of: start)
    let lineBreak = lineBreak(endingAt: end, from: lineStart)
    let comment = "\(indentation(at: lineStart))# trailwatch:ignore \(finding.ruleID) \(QuickFixer.reasonPlaceholder)\(lineBreak)"
    return Fix(
      title: "Ignore \(finding.ruleID) for '\(finding.resource ?? "this line")' with a comment", finding: finding,
      edits: [SourceEdit(insert: comment, at: lineStart)], isPreferred: false)
  }

  private func lineStart(of offset: Int) -> Int {
    var index = min(offset, bytes.count)
    while index > 0 && bytes[index - 1] != UInt8(ascii: "\n") { index -= 1 }
    return index
  }

  /// The offset of the line's `\n`, or the end of the text.
  private func lineEnd(of offset: Int) -> Int {
    var index = offset
    while index < bytes.count && bytes[index] != UInt8(ascii: "\n") { index += 1 }
    return index
  }

  /// The line's own break: CRLF when a `\r` ends it, else LF.
  private func lineBreak(endingAt end: Int, from start: Int) -> String {
    end > start && bytes[end - 1] == UInt8(ascii: "\r") ? "\r\n" : "\n"
  }

  private func trimmedEnd(_ start: Int, _ end: Int) -> ArraySlice<UInt8> {
    var last = end
    while last > start && [UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r")].contains(bytes[last - 1]) { last -= 1 }
    return bytes[start..<last]
  }

  private func indentation(at lineStart: Int) -> String {
    var index = lineStart
    while index < bytes.count && (bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t")) { index += 1 }
    return String(decoding: bytes[lineStart..<index], as: UTF8.self)
  }
}
