/// The log groups and roles of an `Infrastructure` by name, for rules that follow a trail's references:
/// one dictionary lookup per reference instead of a scan of every resource, which made large
/// templates and plans quadratic. The first resource of a name wins, as a scan would find it.
public struct ResourceIndex: Sendable {
  private let logGroups: [String: LogGroup]
  private let roles: [String: Role]

  public init(_ infrastructure: Infrastructure) {
    var logGroups: [String: LogGroup] = [:]
    logGroups.reserveCapacity(infrastructure.logGroups.count)
    for group in infrastructure.logGroups where logGroups[group.identity.name] == nil {
      logGroups[group.identity.name] = group
    }
    var roles: [String: Role] = [:]
    roles.reserveCapacity(infrastructure.roles.count)
    for role in infrastructure.roles where roles[role.identity.name] == nil {
      roles[role.identity.name] = role
    }
    self.logGroups = logGroups
    self.roles = roles
  }

  /// The first log group named `name` (its logical id or address).
  public func logGroup(named name: String) -> LogGroup? {
    logGroups[name]
  }

  /// The first role named `name` (its logical id or address).
  public func role(named name: String) -> Role? {
    roles[name]
  }
}
