import SourceMap

/// A `resource` or `data` block.
struct ResourceConfig {
  var isData: Bool
  var type: String
  var name: String
  var block: HCLBlock
  var file: String

  /// `aws_cloudtrail.main`, `data.aws_cloudwatch_log_group.audit`.
  var address: String { (isData ? "data." : "") + type + "." + name }

  func attribute(_ name: String) -> LocatedAttribute? {
    block.body.attribute(name).map { LocatedAttribute(attribute: $0, file: file) }
  }
}
