# An audit trail that delivers to CloudWatch Logs; its log group and role are in logs.tf.
resource "aws_cloudtrail" "audit" {
  name                          = "audit"
  s3_bucket_name                = var.bucket
  is_multi_region_trail         = true
  include_global_service_events = true
  enable_log_file_validation    = true

  cloud_watch_logs_group_arn = "${aws_cloudwatch_log_group.audit.arn}:*"
  cloud_watch_logs_role_arn  = aws_iam_role.trail_to_logs.arn
}

variable "bucket" {
  type    = string
  default = "audit-trail-logs"
}
