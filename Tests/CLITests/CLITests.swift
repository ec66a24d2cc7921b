import Foundation
import Testing

/// The command line as a user meets it: exact output, exact exit codes.
struct CLITests {
  @Test("trailwatch samples/ prints the pinned report and exits 1")
  func samples() throws {
    let output = try CommandRunner.run(["samples/"])
    #expect(output.stdout == (try CommandRunner.golden("samples.txt")))
    #expect(output.stderr == "")
    #expect(output.exitCode == 1)
  }

  @Test("--format json follows the contract")
  func samplesJSON() throws {
    let output = try CommandRunner.run(["--format", "json", "samples/"])
    #expect(output.stdout == (try CommandRunner.golden("samples.json")))
    #expect(output.exitCode == 1)
  }

  @Test("--format gcc prints exactly one line per finding")
  func gcc() throws {
    let output = try CommandRunner.run(["--format", "gcc", "samples/cloudformation/bad-short-retention.json"])
    #expect(output.stdout == """
      samples/cloudformation/bad-short-retention.json:10:41: error: log group 'TrailLogs' keeps the events of trail 'Trail' for 30 days (parameter RetentionDays, default 30), fewer than the minimum of 365 [TW202]
      samples/cloudformation/bad-short-retention.json:14:41: error: RetentionInDays 366 of log group 'DebugLogs' is not a period CloudWatch Logs accepts, so the deploy fails; the nearest accepted values are 365 or 400 [TW203]

      """)
  }

  @Test("one core and all cores print the same report")
  func parallelIsDeterministic() throws {
    let one = try CommandRunner.run(["--jobs", "1", "--format", "json", "samples/"])
    let many = try CommandRunner.run(["--jobs", "8", "--format", "json", "samples/"])
    #expect(one.stdout == many.stdout)
  }

  @Test("a clean template exits 0 and says so")
  func clean() throws {
    let output = try CommandRunner.run(["samples/cloudformation/good-audit-trail.yaml"])
    #expect(output.stdout == "1 file linted: no findings\n")
    #expect(output.exitCode == 0)
  }

  @Test("a clean Terraform plan exits 0; a plan's findings name the address and the Terraform type")
  func terraformPlans() throws {
    let clean = try CommandRunner.run(["samples/terraform/good-plan.json"])
    #expect(clean.stdout == "1 file linted: no findings\n")
    #expect(clean.exitCode == 0)
    let output = try CommandRunner.run(["--format", "gcc", "samples/terraform/modules-plan.json"])
    #expect(output.stdout == """
      samples/terraform/modules-plan.json:325:7: warning: log group 'module.app_logs["worker"].aws_cloudwatch_log_group.this' has no retention_in_days, so it keeps its events forever [TW201]
      samples/terraform/modules-plan.json:420:32: error: log group 'module.audit[0].aws_cloudwatch_log_group.this' keeps the events of trail 'module.audit[0].aws_cloudtrail.this' for 30 days, fewer than the minimum of 365 [TW202]

      """)
    #expect(output.exitCode == 1)
  }

  @Test("a plan that stopped on an error fails the run (TW006), even with every trail rule off")
  func erroredPlan() throws {
    let plan = #"{"format_version": "1.2", "resource_changes": [], "errored": true}"#
    let output = try CommandRunner.run(["--format", "gcc", "--stdin-filename", "plan.json", "-"], stdin: plan)
    #expect(output.stdout == """
      plan.json:1:51: warning: the plan stopped on an error (errored: true), so it is incomplete: the resources after the \
      error were not planned and are not checked [TW006]

      """)
    #expect(output.exitCode == 1)
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    try directory.write(".trailwatch.yml", "rules: {TW101: off, TW102: off, TW103: off}\n")
    try directory.write("plan.json", plan)
    #expect(try CommandRunner.run(["--format", "gcc", "plan.json"], in: directory.url).exitCode == 1)
  }

  @Test("--fail-on decides the exit code", arguments: [
    ("error", Int32(1)), ("warning", Int32(1)), ("note", Int32(1)), ("never", Int32(0)),
  ])
  func failOn(level: String, expected: Int32) throws {
    let output = try CommandRunner.run(["--fail-on", level, "samples/"])
    #expect(output.exitCode == expected)
  }

  @Test("warnings alone fail only at --fail-on warning or below")
  func warningsOnly() throws {
    let template = "Resources:\n  Logs:\n    Type: AWS::Logs::LogGroup\n"
    #expect(try CommandRunner.run(["-", "--fail-on", "error"], stdin: template).exitCode == 0)
    #expect(try CommandRunner.run(["-", "--fail-on", "warning"], stdin: template).exitCode == 1)
  }

  @Test("a missing path exits 2 after linting the paths that exist")
  func missingPath() throws {
    let output = try CommandRunner.run(["no-such-dir", "samples/cloudformation/good-audit-trail.yaml"])
    #expect(output.stdout == "1 file linted: no findings\n")
    #expect(output.stderr == "trailwatch: no-such-dir: no such file or directory\n")
    #expect(output.exitCode == 2)
  }

  @Test("a usage error exits 2 with a message")
  func usageError() throws {
    let output = try CommandRunner.run(["--format", "yaml", "samples/"])
    #expect(output.exitCode == 2)
    #expect(output.stderr.contains("'yaml' is invalid for '--format <format>'"))
    #expect(output.stdout == "")
  }

  @Test("standard input is linted under --stdin-filename")
  func standardInput() throws {
    let template = "Resources:\n  Logs:\n    Type: AWS::Logs::LogGroup\n    Properties: {RetentionInDays: 3}\n"
    let output = try CommandRunner.run(["--format", "gcc", "--stdin-filename", "stacks/logs.yaml", "--min-retention", "3", "-"], stdin: template)
    #expect(output.stdout == "")
    let strict = try CommandRunner.run(["--format", "gcc", "--stdin-filename", "stacks/logs.yaml", "--show-unknown", "-"], stdin: "AWSTemplateFormatVersion: x\nResources: [\n")
    #expect(strict.stdout.hasPrefix("stacks/logs.yaml:3:1: error: "))
    #expect(strict.exitCode == 1)
  }

  /// What an editor plugin pipes in: the unsaved buffer, named after its file.
  @Test(
    "standard input is linted as the file it is named after",
    arguments: [
      (
        name: "stacks/my stack.template",
        input: "\u{FEFF}{\r\n  \"Resources\": {\"Lögs\": {\"Type\": \"AWS::Logs::LogGroup\", \"Properties\": {\"RetentionInDays\": 366}}}\r\n}\r\n",
        output: "stacks/my stack.template:2:91: error: RetentionInDays 366 of log group 'Lögs' is not a period CloudWatch Logs "
          + "accepts, so the deploy fails; the nearest accepted values are 365 or 400 [TW203]\n",
        code: Int32(1)
      ),
      (name: ".github/workflows/ci.yml", input: "name: ci\non: [push]\n", output: "", code: Int32(0)),
      (name: "empty.yaml", input: "", output: "", code: Int32(0)),
      (
        name: "-", input: "Resources:\n  Logs:\n    Type: AWS::Logs::LogGroup\n",
        output: "<stdin>:2:3: warning: log group 'Logs' has no RetentionInDays, so it keeps its events forever [TW201]\n",
        code: Int32(1)
      ),
    ])
  func standardInputAsFile(name: String, input: String, output: String, code: Int32) throws {
    let arguments = name == "-" ? ["--format", "gcc", "-"] : ["--format", "gcc", "--stdin-filename", name, "-"]
    let result = try CommandRunner.run(arguments, stdin: input)
    #expect(result.stdout == output)
    #expect(result.stderr == "")
    #expect(result.exitCode == code)
  }

  @Test("--min-retention takes 1 to 3653 days: above, no log group could meet it; below, it means nothing", arguments: [
    ("3654", "--min-retention must be at most 3653 days, the longest retention CloudWatch Logs offers; no log group could keep its events 3654 days"),
    ("0", "--min-retention must be at least 1 day"),
  ])
  func minRetentionBounds(days: String, message: String) throws {
    let output = try CommandRunner.run(["--min-retention", days, "samples/"])
    #expect(output.exitCode == 2)
    #expect(output.stdout == "")
    #expect(output.stderr == "Error: \(message)\nUsage: trailwatch lint [<options>] [<paths> ...]\n  See 'trailwatch lint --help' for more information.\n")
    #expect(try CommandRunner.run(["--min-retention", "3653", "--format", "gcc", "samples/cloudformation/good-audit-trail.yaml"]).exitCode == 1)
  }

  @Test("the root help says that trailwatch PATH lints, where the options are, and how to lint a directory named rules")
  func rootHelp() throws {
    let output = try CommandRunner.run(["--help"])
    #expect(output.exitCode == 0)
    #expect(output.stdout.contains("""
      trailwatch [PATH ...] lints CloudFormation templates, Terraform configuration
      and Terraform plans in files and directories (default .): it runs the lint
      subcommand, whose options (--format, --fail-on, --config, …) 'trailwatch lint
      --help' lists.

      A path named like a subcommand is read as the subcommand: lint a directory
      called rules as 'trailwatch lint rules' or 'trailwatch ./rules'.

      USAGE: trailwatch [<options>] [<paths> ...]
             trailwatch <subcommand>

      """))
  }

  @Test("a directory named rules is linted as lint rules or ./rules")
  func directoryNamedLikeSubcommand() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    try directory.write("rules/logs.yaml", "Resources:\n  Logs:\n    Type: AWS::Logs::LogGroup\n")
    let expected = "rules/logs.yaml:2:3: warning: log group 'Logs' has no RetentionInDays, so it keeps its events forever [TW201]\n"
    let spelledOut = try CommandRunner.run(["lint", "--format", "gcc", "rules"], in: directory.url)
    #expect(spelledOut.stdout == expected)
    #expect(spelledOut.exitCode == 1)
    let dotted = try CommandRunner.run(["--format", "gcc", "./rules"], in: directory.url)
    #expect(dotted.stdout == "./" + expected)
    #expect(dotted.exitCode == 1)
    #expect(try CommandRunner.run(["rules"], in: directory.url).stdout == (try CommandRunner.golden("rules.txt")))
  }

  @Test("the help states each default once, in words")
  func helpDefaults() throws {
    let help = try CommandRunner.run(["lint", "--help"]).stdout
    #expect(help.contains("""
        --jobs <jobs>           How many files to lint at once (default: one per
                                core).

      """))
    #expect(!help.contains("(default: 2)"))
  }

  @Test("--stdin-filename without - among the paths is a usage error that says to add -")
  func stdinFilenameWithoutDash() throws {
    let output = try CommandRunner.run(["--stdin-filename", "stacks/logs.yaml", "samples/"], stdin: "Resources: {}\n")
    #expect(output.exitCode == 2)
    #expect(output.stdout == "")
    #expect(output.stderr == """
      Error: --stdin-filename names standard input, which is read only when - is one of the paths; add - to read \
      standard input as stacks/logs.yaml
      Usage: trailwatch lint [<options>] [<paths> ...]
        See 'trailwatch lint --help' for more information.

      """)
  }

  @Test("--var and --var-file set a Terraform root module's variables; the finding names where from")
  func terraformVariables() throws {
    let good = "samples/terraform-source/good"
    #expect(try CommandRunner.run([good]).exitCode == 0)
    let override = try CommandRunner.run(["--format", "gcc", "--var", "retention_days=30", good])
    #expect(override.stdout == """
      samples/terraform-source/good/logs.tf:3:23: error: log group 'aws_cloudwatch_log_group.audit' keeps the events of trail 'aws_cloudtrail.audit' for 30 days (variable retention_days = 30 from --var), fewer than the minimum of 365 [TW202]

      """)
    #expect(override.exitCode == 1)
    let missing = try CommandRunner.run(["--var-file", "no-such.tfvars", good])
    #expect(missing.stderr == "trailwatch: no-such.tfvars: no such file or directory\n")
    #expect(missing.exitCode == 2)
    let usage = try CommandRunner.run(["--var", "retention_days", good])
    #expect(usage.stderr.hasPrefix("Error: --var takes NAME=VALUE, not 'retention_days'\n"))
    #expect(usage.exitCode == 2)
  }

  @Test("standard input named *.tf is linted in its directory, in place of that file")
  func terraformStandardInput() throws {
    let broken = try CommandRunner.run(
      ["--format", "gcc", "--stdin-filename", "samples/terraform-source/good/main.tf", "-"],
      stdin: "resource \"aws_cloudtrail\" \"audit\" {\n")
    #expect(broken.stdout == """
      samples/terraform-source/good/main.tf:2:1: error: the block opened at line 1, column 35 is not closed: '}' is missing [TW001]

      """)
    let unwired = try CommandRunner.run(
      ["--format", "gcc", "--stdin-filename", "samples/terraform-source/good/main.tf", "-"],
      stdin: "resource \"aws_cloudtrail\" \"audit\" {\n  cloud_watch_logs_group_arn = aws_cloudwatch_log_group.audit.arn\n}\n")
    #expect(unwired.stdout == """
      samples/terraform-source/good/main.tf:1:1: error: trail 'aws_cloudtrail.audit' has no cloud_watch_logs_role_arn, so CloudTrail cannot deliver its events to CloudWatch Logs [TW102]

      """)
  }

  @Test("a plan's findings are shown in its .tf source: beside it, or in --source; the plan's place is related")
  func planInSource() throws {
    let expected = """
      samples/terraform-source/planned/main.tf:13:1: error: trail 'aws_cloudtrail.legacy' has no cloud_watch_logs_group_arn, so its events never reach CloudWatch Logs [TW101]
      samples/terraform-source/planned/main.tf:13:1: error: trail 'aws_cloudtrail.legacy' has no cloud_watch_logs_role_arn, so CloudTrail cannot deliver its events to CloudWatch Logs [TW102]
      samples/terraform-source/planned/modules/audit/main.tf:7:23: error: log group 'module.audit.aws_cloudwatch_log_group.trail' keeps the events of trail 'module.audit.aws_cloudtrail.this' for 30 days, fewer than the minimum of 365 [TW202]

      """
    let beside = try CommandRunner.run(["--format", "gcc", "samples/terraform-source/planned/plan.json"])
    #expect(beside.stdout == expected)
    let plan = try String(
      contentsOf: CommandRunner.packageRoot.appendingPathComponent("samples/terraform-source/planned/plan.json"), encoding: .utf8)
    let elsewhere = try CommandRunner.run(
      ["--format", "gcc", "--stdin-filename", "ci/plan.json", "--source", "samples/terraform-source/planned", "-"], stdin: plan)
    #expect(elsewhere.stdout == expected)
    let json = try CommandRunner.run(["--format", "json", "samples/terraform-source/planned/plan.json"])
    #expect(json.stdout.contains("""
            "related" : [
              {
                "column" : 7,
                "file" : "samples/terraform-source/planned/plan.json",
                "line" : 11,
                "note" : "where the plan samples/terraform-source/planned/plan.json shows it"
              }
            ],
      """))
  }

  @Test("trailwatch rules lists every rule")
  func rules() throws {
    let output = try CommandRunner.run(["rules"])
    #expect(output.stdout == (try CommandRunner.golden("rules.txt")))
    #expect(output.exitCode == 0)
  }

  @Test("trailwatch explain prints a rule's documentation; an unknown rule exits 2")
  func explain() throws {
    let output = try CommandRunner.run(["explain", "tw101"])
    #expect(output.stdout.hasPrefix("## TW101 trail-missing-log-group\n\nSeverity: error\n"))
    #expect(output.stdout.contains("CloudWatchLogsLogGroupArn: !GetAtt AuditLogs.Arn"))
    let unknown = try CommandRunner.run(["explain", "TW999"])
    #expect(unknown.exitCode == 2)
    #expect(unknown.stderr.contains("unknown rule 'TW999'"))
  }

  @Test("explain TW103 says what it reads of Terraform configuration and plans, and what it cannot judge")
  func explainRoleRule() throws {
    let output = try CommandRunner.run(["explain", "TW103"])
    #expect(output.stdout.contains("""
      In Terraform configuration it reads the aws_iam_role's assume_role_policy, inline_policy blocks and \
      managed_policy_arns, and the aws_iam_role_policy, aws_iam_role_policy_attachment and aws_iam_policy_attachment \
      resources that name the role
      """))
    #expect(output.stdout.contains("""
      In a Terraform plan it reads the same from what the plan shows after apply; a policy the plan shows as \
      (known after apply) cannot be judged
      """))
  }

  @Test("docs/rules.md is what trailwatch rules --format markdown prints")
  func rulesDocumentationIsCurrent() throws {
    let output = try CommandRunner.run(["rules", "--format", "markdown"])
    let committed = try String(
      contentsOf: CommandRunner.packageRoot.appendingPathComponent("docs/rules.md"), encoding: .utf8)
    #expect(output.stdout == committed, "regenerate with: trailwatch rules --format markdown > docs/rules.md")
  }

  static let conditional = "samples/cloudformation/conditional-audit-trail.yaml"

  @Test("--parameters FILE lints one concrete deployment: conditions decided, the given values used")
  func parametersFile() throws {
    let output = try CommandRunner.run([
      "--format", "gcc", "--parameters", "samples/cloudformation/conditional-audit-trail.parameters.json", Self.conditional,
    ])
    #expect(output.stdout == """
      samples/cloudformation/conditional-audit-trail.yaml:28:3: error: role 'DeliveryRole' has no policy that allows logs:CreateLogStream on log group 'AuditLogGroup', so trail 'AuditTrail' cannot deliver its events to CloudWatch Logs [TW103]

      """)
    #expect(output.stderr == "")
    #expect(output.exitCode == 1)
  }

  @Test("--parameter Key=Value is repeatable and wins over the file")
  func parameterOptions() throws {
    let output = try CommandRunner.run([
      "--format", "gcc", "--parameters", "samples/cloudformation/conditional-audit-trail.parameters.json",
      "--parameter", "RetentionDays=30", "--parameter", "Environment=staging", Self.conditional,
    ])
    #expect(output.stdout == """
      samples/cloudformation/conditional-audit-trail.yaml:26:24: error: log group 'AuditLogGroup' keeps the events of trail 'AuditTrail' for 30 days (parameter RetentionDays = 30), fewer than the minimum of 365 [TW202]
      samples/cloudformation/conditional-audit-trail.yaml:28:3: error: role 'DeliveryRole' has no policy that allows logs:CreateLogStream on log group 'AuditLogGroup', so trail 'AuditTrail' cannot deliver its events to CloudWatch Logs [TW103]
      samples/cloudformation/conditional-audit-trail.yaml:48:43: warning: trail 'AuditTrail' has IsLogging false, so it records no events [TW105]
      samples/cloudformation/conditional-audit-trail.yaml:51:80: warning: CloudWatchLogsLogGroupArn of trail 'AuditTrail' is '/aws/cloudtrail/staging', which is not an ARN (it is the name of log group 'AuditLogGroup'); CloudTrail needs the log group's ARN, ending in ':*' [TW104]

      """)
    #expect(output.exitCode == 1)
  }

  @Test("a bad parameter file or --parameter exits 2 with a message and lints nothing", arguments: [
    (["--parameters", "samples/no-such-parameters.json"], "trailwatch: samples/no-such-parameters.json: no such file or directory\n"),
    (["--parameters", "samples/cloudformation/bad-short-retention.json"],
     "trailwatch: samples/cloudformation/bad-short-retention.json:5:22: the value of parameter RetentionDays must be a string, a number or a boolean\n"),
    (["--parameters", "samples/not-a-template.yaml"],
     "trailwatch: samples/not-a-template.yaml:1:1: not a JSON parameter file: unexpected character '#'\n"),
    (["--parameter", "RetentionDays"], "trailwatch: --parameter expects Key=Value, got 'RetentionDays'\n"),
  ])
  func badParameters(arguments: [String], message: String) throws {
    let output = try CommandRunner.run(arguments + [Self.conditional])
    #expect(output.stdout == "")
    #expect(output.stderr == message)
    #expect(output.exitCode == 2)
  }

  @Test("--show-unknown adds notes for what cannot be decided, and they never fail the run at --fail-on warning")
  func showUnknown() throws {
    let template = """
      Parameters:
        LogGroupArn: {Type: String}
      Resources:
        Trail:
          Type: AWS::CloudTrail::Trail
          Properties:
            IsLogging: true
            S3BucketName: bucket
            CloudWatchLogsLogGroupArn: !Ref LogGroupArn
            CloudWatchLogsRoleArn: arn:aws:iam::123456789012:role/CloudTrailToLogs

      """
    let quiet = try CommandRunner.run(["--format", "gcc", "--stdin-filename", "trail.yaml", "-"], stdin: template)
    #expect(quiet.stdout == "")
    #expect(quiet.exitCode == 0)
    let notes = try CommandRunner.run(["--format", "gcc", "--show-unknown", "--stdin-filename", "trail.yaml", "-"], stdin: template)
    #expect(notes.stdout == """
      trail.yaml:9:34: note: CloudWatchLogsLogGroupArn of trail 'Trail' cannot be checked before deploy: it comes from parameter LogGroupArn, which has no default [TW101]
      trail.yaml:10:30: note: whether the role of trail 'Trail' can deliver to CloudWatch Logs cannot be checked: arn:aws:iam::123456789012:role/CloudTrailToLogs is not a role in this file [TW103]

      """)
    #expect(notes.exitCode == 0)
  }
}
