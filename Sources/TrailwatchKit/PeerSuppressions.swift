import InfraModel

/// The peer tools' ids for checks trailwatch also makes, so their existing suppressions keep working
/// when a team switches (the README's table is this one).
public enum PeerSuppressions {
  public struct Mapping: Sendable, Equatable {
    public var source: SuppressionSource
    public var peerID: String
    public var ruleIDs: [String]
  }

  public static let table: [Mapping] = [
    Mapping(source: .checkov, peerID: "CKV2_AWS_10", ruleIDs: ["TW101"]),
    Mapping(source: .checkov, peerID: "CKV_AWS_66", ruleIDs: ["TW201"]),
    Mapping(source: .checkov, peerID: "CKV_AWS_338", ruleIDs: ["TW202"]),
    Mapping(source: .cfnNag, peerID: "W86", ruleIDs: ["TW201"]),
    Mapping(source: .cfnGuard, peerID: "CLOUD_TRAIL_CLOUD_WATCH_LOGS_ENABLED", ruleIDs: ["TW101"]),
    Mapping(source: .cfnGuard, peerID: "CW_LOGGROUP_RETENTION_PERIOD_CHECK", ruleIDs: ["TW201", "TW203"]),
  ]

  /// The trailwatch rules a peer's id stands for; empty for the peer's other checks.
  public static func ruleIDs(for peerID: String, source: SuppressionSource) -> [String] {
    table.first { $0.source == source && $0.peerID == peerID }?.ruleIDs ?? []
  }
}
