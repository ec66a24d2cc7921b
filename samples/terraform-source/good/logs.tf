resource "aws_cloudwatch_log_group" "audit" {
  name              = "/audit/cloudtrail"
  retention_in_days = var.retention_days
}

variable "retention_days" {
  description = "How long the audit log is kept."
  type        = number
  default     = 400
}

resource "aws_iam_role" "trail_to_logs" {
  name = "cloudtrail-to-cloudwatch-logs"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "cloudtrail.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_iam_role_policy" "trail_to_logs" {
  role = aws_iam_role.trail_to_logs.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["logs:CreateLogStream", "logs:PutLogEvents"]
      Resource = "${aws_cloudwatch_log_group.audit.arn}:*"
    }]
  })
}
