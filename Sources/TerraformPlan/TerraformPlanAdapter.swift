import InfraModel
import SourceMap

/// Turns a Terraform plan (`terraform show -json tf.plan`) into the provider-neutral model.
///
/// The plan's `resource_changes` give each resource as it will be after apply (`change.after`, with
/// `change.after_unknown` marking "known after apply"); `configuration` gives the references that
/// link a trail to its log group and role across modules. Findings point at the resource's
/// `"address": "…"` entry in `resource_changes` (its address is the finding's resource), and at the
/// value in `change.after` for a bad value.
public struct TerraformPlanAdapter: Sendable {
  public init() {}

  /// Whether a document is a plan: an object with `format_version` and `planned_values` or
  /// `resource_changes`, whatever the file is called. (A state file, `terraform show -json` without
  /// a plan, has `values` instead, and is not linted.)
  public static func isPlan(_ root: Node) -> Bool {
    root.entry("format_version") != nil && (root.entry("planned_values") != nil || root.entry("resource_changes") != nil)
  }

  /// The model of a plan's trails, log groups and roles. Throws at `format_version` when the plan's
  /// format is one trailwatch does not read.
  public func infrastructure(from root: Node) throws(ParseError) -> Infrastructure {
    if let version = root.entry("format_version") {
      try PlanFormatVersion.check(version)
    }
    return PlanModelBuilder(root: root).build()
  }

  /// A TW001 error for a plan saved with the hashicorp/setup-terraform wrapper's text around it; nil
  /// when the file does not look like one.
  public static func wrapperError(in text: SourceText) -> ParseError? {
    WrapperPreamble.error(in: text)
  }
}
