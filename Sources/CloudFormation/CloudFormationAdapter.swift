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

  /// The prefix of a suppression comment: `# trailwatch:ignore TW101 reason`.
  public static let suppressionCommentPrefix = SuppressionReader.commentPrefix

  /// The model of a template's trails, log groups and roles, and the suppressions written in it.
  ///
  /// `comments` are the template's comments that start with `suppressionCommentPrefix` (YAML only:
  /// JSON has none).
  public func infrastructure(from root: Node, comments: [Comment] = []) -> Infrastructure {
    let template = Template(root: root)
    let reader = ResourceReader(
      template: template, evaluator: ValueEvaluator(template: template, overrides: parameterOverrides))
    var infrastructure = Infrastructure()
    for resource in template.resources {
      switch resource.type {
      case ResourceType.trail:
        infrastructure.trails.append(reader.trail(resource))
      case ResourceType.logGroup:
        infrastructure.logGroups.append(reader.logGroup(resource))
      case ResourceType.role:
        infrastructure.roles.append(Role(identity: reader.identity(of: resource)))
      default:
        break
      }
    }
    infrastructure.suppressions = SuppressionReader(template: template).suppressions(comments: comments)
    return infrastructure
  }
}
