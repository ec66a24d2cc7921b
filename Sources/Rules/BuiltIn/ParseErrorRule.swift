import InfraModel

/// TW001: a file that looks like a template or plan but cannot be read. The engine reports it from
/// the reader's error; the rule carries its documentation and examples.
public struct ParseErrorRule: Rule {
  public init() {}

  public static let description = RuleDescription(
    id: "TW001",
    name: "parse-error",
    severity: .error,
    summary: "A file that looks like a template or plan cannot be parsed.",
    rationale: """
      A template that cannot be parsed cannot be checked, and CloudFormation or Terraform will refuse it \
      too. Reporting it, rather than skipping it, means a broken file never passes as clean: duplicate \
      keys (which YAML parsers resolve silently and differently), invalid UTF-8, tabs used for YAML \
      indentation and unbalanced brackets are all reported where they are.
      """,
    remediation: """
      Fix the syntax at the reported position. For duplicate keys, keep one of them. Save the file as \
      UTF-8. For a Terraform plan, write it with `terraform show -json tf.plan > plan.json` and nothing \
      else in the file (with hashicorp/setup-terraform, set terraform_wrapper: false, or its wrapper adds \
      lines of its own).
      """,
    references: [
      RuleReference(
        "AWS CloudFormation template formats",
        "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/template-formats.html"),
      RuleReference("YAML 1.2 specification", "https://yaml.org/spec/1.2.2/"),
    ],
    triggeringExamples: [
      RuleExample(
        "duplicate-key.yaml",
        """
        AWSTemplateFormatVersion: "2010-09-09"
        Resources:
          Logs:
            Type: AWS::Logs::LogGroup
            Properties:
              RetentionInDays: 365
              ↓RetentionInDays: 30
        """),
      RuleExample(
        "unclosed.json",
        """
        {
          "AWSTemplateFormatVersion": "2010-09-09",
          "Resources": {
            "Logs": {"Type": "AWS::Logs::LogGroup", "Properties": {"RetentionInDays": 365}↓]
          }
        }
        """),
      RuleExample(
        "tfplan.json",
        """
        ↓[command]/home/runner/work/_temp/terraform-bin show -json tf.plan
        {"format_version":"1.2","terraform_version":"1.9.8","planned_values":{"root_module":{}},"resource_changes":[]}
        ::debug::Terraform exited with code 0.
        """),
      RuleExample(
        "unclosed.tf",
        """
        resource "aws_cloudwatch_log_group" "audit" {
          retention_in_days = 365
        ↓
        """),
    ],
    nonTriggeringExamples: [
      RuleExample(
        "template.yaml",
        """
        AWSTemplateFormatVersion: "2010-09-09"
        Resources:
          Logs:
            Type: AWS::Logs::LogGroup
            Properties: {RetentionInDays: 365}
        """),
      RuleExample(
        "workflow.yaml",
        """
        # Not a template: skipped, whatever its syntax.
        on: [push
        """),
      RuleExample(
        "logs.tf",
        """
        resource "aws_cloudwatch_log_group" "audit" {
          retention_in_days = 365 # kept a year
        }
        """),
    ]
  )

  public func check(_ infrastructure: Infrastructure, settings: RuleSettings) -> [Violation] {
    []
  }
}
