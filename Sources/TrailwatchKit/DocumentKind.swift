/// What a file turned out to be.
public enum DocumentKind: Sendable, Equatable {
  case cloudFormation
  /// A Terraform plan, `terraform show -json tf.plan`.
  case terraformPlan
  /// Terraform configuration (`.tf`, `.tf.json`).
  case terraform
  /// Not something trailwatch lints: skipped silently.
  case other
}
