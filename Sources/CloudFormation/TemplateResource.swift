import SourceMap

/// One entry of a template's `Resources`.
struct TemplateResource {
  var logicalID: String
  /// The logical-id key: where findings about the resource as a whole are reported.
  var keyRange: SourceRange
  var type: String
  var properties: Node?
  /// The name of the resource-level `Condition`, when it has one.
  var condition: String?
  var metadata: Node?
}
