/// Globs that belong to a directory (the configuration file's): a path matches when it matches as the
/// user gave it, or relative to that directory.
public struct PathPatterns: Sendable {
  public var globs: [Glob]
  /// The absolute directory the globs are relative to.
  public var directory: String

  public init(globs: [Glob], directory: String) {
    self.globs = globs
    self.directory = directory
  }

  /// Whether `path` (as the user gave it or as the walk found it) or a directory above it matches.
  public func matches(_ path: String, resolver: PathResolver) -> Bool {
    guard !globs.isEmpty else { return false }
    let given = PathResolver.normalize(path)
    let relative = resolver.relative(path, to: directory)
    let candidates = relative.hasPrefix("../") || relative == ".." || relative == given ? [given] : [given, relative]
    return candidates.contains { candidate in globs.contains { $0.matches(candidate) } }
  }
}
