import SourceMap

/// One entry of a template's `Resources`, or one resource an `Fn::ForEach` loop generates.
struct TemplateResource {
  var logicalID: String
  /// The logical-id key: where findings about the resource as a whole are reported. For a resource
  /// an `Fn::ForEach` loop generates, the key in the loop's body.
  var keyRange: SourceRange
  var type: String
  var properties: Node?
  /// The name of the resource-level `Condition`, when it has one.
  var condition: String?
  var metadata: Node?
  /// Why nothing about the resource can be known before deploy (an `Fn::ForEach` loop over a
  /// collection known only at deploy time); nil for resources that can be read.
  var unevaluated: String?
}
