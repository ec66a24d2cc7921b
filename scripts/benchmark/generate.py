#!/usr/bin/env python3
"""Writes the generated inputs of trailwatch's benchmark: deterministic, never committed.

    scripts/benchmark/generate.py monorepo DIR [--templates 10000]
        A repository of CloudFormation templates in nested directories: YAML with short-form tags
        and JSON with long-form intrinsics, of varied sizes, with parameters, conditions, mappings,
        trails wired to log groups in every way trailwatch follows (and some not wired), log groups
        with and without retention, roles, and unrelated resources around them; plus a few files
        that are not templates (workflows, package.json), which trailwatch skips.
    scripts/benchmark/generate.py template FILE [--megabytes 50]
        One YAML template of about that size: the same resources, many times over.

The same arguments always write the same bytes (Python's `random.Random` with a fixed seed).
"""
import argparse
import json
import os
import random
import sys

RETENTIONS = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 3653]
REGIONS = ["us-east-1", "us-west-2", "eu-west-1", "eu-central-1", "ap-southeast-2"]
WORDS = ["audit", "billing", "orders", "search", "payments", "identity", "catalog", "shipping",
         "reports", "ingest", "export", "alerts", "gateway", "inventory", "profile", "ledger"]


class Template:
    """One template as a plan of resources, rendered to YAML (short tags) or JSON (long form)."""

    def __init__(self, rng, index, stacks, suffix=""):
        self.rng = rng
        self.index = index
        self.stacks = stacks
        self.suffix = suffix
        self.name = f"{rng.choice(WORDS)}-{index:05d}"

    # The pieces, as Python values; intrinsics as ("Tag", argument) tuples.

    def parameters(self):
        params = {
            "Environment": {"Type": "String", "Default": "prod", "AllowedValues": ["dev", "staging", "prod"],
                            "Description": "Deployment stage"},
            "RetentionDays": {"Type": "Number", "Default": self.rng.choice([30, 90, 365, 400]),
                              "Description": "How long the audit logs are kept"},
        }
        if self.rng.random() < 0.3:
            params["ExternalLogGroupArn"] = {"Type": "String", "Description": "A log group owned elsewhere"}
        if self.rng.random() < 0.5:
            params["Subnets"] = {"Type": "List<AWS::EC2::Subnet::Id>", "Description": "Where the functions run"}
        return params

    def conditions(self):
        return {
            "IsProd": ("Fn::Equals", [("Ref", "Environment"), "prod"]),
            "IsNotDev": ("Fn::Not", [("Fn::Equals", [("Ref", "Environment"), "dev"])]),
            "InMainRegion": ("Fn::Equals", [("Ref", "AWS::Region"), "us-east-1"]),
            "ProdInMainRegion": ("Fn::And", [("Condition", "IsProd"), ("Condition", "InMainRegion")]),
        }

    def mappings(self):
        return {"RegionSettings": {region: {"Retention": self.rng.choice(RETENTIONS), "Bucket": f"logs-{region}"}
                                   for region in REGIONS}}

    def resources(self):
        rng = self.rng
        resources = {}
        for stack in range(self.stacks):
            prefix = f"{rng.choice(WORDS).capitalize()}{stack}{self.suffix}"
            group = f"{prefix}Logs"
            role = f"{prefix}TrailRole"
            retention = rng.choice([
                ("Ref", "RetentionDays"), rng.choice(RETENTIONS), None, 366,
                ("Fn::If", ["IsProd", 365, 30]),
                ("Fn::FindInMap", ["RegionSettings", ("Ref", "AWS::Region"), "Retention"]),
            ])
            properties = {"LogGroupName": ("Fn::Sub", f"/aws/cloudtrail/${{AWS::StackName}}-{prefix.lower()}")}
            if retention is not None:
                properties["RetentionInDays"] = retention
            if rng.random() < 0.4:
                properties["Tags"] = [{"Key": "team", "Value": rng.choice(WORDS)}, {"Key": "cost-center", "Value": str(rng.randrange(1000, 9999))}]
            resources[group] = {"Type": "AWS::Logs::LogGroup", "DeletionPolicy": "Retain", "Properties": properties}
            resources[role] = {
                "Type": "AWS::IAM::Role",
                "Properties": {
                    "AssumeRolePolicyDocument": {"Version": "2012-10-17", "Statement": [{
                        "Effect": "Allow", "Principal": {"Service": "cloudtrail.amazonaws.com"}, "Action": "sts:AssumeRole"}]},
                    "Policies": [{"PolicyName": "deliver-to-logs", "PolicyDocument": {"Version": "2012-10-17", "Statement": [{
                        "Effect": "Allow", "Action": ["logs:CreateLogStream", "logs:PutLogEvents"],
                        "Resource": ("Fn::GetAtt", [group, "Arn"])}]}}],
                },
            }
            if rng.random() < 0.6:
                link = rng.choice([
                    ("Fn::GetAtt", [group, "Arn"]),
                    ("Fn::Sub", f"arn:${{AWS::Partition}}:logs:${{AWS::Region}}:${{AWS::AccountId}}:log-group:${{{group}}}:*"),
                    ("Fn::If", ["IsProd", ("Fn::GetAtt", [group, "Arn"]), ("Ref", "AWS::NoValue")]),
                    ("Fn::Join", ["", ["arn:aws:logs:", ("Ref", "AWS::Region"), ":", ("Ref", "AWS::AccountId"), ":log-group:", ("Ref", group), ":*"]]),
                    None,
                ])
                trail = {"IsLogging": True, "S3BucketName": ("Fn::FindInMap", ["RegionSettings", ("Ref", "AWS::Region"), "Bucket"]),
                         "IsMultiRegionTrail": rng.random() < 0.5, "EnableLogFileValidation": True}
                if link is not None:
                    trail["CloudWatchLogsLogGroupArn"] = link
                if rng.random() < 0.85:
                    trail["CloudWatchLogsRoleArn"] = ("Fn::GetAtt", [role, "Arn"])
                resource = {"Type": "AWS::CloudTrail::Trail", "Properties": trail}
                if rng.random() < 0.3:
                    resource["Condition"] = rng.choice(["IsProd", "IsNotDev", "ProdInMainRegion"])
                resources[f"{prefix}Trail"] = resource
            for extra in range(rng.randrange(1, 5)):
                resources[f"{prefix}{extra}{rng.choice(['Queue', 'Topic', 'Bucket', 'Function', 'Table'])}"] = self.filler(prefix, extra)
        return resources

    def filler(self, prefix, extra):
        rng = self.rng
        kind = rng.randrange(5)
        if kind == 0:
            return {"Type": "AWS::SQS::Queue", "Properties": {
                "QueueName": ("Fn::Sub", f"${{AWS::StackName}}-{prefix.lower()}-{extra}"),
                "VisibilityTimeout": rng.choice([30, 60, 300]), "MessageRetentionPeriod": 1209600}}
        if kind == 1:
            return {"Type": "AWS::SNS::Topic", "Properties": {
                "TopicName": ("Fn::Join", ["-", [("Ref", "AWS::StackName"), prefix.lower(), str(extra)]]),
                "Subscription": [{"Protocol": "email", "Endpoint": f"{rng.choice(WORDS)}@example.com"}]}}
        if kind == 2:
            return {"Type": "AWS::S3::Bucket", "Condition": "IsNotDev", "Properties": {
                "BucketEncryption": {"ServerSideEncryptionConfiguration": [{"ServerSideEncryptionByDefault": {"SSEAlgorithm": "aws:kms"}}]},
                "VersioningConfiguration": {"Status": "Enabled"},
                "Tags": [{"Key": "stage", "Value": ("Ref", "Environment")}]}}
        if kind == 3:
            lines = "\n".join(f"    log.info('step {n}: %s', event.get('{rng.choice(WORDS)}'))" for n in range(rng.randrange(2, 12)))
            code = f"import logging\nlog = logging.getLogger()\ndef handler(event, context):\n{lines}\n    return {{'ok': True}}\n"
            return {"Type": "AWS::Lambda::Function", "Properties": {
                "Runtime": "python3.12", "Handler": "index.handler", "Timeout": rng.choice([3, 30, 900]),
                "Role": ("Fn::GetAtt", [f"{prefix}TrailRole", "Arn"]),
                "Environment": {"Variables": {"STAGE": ("Ref", "Environment"), "TABLE": f"{prefix.lower()}-{extra}"}},
                "Code": {"ZipFile": code}}}
        return {"Type": "AWS::DynamoDB::Table", "Properties": {
            "BillingMode": "PAY_PER_REQUEST",
            "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"}, {"AttributeName": "sk", "AttributeType": "S"}],
            "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}, {"AttributeName": "sk", "KeyType": "RANGE"}],
            "PointInTimeRecoverySpecification": {"PointInTimeRecoveryEnabled": ("Fn::If", ["IsProd", True, False])}}}

    def outputs(self, resources):
        outputs = {}
        for logical_id, resource in list(resources.items())[:8]:
            outputs[f"{logical_id}Id"] = {"Value": ("Ref", logical_id),
                                          "Export": {"Name": ("Fn::Sub", f"${{AWS::StackName}}-{logical_id}")}}
        return outputs

    def document(self):
        resources = self.resources()
        document = {"AWSTemplateFormatVersion": "2010-09-09", "Description": f"The {self.name} service"}
        if self.rng.random() < 0.2:
            document["Transform"] = "AWS::Serverless-2016-10-31"
        document["Parameters"] = self.parameters()
        document["Mappings"] = self.mappings()
        document["Conditions"] = self.conditions()
        document["Resources"] = resources
        document["Outputs"] = self.outputs(resources)
        return document


# Rendering.

def to_json_value(value):
    if isinstance(value, tuple):
        name, argument = value
        return {name if name in ("Ref", "Condition") or name.startswith("Fn::") else f"Fn::{name}": to_json_value(argument)}
    if isinstance(value, dict):
        return {key: to_json_value(item) for key, item in value.items()}
    if isinstance(value, list):
        return [to_json_value(item) for item in value]
    return value


PLAIN_FIRST = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_")
PLAIN_REST = PLAIN_FIRST | set("0123456789-./")
KEYWORDS = {"true", "false", "null", "yes", "no", "on", "off", "y", "n", "~"}


def yaml_scalar(value):
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, (int, float)):
        return str(value)
    text = str(value)
    if text and text[0] in PLAIN_FIRST and all(c in PLAIN_REST for c in text) and text.lower() not in KEYWORDS:
        return text
    # JSON strings are YAML double-quoted scalars.
    return json.dumps(text)


def yaml_tag(name):
    return "!" + (name[4:] if name.startswith("Fn::") else name)


def render_yaml(value, indent, out, rng):
    """Block style, two-space indent; intrinsics as short tags, some in flow style."""
    pad = "  " * indent
    if isinstance(value, dict):
        for key, item in value.items():
            if isinstance(item, tuple):
                out.append(f"{pad}{key}: {yaml_inline(item)}\n")
            elif isinstance(item, str) and "\n" in item:
                out.append(f"{pad}{key}: |\n")
                for line in item.rstrip("\n").split("\n"):
                    out.append(f"{pad}  {line}\n" if line else "\n")
            elif isinstance(item, (dict, list)) and item:
                if rng.random() < 0.08 and len(json.dumps(to_json_value(item))) < 70:
                    out.append(f"{pad}{key}: {yaml_inline(item)}\n")
                else:
                    out.append(f"{pad}{key}:\n")
                    render_yaml(item, indent + 1, out, rng)
            else:
                out.append(f"{pad}{key}: {yaml_inline(item)}\n")
    elif isinstance(value, list):
        for item in value:
            if isinstance(item, dict) and item and not isinstance(item, tuple):
                lines = []
                render_yaml(item, indent + 1, lines, rng)
                first = lines[0]
                lines[0] = pad + "- " + first[len(pad) + 2:]
                out.extend(lines)
            else:
                out.append(f"{pad}- {yaml_inline(item)}\n")


def yaml_inline(value):
    if isinstance(value, tuple):
        name, argument = value
        if name == "Fn::GetAtt" and isinstance(argument, list) and all(isinstance(a, str) for a in argument):
            return f"!GetAtt {argument[0]}.{argument[1]}"
        return f"{yaml_tag(name)} {yaml_inline(argument)}"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{key}: {yaml_inline(item)}" for key, item in value.items()) + "}" if value else "{}"
    if isinstance(value, list):
        return "[" + ", ".join(yaml_inline(item) for item in value) + "]"
    return yaml_scalar(value)


def render(template, as_json, rng):
    document = template.document()
    if as_json:
        return json.dumps(to_json_value(document), indent=rng.choice([2, 4]) if rng.random() < 0.9 else None) + "\n"
    out = []
    if rng.random() < 0.3:
        out.append(f"# {template.name}: deployed by the platform pipeline\n")
    render_yaml(document, 0, out, rng)
    return "".join(out)


# Commands.

NOT_TEMPLATES = {
    ".github/workflows/deploy.yml": "on: [push]\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n",
    "package.json": '{"name": "infra", "private": true, "scripts": {"synth": "cdk synth"}}\n',
    "config/settings.yaml": "retention: 365\nregions: [us-east-1, eu-west-1]\n",
}


def monorepo(directory, count, seed):
    rng = random.Random(seed)
    written = 0
    total = 0
    for index in range(count):
        team = f"team-{index % 40:02d}"
        service = f"service-{index // 40:04d}"
        as_json = rng.random() < 0.3
        stacks = int(rng.paretovariate(2.5))  # mostly one, now and then many
        template = Template(rng, index, min(stacks, 20))
        extension = ".json" if as_json else rng.choice([".yaml", ".yaml", ".yml"])
        path = os.path.join(directory, team, service, f"stack-{index:05d}{extension}")
        os.makedirs(os.path.dirname(path), exist_ok=True)
        text = render(template, as_json, rng)
        with open(path, "w", encoding="utf-8") as file:
            file.write(text)
        written += 1
        total += len(text.encode("utf-8"))
    for relative, text in NOT_TEMPLATES.items():
        path = os.path.join(directory, relative)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as file:
            file.write(text)
    print(f"{written} templates, {total / 1e6:.1f} MB in {directory}", file=sys.stderr)


def big_template(path, megabytes, seed):
    rng = random.Random(seed)
    target = int(megabytes * 1_000_000)
    head = Template(rng, 0, 0)
    document = head.document()
    out = [f"# One large generated template ({megabytes} MB) for trailwatch's benchmark.\n"]
    render_yaml({key: value for key, value in document.items() if key not in ("Resources", "Outputs")}, 0, out, rng)
    out.append("Resources:\n")
    size = sum(len(part) for part in out)
    block = 0
    while size < target:
        template = Template(rng, block, 1, suffix=f"B{block}")
        parts = []
        render_yaml(template.resources(), 1, parts, rng)
        text = "".join(parts)
        out.append(text)
        size += len(text)
        block += 1
    with open(path, "w", encoding="utf-8") as file:
        file.write("".join(out))
    print(f"{block} blocks of resources, {size / 1e6:.1f} MB in {path}", file=sys.stderr)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    repo = commands.add_parser("monorepo", help="a directory of many templates")
    repo.add_argument("directory")
    repo.add_argument("--templates", type=int, default=10000)
    repo.add_argument("--seed", type=int, default=1)
    one = commands.add_parser("template", help="one large template")
    one.add_argument("file")
    one.add_argument("--megabytes", type=float, default=50)
    one.add_argument("--seed", type=int, default=2)
    arguments = parser.parse_args()
    if arguments.command == "monorepo":
        monorepo(arguments.directory, arguments.templates, arguments.seed)
    else:
        big_template(arguments.file, arguments.megabytes, arguments.seed)


if __name__ == "__main__":
    main()
