import Rules
import TerraformSource
import Testing
import TrailwatchKit

/// Terraform configuration linted as a user meets it: a module is a directory, findings land in the
/// file where the resource or value is written, at the block header for what is missing and at the
/// value for what is wrong.
struct TerraformModuleTests {
  /// Each finding as "file:line:column: rule message".
  static func lint(
    _ files: [String: String], directory: String = "stack", settings: RuleSettings = RuleSettings(),
    variables: TerraformVariableInput = TerraformVariableInput()
  ) -> [String] {
    let linter = SourceLinter(settings: settings, terraformVariables: variables)
    let result = linter.lintTerraformModule(directory: directory, fileSystem: InMemoryTerraformFiles(files))
    return result.findings.map { "\($0.file):\($0.range.start.line):\($0.range.start.column): \($0.ruleID) \($0.message)" }
  }

  static let wiredTrail = """
    resource "aws_cloudtrail" "main" {
      name                       = "audit"
      s3_bucket_name             = "audit-bucket"
      cloud_watch_logs_group_arn = "${aws_cloudwatch_log_group.audit.arn}:*"
      cloud_watch_logs_role_arn  = aws_iam_role.delivery.arn
    }

    """

  /// A delivery role CloudTrail can assume, allowed to write to any log group (TW103 has nothing to say).
  static let role = """
    resource "aws_iam_role" "delivery" {
      name               = "trail-delivery"
      assume_role_policy = jsonencode({ Statement = [{ Effect = "Allow", Principal = { Service = "cloudtrail.amazonaws.com" }, Action = "sts:AssumeRole" }] })
      inline_policy { policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "logs:*", Resource = "*" }] }) }
    }

    """

  @Test("a trail in main.tf wired to its log group in logs.tf: one module, no finding")
  func trailWiredAcrossFiles() {
    let files = [
      "stack/main.tf": Self.wiredTrail,
      "stack/logs.tf": """
        resource "aws_cloudwatch_log_group" "audit" {
          name              = "/audit/trail"
          retention_in_days = 365
        }
        """ + "\n" + Self.role,
    ]
    #expect(Self.lint(files) == [])
  }

  @Test("a trail with nothing set: TW101 and TW102 at the block header")
  func nothingSet() {
    let files = ["stack/main.tf": "# audit\nresource \"aws_cloudtrail\" \"main\" {\n  name = \"audit\"\n  s3_bucket_name = \"b\"\n}\n"]
    #expect(Self.lint(files) == [
      "stack/main.tf:2:1: TW101 trail 'aws_cloudtrail.main' has no cloud_watch_logs_group_arn, so its events never reach CloudWatch Logs",
      "stack/main.tf:2:1: TW102 trail 'aws_cloudtrail.main' has no cloud_watch_logs_role_arn, so CloudTrail cannot deliver its events to CloudWatch Logs",
    ])
  }

  @Test("null and empty values are missing, reported at the value")
  func nullAndEmpty() {
    let files = ["stack/main.tf": """
      resource "aws_cloudtrail" "main" {
        cloud_watch_logs_group_arn = null
        cloud_watch_logs_role_arn  = var.role
      }
      variable "role" {
        default = ""
      }
      """]
    #expect(Self.lint(files) == [
      "stack/main.tf:2:32: TW101 trail 'aws_cloudtrail.main' has no cloud_watch_logs_group_arn, so its events never reach CloudWatch Logs",
      "stack/main.tf:3:32: TW102 trail 'aws_cloudtrail.main' has no cloud_watch_logs_role_arn, so CloudTrail cannot deliver its events to CloudWatch Logs",
    ])
  }

  @Test("a module's trail whose log group keeps 30 days: TW202 at the value in the module's file")
  func moduleRetention() {
    let files = [
      "stack/main.tf": """
        module "audit" {
          source = "./modules/audit"
        }
        """,
      "stack/modules/audit/main.tf": Self.wiredTrail + Self.role + """
        resource "aws_cloudwatch_log_group" "audit" {
          name              = "/audit/trail"
          retention_in_days = 30
        }
        """,
    ]
    #expect(Self.lint(files) == [
      "stack/modules/audit/main.tf:14:23: TW202 log group 'module.audit.aws_cloudwatch_log_group.audit' keeps the events of trail 'module.audit.aws_cloudtrail.main' for 30 days, fewer than the minimum of 365",
    ])
  }

  @Test("a module's inputs and outputs carry values and references between modules")
  func moduleInputsAndOutputs() {
    let files = [
      "stack/main.tf": """
        module "logs" {
          source         = "./logs"
          retention_days = var.days
        }
        variable "days" {
          default = 90
        }
        resource "aws_cloudtrail" "main" {
          cloud_watch_logs_group_arn = module.logs.arn
          cloud_watch_logs_role_arn  = module.logs.role_arn
        }
        """,
      "stack/logs/main.tf": Self.role + """
        variable "retention_days" {}
        resource "aws_cloudwatch_log_group" "this" {
          retention_in_days = var.retention_days
        }
        output "arn" {
          value = join("", [aws_cloudwatch_log_group.this.arn, ":*"])
        }
        output "role_arn" {
          value = aws_iam_role.delivery.arn
        }
        """,
    ]
    #expect(Self.lint(files) == [
      "stack/logs/main.tf:8:23: TW202 log group 'module.logs.aws_cloudwatch_log_group.this' keeps the events of trail 'aws_cloudtrail.main' for 90 days (variable days, default 90), fewer than the minimum of 365",
    ])
  }

  @Test("count: one finding per instance; count = 0 deploys nothing")
  func count() {
    let files = ["stack/main.tf": """
      resource "aws_cloudtrail" "main" {
        count = 2
        name  = "trail-${count.index}"
      }
      resource "aws_cloudtrail" "off" {
        count = var.enabled ? 1 : 0
      }
      variable "enabled" {
        default = false
      }
      """]
    let findings = Self.lint(files, settings: RuleSettings())
    #expect(findings == [
      "stack/main.tf:1:1: TW101 trail 'aws_cloudtrail.main[0]' has no cloud_watch_logs_group_arn, so its events never reach CloudWatch Logs",
      "stack/main.tf:1:1: TW101 trail 'aws_cloudtrail.main[1]' has no cloud_watch_logs_group_arn, so its events never reach CloudWatch Logs",
      "stack/main.tf:1:1: TW102 trail 'aws_cloudtrail.main[0]' has no cloud_watch_logs_role_arn, so CloudTrail cannot deliver its events to CloudWatch Logs",
      "stack/main.tf:1:1: TW102 trail 'aws_cloudtrail.main[1]' has no cloud_watch_logs_role_arn, so CloudTrail cannot deliver its events to CloudWatch Logs",
    ])
  }

  @Test("for_each: each instance is checked with its own each.value")
  func forEach() {
    let files = ["stack/main.tf": """
      variable "groups" {
        default = {
          audit = 365
          app   = 14
        }
      }
      resource "aws_cloudwatch_log_group" "this" {
        for_each          = var.groups
        name              = "/logs/${each.key}"
        retention_in_days = each.value
      }
      resource "aws_cloudtrail" "main" {
        cloud_watch_logs_group_arn = "${aws_cloudwatch_log_group.this["app"].arn}:*"
        cloud_watch_logs_role_arn  = "arn:aws:iam::123456789012:role/delivery"
      }
      """]
    #expect(Self.lint(files) == [
      "stack/main.tf:10:23: TW202 log group 'aws_cloudwatch_log_group.this[\"app\"]' keeps the events of trail 'aws_cloudtrail.main' for 14 days, fewer than the minimum of 365",
    ])
  }

  @Test("an unknown count is still checked, once, and says when it is deployed")
  func unknownCount() {
    let files = ["stack/main.tf": """
      variable "enabled" {}
      resource "aws_cloudwatch_log_group" "audit" {
        count = var.enabled ? 1 : 0
      }
      """]
    #expect(Self.lint(files) == [
      "stack/main.tf:2:1: TW201 log group 'aws_cloudwatch_log_group.audit' has no retention_in_days, so it keeps its events forever; the log group is deployed only when its count is not 0",
    ])
  }

  @Test("retention_in_days unset or 0 keeps events forever; class DELIVERY is exempt")
  func neverExpireAndDelivery() {
    let files = ["stack/main.tf": """
      resource "aws_cloudwatch_log_group" "unset" {
        name = "a"
      }
      resource "aws_cloudwatch_log_group" "zero" {
        retention_in_days = 0
      }
      resource "aws_cloudwatch_log_group" "delivery" {
        log_group_class = "DELIVERY"
      }
      """]
    #expect(Self.lint(files) == [
      "stack/main.tf:1:1: TW201 log group 'aws_cloudwatch_log_group.unset' has no retention_in_days, so it keeps its events forever",
      "stack/main.tf:5:23: TW201 log group 'aws_cloudwatch_log_group.zero' has no retention_in_days, so it keeps its events forever",
    ])
  }

  @Test("retention set by a separate aws_cloudwatch_log_group_retention, in another file")
  func separateRetention() {
    let files = [
      "stack/main.tf": Self.wiredTrail + Self.role + """
        resource "aws_cloudwatch_log_group" "audit" {
          name = "/audit/trail"
        }
        """,
      "stack/retention.tf": """
        resource "aws_cloudwatch_log_group_retention" "audit" {
          log_group_name    = aws_cloudwatch_log_group.audit.name
          retention_in_days = 90
        }
        """,
    ]
    #expect(Self.lint(files) == [
      "stack/retention.tf:3:23: TW202 log group 'aws_cloudwatch_log_group.audit' keeps the events of trail 'aws_cloudtrail.main' for 90 days (set by aws_cloudwatch_log_group_retention.audit), fewer than the minimum of 365",
    ])
  }

  static let variableRetention = [
    "stack/main.tf": wiredTrail + role + """
      resource "aws_cloudwatch_log_group" "audit" {
        retention_in_days = var.days
      }
      variable "days" {
        type    = number
        default = 30
      }
      """,
  ]

  @Test("a variable's default is used, and --var overrides it")
  func variableDefaultAndOverride() {
    #expect(Self.lint(Self.variableRetention) == [
      "stack/main.tf:13:23: TW202 log group 'aws_cloudwatch_log_group.audit' keeps the events of trail 'aws_cloudtrail.main' for 30 days (variable days, default 30), fewer than the minimum of 365",
    ])
    #expect(Self.lint(Self.variableRetention, variables: TerraformVariableInput(assignments: [("days", "400")])) == [])
    #expect(Self.lint(Self.variableRetention, variables: TerraformVariableInput(assignments: [("days", "90")])) == [
      "stack/main.tf:13:23: TW202 log group 'aws_cloudwatch_log_group.audit' keeps the events of trail 'aws_cloudtrail.main' for 90 days (variable days = 90 from --var), fewer than the minimum of 365",
    ])
  }

  @Test("terraform.tfvars and *.auto.tfvars apply, --var-file after them, --var last")
  func variableFiles() {
    var files = Self.variableRetention
    files["stack/terraform.tfvars"] = "days = 60\n"
    #expect(Self.lint(files).first?.contains("for 60 days (variable days = 60 in terraform.tfvars)") == true)
    files["stack/z.auto.tfvars.json"] = "{\"days\": 14}"
    #expect(Self.lint(files).first?.contains("for 14 days (variable days = 14 in z.auto.tfvars.json)") == true)
    files["prod.tfvars"] = "days = 7\n"
    let fromFile = TerraformVariableInput(files: ["prod.tfvars"])
    #expect(Self.lint(files, variables: fromFile).first?.contains("for 7 days (variable days = 7 in prod.tfvars)") == true)
    let both = TerraformVariableInput(assignments: [("days", "731")], files: ["prod.tfvars"])
    #expect(Self.lint(files, variables: both) == [])
  }

  @Test("a log group read by a data source: no finding; a note with --show-unknown")
  func dataSource() {
    let files = ["stack/main.tf": """
      data "aws_cloudwatch_log_group" "audit" {
        name = "/audit/trail"
      }
      resource "aws_cloudtrail" "main" {
        cloud_watch_logs_group_arn = "${data.aws_cloudwatch_log_group.audit.arn}:*"
        cloud_watch_logs_role_arn  = data.aws_iam_role.delivery.arn
      }
      data "aws_iam_role" "delivery" {
        name = "delivery"
      }
      """]
    #expect(Self.lint(files) == [])
    #expect(Self.lint(files, settings: RuleSettings(showUnknown: true)) == [
      "stack/main.tf:1:1: TW202 retention_in_days of log group 'data.aws_cloudwatch_log_group.audit' cannot be checked before deploy: data.aws_cloudwatch_log_group.audit reads an existing log group, whose retention is known only when Terraform plans",
      "stack/main.tf:6:32: TW102 cloud_watch_logs_role_arn of trail 'aws_cloudtrail.main' cannot be checked before deploy: it is read from data.aws_iam_role.delivery.arn when Terraform plans",
    ])
  }

  @Test("values from remote modules and unset variables are unknown, not missing")
  func remoteModulesAndUnsetVariables() {
    let files = ["stack/main.tf": """
      module "logs" {
        source = "terraform-aws-modules/cloudwatch/aws//modules/log-group"
      }
      variable "role_arn" {
        type = string
      }
      resource "aws_cloudtrail" "main" {
        cloud_watch_logs_group_arn = "${module.logs.cloudwatch_log_group_arn}:*"
        cloud_watch_logs_role_arn  = var.role_arn
      }
      """]
    #expect(Self.lint(files) == [])
    #expect(Self.lint(files, settings: RuleSettings(showUnknown: true)) == [
      "stack/main.tf:8:32: TW101 cloud_watch_logs_group_arn of trail 'aws_cloudtrail.main' cannot be checked before deploy: module.logs comes from terraform-aws-modules/cloudwatch/aws//modules/log-group, which trailwatch does not read",
      "stack/main.tf:9:32: TW102 cloud_watch_logs_role_arn of trail 'aws_cloudtrail.main' cannot be checked before deploy: it comes from variable role_arn, which has no default and is given no value (--var, --var-file or terraform.tfvars)",
    ])
  }

  @Test("locals, conditionals, format() and a literal ARN naming the log group all link")
  func linkingForms() {
    let files = ["stack/main.tf": Self.role + """
      locals {
        group = aws_cloudwatch_log_group.audit
        name  = "/audit/${var.env}"
      }
      variable "env" {
        default = "prod"
      }
      resource "aws_cloudwatch_log_group" "audit" {
        name              = local.name
        retention_in_days = 180
      }
      resource "aws_cloudtrail" "by_local" {
        cloud_watch_logs_group_arn = var.env == "prod" ? format("%s:*", local.group.arn) : null
        cloud_watch_logs_role_arn  = aws_iam_role.delivery.arn
      }
      resource "aws_cloudtrail" "by_name" {
        cloud_watch_logs_group_arn = "arn:aws:logs:eu-west-1:123456789012:log-group:/audit/prod:*"
        cloud_watch_logs_role_arn  = "arn:aws:iam::123456789012:role/trail-delivery"
      }
      """]
    #expect(Self.lint(files) == [
      "stack/main.tf:15:23: TW202 log group 'aws_cloudwatch_log_group.audit' keeps the events of trail 'aws_cloudtrail.by_local', 'aws_cloudtrail.by_name' for 180 days, fewer than the minimum of 365",
    ])
  }

  @Test(".tf.json configuration is read with the same meaning, at the resource's name key")
  func jsonConfiguration() {
    let files = ["stack/main.tf.json": """
      {
        "resource": {
          "aws_cloudwatch_log_group": {
            "audit": {"name": "/audit/trail", "retention_in_days": 30}
          },
          "aws_cloudtrail": {
            "main": {
              "cloud_watch_logs_group_arn": "${aws_cloudwatch_log_group.audit.arn}:*"
            }
          }
        }
      }
      """]
    #expect(Self.lint(files) == [
      "stack/main.tf.json:4:62: TW202 log group 'aws_cloudwatch_log_group.audit' keeps the events of trail 'aws_cloudtrail.main' for 30 days, fewer than the minimum of 365",
      "stack/main.tf.json:7:7: TW102 trail 'aws_cloudtrail.main' has no cloud_watch_logs_role_arn, so CloudTrail cannot deliver its events to CloudWatch Logs",
    ])
  }

  @Test("a file that does not parse is TW001 at its error; the module's other files are still linted")
  func parseErrorInOneFile() {
    let files = [
      "stack/broken.tf": "resource \"aws_cloudtrail\" \"x\" {\n  name = \"unterminated\n}\n",
      "stack/logs.tf": "resource \"aws_cloudwatch_log_group\" \"app\" {}\n",
    ]
    #expect(Self.lint(files) == [
      "stack/broken.tf:2:23: TW001 a quoted string cannot span lines: close it with '\"' on this line, or use a heredoc (<<EOT)",
      "stack/logs.tf:1:1: TW201 log group 'aws_cloudwatch_log_group.app' has no retention_in_days, so it keeps its events forever",
    ])
  }

  @Test("a module that calls itself, or sits deeper than the bound, is left unknown, not a hang")
  func moduleLoops() {
    let files = [
      "stack/main.tf": "module \"self\" {\n  source = \"./\"\n}\nmodule \"child\" {\n  source = \"./child\"\n}\n",
      "stack/child/main.tf": "module \"parent\" {\n  source = \"../\"\n}\nresource \"aws_cloudwatch_log_group\" \"x\" {\n  retention_in_days = 7\n}\n",
    ]
    #expect(Self.lint(files) == [])
  }

  @Test("a single .tf file linted on its own is a module of one file")
  func singleFile() {
    let result = SourceLinter().lint(Array("resource \"aws_cloudwatch_log_group\" \"a\" {}\n".utf8), path: "logs.tf")
    #expect(result.kind == .terraform)
    #expect(result.findings.map { "\($0.file):\($0.range.start.line):\($0.range.start.column) \($0.ruleID)" } == ["logs.tf:1:1 TW201"])
  }

  // MARK: Delivery roles (TW103)

  static let logGroupAndTrail = """
    resource "aws_cloudwatch_log_group" "audit" {
      name              = "audit"
      retention_in_days = 365
    }

    resource "aws_cloudtrail" "main" {
      name                       = "audit"
      s3_bucket_name             = "audit-bucket"
      cloud_watch_logs_group_arn = "${aws_cloudwatch_log_group.audit.arn}:*"
      cloud_watch_logs_role_arn  = aws_iam_role.delivery.arn
    }

    """

  static let trustsCloudTrail = """
    jsonencode({ Statement = [{ Effect = "Allow", Principal = { Service = "cloudtrail.amazonaws.com" }, Action = "sts:AssumeRole" }] })
    """

  @Test("a role whose data aws_iam_policy_document trusts another service: TW103 at the role's header")
  func roleTrustFromDataDocument() {
    let files = ["stack/main.tf": Self.logGroupAndTrail + """
      data "aws_iam_policy_document" "assume" {
        statement {
          actions = ["sts:AssumeRole"]
          principals {
            type        = "Service"
            identifiers = ["ec2.amazonaws.com"]
          }
        }
      }

      resource "aws_iam_role" "delivery" {
        assume_role_policy = data.aws_iam_policy_document.assume.json
        inline_policy {
          name   = "deliver"
          policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "logs:*", Resource = "*" }] })
        }
      }
      """]
    #expect(Self.lint(files) == [
      "stack/main.tf:22:1: TW103 role 'aws_iam_role.delivery' does not let cloudtrail.amazonaws.com assume it (its assume_role_policy trusts only ec2.amazonaws.com), so trail 'aws_cloudtrail.main' cannot deliver its events to CloudWatch Logs",
    ])
  }

  @Test("policies that name the role: a heredoc attached through aws_iam_policy, and an aws_iam_role_policy in another file")
  func rolePoliciesByReference() {
    let allowed = [
      "stack/main.tf": Self.logGroupAndTrail + """
        resource "aws_iam_role" "delivery" {
          name               = "trail-delivery"
          assume_role_policy = \(Self.trustsCloudTrail)
        }

        resource "aws_iam_policy" "streams" {
          policy = <<POLICY
        {"Statement": [{"Effect": "Allow", "Action": "logs:CreateLogStream", "Resource": "${aws_cloudwatch_log_group.audit.arn}:*"}]}
        POLICY
        }

        resource "aws_iam_role_policy_attachment" "streams" {
          role       = aws_iam_role.delivery.name
          policy_arn = aws_iam_policy.streams.arn
        }
        """,
      "stack/iam.tf": """
        resource "aws_iam_role_policy" "events" {
          role   = "trail-delivery"
          policy = jsonencode({ Statement = [{ Effect = "Allow", Action = ["logs:PutLogEvents"], Resource = "arn:aws:logs:*:*:log-group:audit:*" }] })
        }
        """,
    ]
    #expect(Self.lint(allowed) == [])
    var denied = allowed
    denied["stack/iam.tf"] = allowed["stack/iam.tf"]!.replacingOccurrences(of: "\"Allow\"", with: "\"Deny\"")
    #expect(Self.lint(denied) == [
      "stack/main.tf:12:1: TW103 role 'aws_iam_role.delivery' denies logs:PutLogEvents on log group 'aws_cloudwatch_log_group.audit' (aws_iam_role_policy.events), so trail 'aws_cloudtrail.main' cannot deliver its events to CloudWatch Logs",
    ])
  }

  @Test("a managed policy from elsewhere cannot be judged: a note with --show-unknown, nothing without")
  func managedPolicyFromElsewhere() {
    let files = ["stack/main.tf": Self.logGroupAndTrail + """
      resource "aws_iam_role" "delivery" {
        assume_role_policy  = \(Self.trustsCloudTrail)
        managed_policy_arns = ["arn:aws:iam::aws:policy/CloudWatchLogsFullAccess"]
      }
      """]
    #expect(Self.lint(files) == [])
    #expect(Self.lint(files, settings: RuleSettings(showUnknown: true)) == [
      "stack/main.tf:12:1: TW103 whether role 'aws_iam_role.delivery' allows logs:CreateLogStream and logs:PutLogEvents on log group 'aws_cloudwatch_log_group.audit' cannot be checked before deploy: managed policy arn:aws:iam::aws:policy/CloudWatchLogsFullAccess is not in this configuration",
    ])
  }

  @Test("a policy ARN with the region and account from variables names the log group by its name")
  func policyArnWithUnknownRegion() {
    let files = ["stack/main.tf": Self.logGroupAndTrail + """
      variable "region" {}
      variable "account_id" {}

      data "aws_iam_policy_document" "deliver" {
        statement {
          actions   = ["logs:CreateLogStream", "logs:PutLogEvents"]
          resources = ["arn:aws:logs:${var.region}:${var.account_id}:log-group:${aws_cloudwatch_log_group.audit.name}:log-stream:*"]
        }
      }

      resource "aws_iam_role" "delivery" {
        assume_role_policy = \(Self.trustsCloudTrail)
        inline_policy {
          policy = data.aws_iam_policy_document.deliver.json
        }
      }
      """]
    #expect(Self.lint(files, settings: RuleSettings(showUnknown: true)) == [])
  }

  @Test("a policy attached with aws_iam_policy_attachment to a list of roles counts for each of them")
  func sharedPolicyAttachment() {
    let files = ["stack/main.tf": Self.logGroupAndTrail + """
      resource "aws_iam_role" "delivery" {
        assume_role_policy = \(Self.trustsCloudTrail)
      }

      resource "aws_iam_policy" "deliver" {
        policy = jsonencode({ Statement = [{ Effect = "Allow", Action = ["logs:CreateLogStream", "logs:PutLogEvents"], Resource = "*" }] })
      }

      resource "aws_iam_policy_attachment" "deliver" {
        name       = "deliver"
        roles      = [aws_iam_role.delivery.name]
        policy_arn = aws_iam_policy.deliver.arn
      }
      """]
    #expect(Self.lint(files, settings: RuleSettings(showUnknown: true)) == [])
    let detached = files.mapValues { $0.replacingOccurrences(of: "roles      = [aws_iam_role.delivery.name]", with: "roles      = []") }
    #expect(Self.lint(detached).first?.hasPrefix("stack/main.tf:12:1: TW103 role 'aws_iam_role.delivery' has no policy that allows") == true)
  }
}
