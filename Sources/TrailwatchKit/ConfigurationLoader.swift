#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Finds and reads `.trailwatch.yml`.
public enum ConfigurationLoader {
  /// The nearest `.trailwatch.yml` from `directory` up to the repository root (the nearest directory
  /// above that holds `.git`), as an absolute path. Outside a repository only `directory` itself is
  /// looked at, so a stray file higher up never changes a run.
  public static func find(from directory: String) -> String? {
    let start = PathResolver.normalize(directory)
    var candidates: [String] = []
    var current = start
    while true {
      candidates.append(current)
      if exists(current == "/" ? "/.git" : current + "/.git") { break }
      guard current != "/" else {
        candidates = [start]
        break
      }
      current = PathResolver.parent(of: current)
    }
    for candidate in candidates {
      let path = (candidate == "/" ? "" : candidate) + "/" + Configuration.fileName
      if exists(path) { return path }
    }
    return nil
  }

  /// Reads the configuration at `path` (as the user gave it, or as `find` returned it).
  public static func load(_ path: String, resolver: PathResolver) throws(ConfigurationError) -> Configuration {
    let shown = path.hasPrefix("/") ? resolver.display(path) : path
    let bytes: [UInt8]
    do {
      bytes = try FileReader.contents(of: path)
    } catch {
      let message = error.message
      throw ConfigurationError(path.hasPrefix("/") ? message.replacingOccurrences(of: path, with: shown) : message)
    }
    var reader = ConfigurationReader(path: shown, directory: resolver.directory(of: path))
    return try reader.read(bytes)
  }

  private static func exists(_ path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0
  }
}

extension String {
  fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
    guard let range = firstRange(of: target) else { return self }
    var replaced = self
    replaced.replaceSubrange(range, with: replacement)
    return replaced
  }
}
