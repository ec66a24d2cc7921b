/// The CloudFormation resource types trailwatch reads.
enum ResourceType {
  static let trail = "AWS::CloudTrail::Trail"
  static let logGroup = "AWS::Logs::LogGroup"
  static let role = "AWS::IAM::Role"
  static let policy = "AWS::IAM::Policy"
  static let rolePolicy = "AWS::IAM::RolePolicy"
  static let managedPolicy = "AWS::IAM::ManagedPolicy"
  /// CDK's custom resource that sets the retention of a log group it names (`logRetention` props).
  static let logRetention = "Custom::LogRetention"

  /// Types whose `Ref` is a name or id without `:` (not an ARN or URL), so it can stand as one piece of
  /// an ARN.
  static let refIsPlainName: Set<String> = [
    logGroup, role, "AWS::Lambda::Function", "AWS::S3::Bucket", "AWS::IAM::User", "AWS::IAM::Group",
    "AWS::IAM::InstanceProfile", trail, "AWS::Serverless::Function",
  ]
}
