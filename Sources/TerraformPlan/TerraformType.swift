/// The Terraform resource types trailwatch reads from a plan.
enum TerraformType {
  static let trail = "aws_cloudtrail"
  static let logGroup = "aws_cloudwatch_log_group"
  static let logGroupRetention = "aws_cloudwatch_log_group_retention"
  static let role = "aws_iam_role"
  static let rolePolicy = "aws_iam_role_policy"
  static let policy = "aws_iam_policy"
  static let policyAttachment = "aws_iam_role_policy_attachment"
  /// Attaches one policy to any number of roles, users and groups.
  static let sharedPolicyAttachment = "aws_iam_policy_attachment"

  static let read: Set<String> = [
    trail, logGroup, logGroupRetention, role, rolePolicy, policy, policyAttachment, sharedPolicyAttachment,
  ]
}
