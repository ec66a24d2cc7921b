/// What the suppression rules (TW002–TW005) share in their documentation.
enum SuppressionDocumentation {
  static let guide = RuleReference(
    "trailwatch: Tuning and suppressing", "https://github.com/trailwatch/trailwatch#tuning-and-suppressing")
  static let sarifSuppressions = RuleReference(
    "SARIF 2.1.0: suppression objects",
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/sarif-v2.1.0-errata01-os-complete.html#_Toc141790911")
}
