/// Chooses the reader for a file, and tells whether text that failed to parse was meant to be a
/// template or plan (then it is a TW001 finding; otherwise the file is skipped silently).
enum SyntaxDetector {
  /// Whether to read the bytes as JSON: a `.json` name, or text that starts with `{` or `[`.
  static func isJSON(path: String, bytes: [UInt8]) -> Bool {
    if path.hasSuffix(".json") { return true }
    for byte in bytes {
      switch byte {
      case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"): continue
      case UInt8(ascii: "{"), UInt8(ascii: "["): return true
      default: return false
      }
    }
    return false
  }

  /// Whether unparseable text carries the marks of a template or a plan.
  static func looksLikeTemplateOrPlan(_ bytes: [UInt8]) -> Bool {
    contains(bytes, "AWSTemplateFormatVersion")
      || (contains(bytes, "Resources") && (contains(bytes, "AWS::") || contains(bytes, "Custom::")))
      || (contains(bytes, "format_version") && (contains(bytes, "planned_values") || contains(bytes, "resource_changes")))
  }

  /// What unparseable text that looks like a template or plan was meant to be.
  static func kind(ofUnparsed bytes: [UInt8]) -> DocumentKind {
    contains(bytes, "format_version") && (contains(bytes, "planned_values") || contains(bytes, "resource_changes"))
      ? .terraformPlan : .cloudFormation
  }

  private static func contains(_ bytes: [UInt8], _ needle: String) -> Bool {
    let pattern = Array(needle.utf8)
    guard let first = pattern.first, bytes.count >= pattern.count else { return false }
    var index = 0
    let last = bytes.count - pattern.count
    while index <= last {
      if bytes[index] == first && bytes[index..<index + pattern.count].elementsEqual(pattern) { return true }
      index += 1
    }
    return false
  }
}
