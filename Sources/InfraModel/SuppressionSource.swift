/// Where in the input a suppression is written.
public enum SuppressionSource: String, Sendable, Equatable, CaseIterable {
  /// A `# trailwatch:ignore …` comment (YAML; Terraform `#` and `//`).
  case comment
  /// `Metadata: {trailwatch: {ignore: […]}}`, on a resource or the template.
  case metadata
  /// checkov's `Metadata: {checkov: {skip: [{id, comment}]}}`.
  case checkov
  /// cfn_nag's `Metadata: {cfn_nag: {rules_to_suppress: [{id, reason}]}}`.
  case cfnNag = "cfn_nag"
  /// cfn-guard's `Metadata: {guard: {SuppressedRules: […]}}`.
  case cfnGuard = "guard"

  /// Whether the suppression is written for another tool: its ids are that tool's, and trailwatch
  /// honours the ones it maps but never reports them as unused or without a reason.
  public var isPeer: Bool {
    switch self {
    case .comment, .metadata: false
    case .checkov, .cfnNag, .cfnGuard: true
    }
  }
}
