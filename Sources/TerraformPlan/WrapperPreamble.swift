import SourceMap

/// Recognises a plan saved from the hashicorp/setup-terraform wrapper, which prints
/// `[command]…terraform-bin show -json plan.tfplan` before the JSON (and `::debug::` lines after it).
enum WrapperPreamble {
  /// How many lines down the JSON may start.
  static let searchedLines = 20

  /// A TW001 error for the first line when the plan JSON starts on a later line; nil otherwise.
  static func error(in text: SourceText) -> ParseError? {
    let first = text.lineBytes(1)
    guard let lead = first.first(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") }),
      lead != UInt8(ascii: "{"), text.lineCount > 1
    else { return nil }
    let planStart = Array("\"format_version\"".utf8)
    let found = (2...min(text.lineCount, searchedLines)).contains { line in
      let bytes = text.lineBytes(line).drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
      guard bytes.first == UInt8(ascii: "{") else { return false }
      let head = bytes.prefix(200)
      return head.indices.contains { head[$0...].starts(with: planStart) }
    }
    guard found else { return nil }
    var shown = text.lineText(1)
    if shown.count > 60 { shown = String(shown.prefix(60)) + "…" }
    let end = text.position(ofOffset: text.lineStarts[0] + first.count)
    return ParseError(
      "text before the plan JSON (`\(shown)`): the hashicorp/setup-terraform wrapper adds it to terraform's "
        + "output; write the plan with `terraform show -json tf.plan > plan.json` and terraform_wrapper: false",
      at: SourceRange(start: .start, end: end))
  }
}
