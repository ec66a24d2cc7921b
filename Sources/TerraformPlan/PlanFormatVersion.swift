import SourceMap

/// The plan's `format_version`: minor versions only add keys (ignored when unknown), a new major
/// version may change what keys mean, so only majors 0 and 1 are read (as hashicorp/terraform-json
/// accepts `>= 0.1, < 2.0`).
enum PlanFormatVersion {
  static let supportedMajors = 0...1

  /// Throws, at the value, when the version is not one trailwatch reads.
  static func check(_ entry: MappingEntry) throws(ParseError) {
    let value = entry.value
    guard let scalar = value.scalar, scalar.style == .quoted else {
      throw ParseError(
        "the plan's format_version is not a string: `terraform show -json` writes it as one, such as \"1.2\"",
        at: value.range)
    }
    let parts = scalar.text.split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count >= 2, let major = Int(parts[0]), parts.dropFirst().allSatisfy({ Int($0) != nil }) else {
      throw ParseError(
        "the plan's format_version \"\(scalar.text)\" is not a version such as \"1.2\"", at: value.range)
    }
    guard supportedMajors.contains(major) else {
      throw ParseError(
        "plan format_version \"\(scalar.text)\" is not one trailwatch reads (0.1 to 1.x): its meaning may have "
          + "changed, so the plan is not checked; use a trailwatch that reads format \(major).x",
        at: value.range)
    }
  }
}
