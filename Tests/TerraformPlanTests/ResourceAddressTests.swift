import Testing

@testable import TerraformPlan

struct ResourceAddressTests {
  @Test("addresses with modules, count and for_each keys parse and print back unchanged", arguments: [
    "aws_cloudtrail.main",
    "aws_cloudtrail.main[0]",
    "module.audit.aws_cloudtrail.this[0]",
    "module.audit[\"eu.west\"].module.logs[2].aws_cloudwatch_log_group.this[\"a]b\\\"c\"]",
    "data.aws_cloudwatch_log_group.existing",
    "module.m.data.aws_iam_role.r[1]",
  ])
  func roundTrip(text: String) throws {
    let address = try #require(ResourceAddress(text))
    #expect(address.text == text)
  }

  @Test("module path, mode, type, name and key are told apart")
  func parts() throws {
    let address = try #require(ResourceAddress("module.a[\"k\"].module.b.data.aws_iam_role.r[3]"))
    #expect(address.module == [ModuleStep(name: "a", key: "\"k\""), ModuleStep(name: "b", key: nil)])
    #expect(address.mode == .data)
    #expect(address.type == "aws_iam_role")
    #expect(address.name == "r")
    #expect(address.key == "3")
    #expect(address.base == "module.a.module.b.data.aws_iam_role.r")
  }

  @Test("text that is not an address is refused", arguments: [
    "", "aws_cloudtrail", "aws_cloudtrail.", "aws_cloudtrail.main[", "aws_cloudtrail.main[\"open]", "a..b",
    "aws_cloudtrail.main.arn", "module.audit",
  ])
  func refused(text: String) {
    #expect(ResourceAddress(text) == nil)
  }
}
