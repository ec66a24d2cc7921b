import Foundation
import InfraModel
import SourceMap
import TerraformSource
import Testing

/// The adapter on its own: the model it builds (addresses, files, links, conditions), paths, and the
/// corpus of `.tf.json` files.
struct TerraformSourceAdapterTests {
  static func model(_ files: [String: String], directory: String = "stack") -> TerraformSourceResult {
    TerraformSourceAdapter().read(directory: directory, from: InMemoryTerraformFiles(files))
  }

  @Test("resources are named by their Terraform address and declared in their own file")
  func addressesAndFiles() {
    let result = Self.model([
      "stack/main.tf": "module \"audit\" {\n  source = \"./audit\"\n  for_each = toset([\"eu\", \"us\"])\n}\n",
      "stack/audit/logs.tf": "resource \"aws_cloudwatch_log_group\" \"trail\" {\n  name = \"/audit/${each.key}\"\n}\n",
    ])
    let groups = result.infrastructure.logGroups
    #expect(groups.map(\.identity.name) == [
      "module.audit[\"eu\"].aws_cloudwatch_log_group.trail", "module.audit[\"us\"].aws_cloudwatch_log_group.trail",
    ])
    #expect(groups.map(\.identity.file) == ["stack/audit/logs.tf", "stack/audit/logs.tf"])
    #expect(groups.map { $0.identity.range.start.line } == [1, 1])
    #expect(groups[0].identity.range.end.column == 44)
    #expect(result.files.map(\.path) == ["stack/main.tf", "stack/audit/logs.tf"])
    #expect(result.moduleDirectories == ["stack/audit"])
  }

  @Test("a module's input reaches its resources: each.key of the call, not of the resource")
  func moduleInputs() {
    let result = Self.model([
      "stack/main.tf": "module \"audit\" {\n  source = \"./audit\"\n  for_each = toset([\"eu\"])\n  region = each.key\n}\n",
      "stack/audit/main.tf": "variable \"region\" {}\nresource \"aws_cloudwatch_log_group\" \"trail\" {\n  name = \"/audit/${var.region}\"\n}\n",
    ])
    #expect(result.infrastructure.logGroups.first?.logGroupName.outcomes.first?.state == .explicit("/audit/eu"))
  }

  @Test("a trail links to its log group and role by reference, the links named by address")
  func links() {
    let result = Self.model(["stack/main.tf": """
      resource "aws_cloudwatch_log_group" "audit" {
        count = 1
      }
      resource "aws_iam_role" "delivery" {}
      resource "aws_cloudtrail" "main" {
        cloud_watch_logs_group_arn = "${aws_cloudwatch_log_group.audit[0].arn}:*"
        cloud_watch_logs_role_arn  = aws_iam_role.delivery.arn
      }
      """])
    let trail = result.infrastructure.trails.first
    #expect(trail?.logGroup.outcomes.first?.state == .explicit(Reference(text: nil, target: "aws_cloudwatch_log_group.audit[0]")))
    #expect(trail?.role.outcomes.first?.state == .explicit(Reference(text: nil, target: "aws_iam_role.delivery")))
    #expect(result.infrastructure.roles.map(\.identity.name) == ["aws_iam_role.delivery"])
  }

  @Test("loops of references are unknown, not endless")
  func referenceLoops() {
    let result = Self.model(["stack/main.tf": """
      locals {
        a = local.b
        b = local.a
      }
      resource "aws_cloudwatch_log_group" "x" {
        retention_in_days = local.a
      }
      """])
    guard case .unknown(let reason)? = result.infrastructure.logGroups.first?.retentionInDays.outcomes.first?.state else {
      Issue.record("not unknown")
      return
    }
    #expect(reason.contains("refers to itself"))
  }

  @Test("expressions evaluate as Terraform does", arguments: [
    ("1 + 2 * 3", "7"), ("(1 + 2) * 3", "9"), ("10 % 4", "2"), ("-3 + 4", "1"),
    ("true && !false ? 30 : 60", "30"), ("\"a\" == \"a\" ? 1 : 2", "1"),
    ("max(1, 400, 7)", "400"), ("length([1, 2, 3]) * 2", "6"), ("tonumber(\"14\")", "14"),
    ("lookup({a = 90}, \"a\", 1)", "90"), ("element([5, 7], 3)", "7"), ("try(local.missing, 3)", "3"),
    ("coalesce(null, 365)", "365"), ("[for x in [1, 2] : x * 10][1]", "20"),
    ("{for k, v in {a = 1, b = 2} : k => v * 3}[\"b\"]", "6"), ("one([731])", "731"),
    ("length(\"%{for x in [1, 2]}${x}%{endfor}\")", "2"), ("length(\"%{if true}abc%{endif}\")", "3"),
  ])
  func evaluation(expression: String, expected: String) {
    let result = Self.model(["stack/main.tf": "resource \"aws_cloudwatch_log_group\" \"x\" {\n  retention_in_days = \(expression)\n}\n"])
    let state = result.infrastructure.logGroups.first?.retentionInDays.outcomes.first?.state
    #expect(state == .explicit(Int(expected) ?? -1), "\(expression): \(String(describing: state))")
  }

  @Test("jsonencode writes JSON as Terraform does: keys sorted, <, > and & escaped", arguments: [
    (#"jsonencode({b = 1, a = ["x", true, null]})"#, #"{"a":["x",true,null],"b":1}"#),
    (#"jsonencode("a<b & \"c\"")"#, #""a\u003cb \u0026 \"c\"""#),
    (#"jsonencode({n = 2.5, s = "line\nbreak"})"#, #"{"n":2.5,"s":"line\nbreak"}"#),
  ])
  func jsonencode(expression: String, expected: String) {
    let result = Self.model(["stack/main.tf": "resource \"aws_cloudwatch_log_group\" \"x\" {\n  name = \(expression)\n}\n"])
    #expect(result.infrastructure.logGroups.first?.logGroupName.outcomes.first?.state == .explicit(expected))
  }

  @Test("hostile configurations stay bounded: doubling text and lists, huge counts, deep references")
  func hostileConfigurations() {
    var locals = "locals {\n  s0 = \"abcdefgh\"\n  l0 = [1, 2]\n"
    for level in 1...60 {
      locals += "  s\(level) = \"${local.s\(level - 1)}${local.s\(level - 1)}\"\n"
      locals += "  l\(level) = concat(local.l\(level - 1), local.l\(level - 1))\n"
    }
    locals += "  chain0 = 7\n"
    for level in 1...2_000 { locals += "  chain\(level) = local.chain\(level - 1)\n" }
    locals += "}\n"
    let result = Self.model(["stack/main.tf": locals + """
      resource "aws_cloudwatch_log_group" "text" {
        name              = local.s60
        retention_in_days = length(local.l60) == 0 ? 1 : 7
      }
      resource "aws_cloudwatch_log_group" "many" {
        count             = 1000000000
        retention_in_days = local.chain2000
      }
      resource "aws_cloudwatch_log_group" "equal" {
        retention_in_days = local.l60 == local.l59 ? 1 : 3
      }
      """])
    let groups = result.infrastructure.logGroups
    #expect(groups.count == 3)
    guard case .unknown(let name)? = groups.first?.logGroupName.outcomes.first?.state else {
      Issue.record("the doubled text is not unknown")
      return
    }
    #expect(name == "a text longer than 1048576 bytes")
    #expect(groups[1].identity.condition == "its count is not 0")
    #expect(groups[1].retentionInDays.outcomes.first?.state == .unknown(reason: "its references nest too deeply to follow"))
  }

  @Test("paths are joined and normalized without touching the disk", arguments: [
    ("examples/complete/../../modules/x", "modules/x"), ("./a/./b/", "a/b"), ("../a/../../b", "../../b"),
    ("/x/../../y", "/y"), (".", "."), ("a/..", "."),
  ])
  func normalize(path: String, expected: String) {
    #expect(TerraformPath.normalize(path) == expected)
  }

  @Test("every .tf.json file of the corpus reads without an error")
  func jsonCorpus() throws {
    let directory: URL
    if let override = ProcessInfo.processInfo.environment["TRAILWATCH_CORPUS"] {
      directory = URL(fileURLWithPath: override).appendingPathComponent("tfjson")
    } else {
      directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/corpus/tfjson")
    }
    guard let walker = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil) else {
      print("Terraform JSON corpus test skipped: no corpus at \(directory.path) (set TRAILWATCH_CORPUS)")
      return
    }
    var files: [String: String] = [:]
    for case let url as URL in walker where url.lastPathComponent.hasSuffix(".tf.json") {
      files[url.path] = try String(contentsOf: url, encoding: .utf8)
    }
    var failures: [String] = []
    for path in files.keys.sorted() {
      let result = TerraformSourceAdapter().read(
        directory: TerraformPath.directory(of: path), from: InMemoryTerraformFiles([path: files[path] ?? ""]))
      for file in result.files {
        if let error = file.error { failures.append("\(file.path): \(error.message)") }
      }
      #expect(result.files.count == 1, "\(path)")
    }
    #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
    #expect(files.count >= 5)
  }
}
