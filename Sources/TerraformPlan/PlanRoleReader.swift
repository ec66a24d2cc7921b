import InfraModel
import SourceMap
import TerraformSource

/// The roles a plan manages, with the policies it shows for them, for TW103: the role's
/// `assume_role_policy`, `inline_policy` and `managed_policy_arns`, and the `aws_iam_role_policy`,
/// `aws_iam_role_policy_attachment` and `aws_iam_policy_attachment` resources that name it (through the configuration's
/// references, or by the role's name), an attached `aws_iam_policy` of the plan read too. A policy
/// the plan shows as (known after apply) is unknown; a role read by a data source, or one the plan
/// shows without its `assume_role_policy`, is not judged.
struct PlanRoleReader {
  let resources: [PlanResource]
  let roles: Linkable
  let groups: Linkable
  let resolver: ReferenceResolver

  func described() -> [Role] {
    let groupNames = groups.byName.mapValues { groups.resources[$0].addressText }
    let policies = Linkable(resources.filter { $0.address.type == TerraformType.policy }) { arn in
      arn.contains(":policy/") ? arn.split(separator: "/").last.map(String.init) : nil
    }
    func document(_ resource: PlanResource, _ attribute: String, named name: String) -> Attribute<PolicyDocument> {
      if let deferral = resource.deferral {
        return Attribute(name: name, .unknown(reason: PlanModelBuilder.deferred(deferral)), at: resource.range)
      }
      if resource.isUnknown(attribute) {
        return Attribute(name: name, .unknown(reason: PlanModelBuilder.afterApply), at: resource.range)
      }
      guard let text = resource.string(attribute), let node = resource.value(attribute) else {
        return Attribute(name: name, .absent, at: resource.range)
      }
      return Attribute(name: name, PolicyJSON.document(text, logGroupsByName: groupNames), at: node.range)
    }
    func managed(_ arn: String?, of resource: PlanResource, attachment: PlanResource?) -> Attribute<PolicyDocument> {
      let referenced = attachment.flatMap { attachment in
        resolver.target(ofAttribute: "policy_arn", of: attachment.address, type: TerraformType.policy)
          .flatMap { policies.instance($0, near: attachment.address) }
      }
      let linked = referenced ?? arn.flatMap(policies.nameInARN).flatMap { policies.byName[$0] }
      if let linked {
        let policy = policies.resources[linked]
        return document(policy, "policy", named: policy.addressText)
      }
      let shown = arn ?? PlanModelBuilder.afterApply
      return Attribute(
        name: "managed policy \(shown)", .unknown(reason: "managed policy \(shown) is not in this plan"), at: resource.range)
    }

    var result = roles.resources.map { role in
      Role(
        identity: ResourceIdentity(name: role.addressText, type: role.address.type, range: role.range),
        trustPolicy: document(role, "assume_role_policy", named: "assume_role_policy"),
        // A plan always shows assume_role_policy (the provider requires it); one that does not is
        // cut down by hand, and says too little to judge.
        isDescribed: role.address.mode == .managed && role.deferral == nil
          && (role.value("assume_role_policy") != nil || role.isUnknown("assume_role_policy")))
    }
    for (index, role) in roles.resources.enumerated() where result[index].isDescribed {
      for (position, item) in (role.value("inline_policy")?.items ?? []).enumerated() {
        let name = item["name"]?.scalar.map { "inline policy '\($0.text)'" } ?? "inline policy \(position + 1)"
        if role.isUnknown("inline_policy") || role.isUnknown(inside: "inline_policy", item: position, field: "policy") {
          result[index].policies.append(Attribute(name: name, .unknown(reason: PlanModelBuilder.afterApply), at: role.range))
        } else if let text = item["policy"]?.scalar?.text, let node = item["policy"] {
          result[index].policies.append(
            Attribute(name: name, PolicyJSON.document(text, logGroupsByName: groupNames), at: node.range))
        }
      }
      for arn in role.value("managed_policy_arns")?.items ?? [] {
        result[index].policies.append(managed(arn.scalar?.text, of: role, attachment: nil))
      }
    }
    for resource in resources where resource.address.mode == .managed && resource.address.type == TerraformType.sharedPolicyAttachment {
      let named = (resource.value("roles")?.items ?? []).compactMap { $0.scalar?.text }.compactMap { roles.byName[$0] }
      let referenced = resolver.target(ofAttribute: "roles", of: resource.address, type: TerraformType.role)
        .flatMap { roles.instance($0, near: resource.address) }
      for index in Set(named + (referenced.map { [$0] } ?? [])).sorted() where result[index].isDescribed {
        result[index].policies.append(managed(resource.string("policy_arn"), of: resource, attachment: resource))
      }
    }
    for resource in resources where resource.address.mode == .managed {
      let type = resource.address.type
      guard type == TerraformType.rolePolicy || type == TerraformType.policyAttachment else { continue }
      let linked = resolver.target(ofAttribute: "role", of: resource.address, type: TerraformType.role)
        .flatMap { roles.instance($0, near: resource.address) }
        ?? resource.string("role").flatMap { roles.byName[$0] }
      guard let index = linked, result[index].isDescribed else { continue }
      if type == TerraformType.rolePolicy {
        result[index].policies.append(document(resource, "policy", named: resource.addressText))
      } else {
        result[index].policies.append(managed(resource.string("policy_arn"), of: resource, attachment: resource))
      }
    }
    return result
  }
}
