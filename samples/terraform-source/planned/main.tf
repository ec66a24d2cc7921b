# A root module with its plan beside it (terraform show -json tfplan > plan.json): trailwatch reports
# the plan's findings here, at the resources, and keeps the plan's place as a related location.
module "audit" {
  source         = "./modules/audit"
  retention_days = var.retention_days
}

variable "retention_days" {
  type    = number
  default = 30
}

resource "aws_cloudtrail" "legacy" {
  name           = "legacy"
  s3_bucket_name = "audit-trail-logs"
}
