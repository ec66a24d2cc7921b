/// A piece of a string that CloudFormation builds at deploy time.
enum TextPart: Hashable {
  case literal(String)
  /// A pseudo parameter such as `AWS::Region`: known at deploy time, not before.
  case pseudo(String)
  /// `Ref X` (attribute nil) or `Fn::GetAtt X.attribute` of a resource in the template.
  case resource(String, attribute: String?)
  /// Something that cannot be known here, and why.
  case unknown(String)
}
