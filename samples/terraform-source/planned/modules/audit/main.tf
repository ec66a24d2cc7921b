variable "retention_days" {
  type = number
}

resource "aws_cloudwatch_log_group" "trail" {
  name              = "/audit/trail"
  retention_in_days = var.retention_days
}

resource "aws_iam_role" "delivery" {
  name               = "trail-delivery"
  assume_role_policy = jsonencode({ Statement = [{ Action = "sts:AssumeRole", Effect = "Allow", Principal = { Service = "cloudtrail.amazonaws.com" } }], Version = "2012-10-17" })
  inline_policy { policy = jsonencode({ Statement = [{ Action = ["logs:CreateLogStream", "logs:PutLogEvents"], Effect = "Allow", Resource = "*" }], Version = "2012-10-17" }) }
}

resource "aws_cloudtrail" "this" {
  name                       = "audit"
  s3_bucket_name             = "audit-trail-logs"
  cloud_watch_logs_group_arn = "${aws_cloudwatch_log_group.trail.arn}:*"
  cloud_watch_logs_role_arn  = aws_iam_role.delivery.arn
}
