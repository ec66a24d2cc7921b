variable "retention_days" {
  type    = number
  default = 365
}

resource "aws_cloudwatch_log_group" "trail" {
  name              = "/audit/trail"
  retention_in_days = var.retention_days
}

resource "aws_iam_role" "delivery" {
  name = "trail-delivery"
  assume_role_policy = jsonencode({
    Statement = [{ Effect = "Allow", Principal = { Service = "cloudtrail.amazonaws.com" }, Action = "sts:AssumeRole" }]
  })
}

# Allows creating the trail's log streams but not writing to them: TW103.
resource "aws_iam_role_policy" "delivery" {
  role = aws_iam_role.delivery.id
  policy = jsonencode({
    Statement = [{ Effect = "Allow", Action = "logs:CreateLogStream", Resource = "${aws_cloudwatch_log_group.trail.arn}:*" }]
  })
}

resource "aws_cloudtrail" "this" {
  name                       = "audit"
  s3_bucket_name             = "audit-trail-logs"
  cloud_watch_logs_group_arn = format("%s:*", aws_cloudwatch_log_group.trail.arn)
  cloud_watch_logs_role_arn  = aws_iam_role.delivery.arn
}
