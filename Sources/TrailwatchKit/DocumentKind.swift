/// What a file turned out to be.
public enum DocumentKind: Sendable, Equatable {
  case cloudFormation
  /// Not something trailwatch lints: skipped silently.
  case other
}
