/// Bounds that keep a hostile file from exhausting the stack, the CPU or memory.
public struct ReaderLimits: Sendable {
  /// How deeply mappings and sequences may nest. Real templates stay under 30 levels; libyaml's own
  /// parse turns quadratic in flow-nesting depth, so the YAML reader stops as soon as it passes this.
  public var maxDepth: Int
  /// How many nodes YAML aliases may stand for in total, counting each use of an anchor as the size of
  /// its subtree (billion-laughs protection).
  public var maxAliasExpansion: Int

  public init(maxDepth: Int = 256, maxAliasExpansion: Int = 1_000_000) {
    self.maxDepth = maxDepth
    self.maxAliasExpansion = maxAliasExpansion
  }

  public static let `default` = ReaderLimits()
}
