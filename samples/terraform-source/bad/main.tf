# A trail that only writes to S3: nobody can alarm on its events.
resource "aws_cloudtrail" "unwired" {
  name           = "unwired"
  s3_bucket_name = "audit-trail-logs"
}

# The audit module keeps its trail's events for var.retention_days.
module "audit" {
  source         = "./modules/audit"
  retention_days = 30
}

resource "aws_cloudwatch_log_group" "app" {
  name = "/app/web"
}

resource "aws_cloudwatch_log_group" "debug" {
  name              = "/app/debug"
  retention_in_days = 366
}
