/// The CloudFormation resource types trailwatch reads.
enum ResourceType {
  static let trail = "AWS::CloudTrail::Trail"
  static let logGroup = "AWS::Logs::LogGroup"
  static let role = "AWS::IAM::Role"
}
