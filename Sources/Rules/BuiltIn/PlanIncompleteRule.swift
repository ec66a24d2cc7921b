import InfraModel

/// TW006: a Terraform plan that stopped on an error or left resources out, so what it does not hold
/// cannot be checked.
public struct PlanIncompleteRule: Rule {
  public init() {}

  public static let description = RuleDescription(
    id: "TW006",
    name: "plan-incomplete",
    severity: .warning,
    summary: "A Terraform plan stopped on an error or is incomplete, so the resources it left out are not checked.",
    rationale: """
      A plan saved after an error (errored: true), or one Terraform marks incomplete (complete: false: \
      deferred changes, whose count or for_each was not known yet, or a plan made with -target), holds \
      only part of the configuration. A trail or log group it leaves out is neither passed nor failed: \
      it is simply not there to check, so a clean report of such a plan would say nothing about them. \
      This is reported at the plan's errored or complete key, apart from the rules about trails and log \
      groups, so turning those rules off or down never hides it. A CloudFormation template is always \
      read whole and never reports this.
      """,
    remediation: """
      Fix the error the plan stopped on, or plan without -target, and lint the complete plan. For \
      deferred changes, apply the resources they wait for first (or set the values that decide their \
      count or for_each), then plan again. If a partial plan is expected in this job, accept it in \
      .trailwatch.yml (suppressions: - {rule: TW006, file: plan.json, reason: …}).
      """,
    references: [
      RuleReference(
        "Terraform JSON output format: plan representation",
        "https://developer.hashicorp.com/terraform/internals/json-format#plan-representation"),
      RuleReference(
        "Terraform: resource targeting (-target)",
        "https://developer.hashicorp.com/terraform/cli/commands/plan#resource-targeting"),
    ],
    triggeringExamples: [
      RuleExample(
        "tfplan.json",
        """
        {
          "format_version": "1.2",
          "terraform_version": "1.9.8",
          "resource_changes": [],
          ↓"errored": true
        }
        """),
      RuleExample(
        "tfplan-deferred.json",
        """
        {
          "format_version": "1.2",
          "terraform_version": "1.10.0",
          "resource_changes": [],
          "deferred_changes": [
            {
              "reason": "instance_count_unknown",
              "resource_change": {
                "address": "aws_cloudtrail.audit[*]",
                "mode": "managed",
                "type": "aws_cloudtrail",
                "name": "audit",
                "change": {"actions": ["create"], "before": null, "after": {}, "after_unknown": {}}
              }
            }
          ],
          ↓"complete": false
        }
        """),
    ],
    nonTriggeringExamples: [
      RuleExample(
        "tfplan.json",
        """
        {
          "format_version": "1.2",
          "terraform_version": "1.9.8",
          "resource_changes": [],
          "complete": true,
          "errored": false
        }
        """),
      RuleExample(
        "logs.yaml",
        """
        Resources:
          AuditLogs:
            Type: AWS::Logs::LogGroup
            Properties:
              RetentionInDays: 365
        """),
    ]
  )

  public func check(_ infrastructure: Infrastructure, settings: RuleSettings) -> [Violation] {
    infrastructure.omissions.map { Violation($0.description, at: $0.range, resource: nil) }
  }
}
