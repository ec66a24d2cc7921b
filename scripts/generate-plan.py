#!/usr/bin/env python3
"""Writes a large, deterministic Terraform plan (`terraform show -json` format 1.2) for benchmarks.

The plan repeats a module per service: a log group, a trail every tenth service, and unrelated
resources with sizeable attribute objects, with `planned_values`, `resource_changes`, `prior_state`
and `configuration` as Terraform writes them. The same arguments always give the same bytes.

    scripts/generate-plan.py --megabytes 50 > /tmp/plan-50mb.json
    scripts/generate-plan.py --megabytes 50 --pretty > /tmp/plan-50mb-pretty.json

Do not commit the output.
"""
import argparse
import json
import sys

PROVIDER = "registry.terraform.io/hashicorp/aws"
ACCOUNT = "123456789012"


def service(i):
    key = f'"svc-{i:06d}"'
    module = f"module.service[{key}]"
    name = f"/ecs/svc-{i:06d}"
    changes = []
    group = {
        "address": f"{module}.aws_cloudwatch_log_group.this", "module_address": module, "mode": "managed",
        "type": "aws_cloudwatch_log_group", "name": "this", "provider_name": PROVIDER,
        "change": {"actions": ["create"], "before": None,
                   "after": {"kms_key_id": None, "name": name, "retention_in_days": [0, 7, 30, 365, 400][i % 5],
                             "skip_destroy": False, "tags": {"service": f"svc-{i:06d}", "team": f"team-{i % 17}"}},
                   "after_unknown": {"arn": True, "id": True, "log_group_class": True, "name_prefix": True, "tags_all": True},
                   "before_sensitive": False, "after_sensitive": {"tags": {}, "tags_all": {}}}}
    changes.append(group)
    if i % 10 == 0:
        changes.append({
            "address": f"{module}.aws_cloudtrail.this[0]", "module_address": module, "mode": "managed",
            "type": "aws_cloudtrail", "name": "this", "index": 0, "provider_name": PROVIDER,
            "change": {"actions": ["create"], "before": None,
                       "after": {"advanced_event_selector": [], "cloud_watch_logs_role_arn": f"arn:aws:iam::{ACCOUNT}:role/to-logs",
                                 "enable_log_file_validation": True, "enable_logging": True, "event_selector": [],
                                 "include_global_service_events": True, "insight_selector": [], "is_multi_region_trail": False,
                                 "is_organization_trail": False, "kms_key_id": None, "name": f"trail-{i:06d}",
                                 "s3_bucket_name": "audit-bucket", "s3_key_prefix": None, "sns_topic_name": None, "tags": None},
                       "after_unknown": {"arn": True, "cloud_watch_logs_group_arn": True, "home_region": True, "id": True,
                                         "sns_topic_arn": True, "tags_all": True},
                       "before_sensitive": False, "after_sensitive": {"tags_all": {}}}})
    container = [{"name": "app", "image": f"123456789012.dkr.ecr.eu-west-1.amazonaws.com/svc-{i:06d}:1.{i % 97}.0",
                  "environment": [{"name": f"VAR_{n}", "value": f"value-{i}-{n}"} for n in range(12)],
                  "logConfiguration": {"logDriver": "awslogs", "options": {"awslogs-group": name}}}]
    before = {"container_definitions": json.dumps(container, separators=(",", ":")), "cpu": "256",
              "family": f"svc-{i:06d}", "memory": "512", "network_mode": "awsvpc",
              "requires_compatibilities": ["FARGATE"], "tags": {"service": f"svc-{i:06d}"}}
    changes.append({
        "address": f"{module}.aws_ecs_task_definition.this", "module_address": module, "mode": "managed",
        "type": "aws_ecs_task_definition", "name": "this", "provider_name": PROVIDER,
        "change": {"actions": ["no-op"], "before": before, "after": before, "after_unknown": {},
                   "before_sensitive": {"tags": {}}, "after_sensitive": {"tags": {}}}})
    return changes


MODULE_CONFIG = {
    "source": "./modules/service",
    "for_each_expression": {"references": ["local.services"]},
    "expressions": {"name": {"references": ["each.key"]}},
    "module": {
        "resources": [
            {"address": "aws_cloudtrail.this", "mode": "managed", "type": "aws_cloudtrail", "name": "this",
             "provider_config_key": "aws", "count_expression": {"references": ["var.with_trail"]},
             "expressions": {"cloud_watch_logs_group_arn": {"references": ["aws_cloudwatch_log_group.this.arn", "aws_cloudwatch_log_group.this"]},
                             "cloud_watch_logs_role_arn": {"constant_value": f"arn:aws:iam::{ACCOUNT}:role/to-logs"}},
             "schema_version": 0},
            {"address": "aws_cloudwatch_log_group.this", "mode": "managed", "type": "aws_cloudwatch_log_group", "name": "this",
             "provider_config_key": "aws", "expressions": {"name": {"references": ["var.name"]},
                                                          "retention_in_days": {"references": ["var.retention_in_days"]}},
             "schema_version": 0},
        ],
        "variables": {"name": {}, "retention_in_days": {"default": 0}, "with_trail": {"default": 0}},
    },
}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=50.0, help="approximate size of the output (default 50)")
    parser.add_argument("--pretty", action="store_true", help="indent like `jq .` instead of Terraform's one line")
    args = parser.parse_args()
    indent = 2 if args.pretty else None
    separators = None if args.pretty else (",", ":")
    encode = lambda value: json.dumps(value, indent=indent, separators=separators)

    # Bytes per service, averaged over one cycle of ten (one of which has a trail).
    sample = sum(len(encode(c)) + 1 for i in range(10) for c in service(i)) / 10
    count = max(1, int(args.megabytes * 1_000_000 / sample))
    out = sys.stdout
    out.write('{"format_version":"1.2","terraform_version":"1.9.8","resource_changes":[')
    for i in range(count):
        for n, change in enumerate(service(i)):
            if i or n:
                out.write(",")
            out.write(encode(change))
    out.write('],"configuration":{"root_module":{"module_calls":{"service":')
    out.write(encode(MODULE_CONFIG))
    out.write('}}},"complete":true}\n')


if __name__ == "__main__":
    main()
