/// Paths as text: joined, split and normalized without touching the disk, so a module's files are
/// reported relative when the user's path was relative.
public enum TerraformPath {
  /// `directory/name`, without a doubled slash; `name` alone when the directory is `.` or empty.
  public static func join(_ directory: String, _ name: String) -> String {
    if name.hasPrefix("/") { return name }
    if directory.isEmpty || directory == "." { return name }
    return directory.hasSuffix("/") ? directory + name : directory + "/" + name
  }

  /// The directory part of a path: `.` for a bare name.
  public static func directory(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    if slash == path.startIndex { return "/" }
    return String(path[..<slash])
  }

  public static func fileName(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return path }
    return String(path[path.index(after: slash)...])
  }

  /// Drops `.` segments and folds `dir/..`, keeping a leading `..` that cannot be folded and an
  /// absolute path's root: `examples/complete/../../modules/x` becomes `modules/x`.
  public static func normalize(_ path: String) -> String {
    let absolute = path.hasPrefix("/")
    var segments: [Substring] = []
    for segment in path.split(separator: "/", omittingEmptySubsequences: true) {
      if segment == "." { continue }
      if segment == "..", let last = segments.last, last != ".." {
        segments.removeLast()
        continue
      }
      if segment == "..", absolute, segments.isEmpty { continue }
      segments.append(segment)
    }
    let joined = segments.joined(separator: "/")
    if absolute { return "/" + joined }
    return joined.isEmpty ? "." : joined
  }

  /// Whether a name is a Terraform configuration file: `.tf` or `.tf.json`, not an override file
  /// (whose merge rules the adapter does not model) and not an editor's hidden file.
  public static func isConfigurationFile(_ name: String) -> Bool {
    guard !name.hasPrefix(".") else { return false }
    let stem: Substring
    if name.hasSuffix(".tf") {
      stem = name.dropLast(3)
    } else if name.hasSuffix(".tf.json") {
      stem = name.dropLast(8)
    } else {
      return false
    }
    return stem != "override" && !stem.hasSuffix("_override")
  }
}
