import InfraModel
import SourceMap

/// Turns a CloudFormation template (JSON or YAML, SAM and CDK output included) into the
/// provider-neutral model.
public struct CloudFormationAdapter: Sendable {
  /// Parameter values of one concrete deployment (`--parameter`, `--parameters`).
  public var parameterOverrides: [String: String]

  public init(parameterOverrides: [String: String] = [:]) {
    self.parameterOverrides = parameterOverrides
  }

  /// Whether a document is a CloudFormation template.
  public static func isTemplate(_ root: Node) -> Bool {
    Template.isTemplate(root)
  }

  /// What a comment that may be a suppression starts with (`# trailwatch:ignore TW101 reason`, or a
  /// misspelling of it, which is reported): the comments to pass to `infrastructure(from:comments:)`.
  public static let suppressionCommentPrefix = SuppressionReader.commentWord

  /// The model of a template's trails, log groups and roles, and the suppressions written in it.
  ///
  /// `comments` are the template's comments that start with `suppressionCommentPrefix` (YAML only:
  /// JSON has none).
  public func infrastructure(from root: Node, comments: [Comment] = []) -> Infrastructure {
    let template = Template(root: root, overrides: parameterOverrides)
    let base = ValueEvaluator(template: template, overrides: parameterOverrides)
    let truths = ConditionEvaluator(values: base).decideAll()
    // Conditions settle a value only when no deployment can change them: always for the values of one
    // given deployment, otherwise only when no parameter is involved.
    var settled: [String: Bool] = [:]
    for (name, truth) in truths where base.isConcrete || truth.isConstant {
      settled[name] = truth.value
    }
    let evaluator = ValueEvaluator(template: template, overrides: parameterOverrides, settledConditions: settled)
    let reader = ResourceReader(template: template, evaluator: evaluator, truths: truths)

    var infrastructure = Infrastructure()
    infrastructure.suppressions = SuppressionReader(template: template).suppressions(comments: comments)
    var logGroups: [TemplateResource] = []
    var retentions: [TemplateResource] = []
    var roles: [TemplateResource] = []
    var policies: [TemplateResource] = []
    for resource in template.resources {
      // A resource whose condition is settled false is not deployed.
      if let condition = resource.condition, settled[condition] == false { continue }
      switch resource.type {
      case ResourceType.trail:
        infrastructure.trails.append(reader.trail(resource))
      case ResourceType.logGroup:
        logGroups.append(resource)
      case ResourceType.logRetention:
        retentions.append(resource)
      case ResourceType.role:
        roles.append(resource)
      case ResourceType.policy, ResourceType.managedPolicy, ResourceType.rolePolicy:
        policies.append(resource)
      default:
        break
      }
    }
    var groups = logGroups.map(reader.logGroup)
    for retention in retentions {
      if let id = reader.logGroup(namedBy: retention, groups: logGroups),
        let index = groups.firstIndex(where: { $0.identity.name == id })
      {
        groups[index].retentionInDays = reader.retention(setBy: retention)
      } else {
        groups.append(reader.implicitLogGroup(retention))
      }
    }
    infrastructure.logGroups = groups
    // Rules read roles only through trails: without a trail, their policies need not be read.
    guard !infrastructure.trails.isEmpty else {
      infrastructure.roles = roles.map { Role(identity: reader.identity(of: $0)) }
      return infrastructure
    }
    var attached: [String: [TemplateResource]] = [:]
    for policy in policies {
      for role in reader.roles(attachedBy: policy) { attached[role, default: []].append(policy) }
    }
    infrastructure.roles = roles.map { reader.role($0, attached: attached[$0.logicalID] ?? []) }
    return infrastructure
  }
}
