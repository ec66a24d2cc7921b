/// Paths as CI services want them: relative to the repository root, which is the directory
/// trailwatch runs in (the workspace in GitHub Actions and GitLab CI).
public enum ReportPath {
  /// `./stacks//a/../b.yaml` → `stacks/b.yaml`. An absolute path inside `workingDirectory` becomes
  /// relative to it; any other absolute path stays absolute. Names are resolved as text, without
  /// following symbolic links.
  public static func relative(_ path: String, workingDirectory: String?) -> String {
    let normalized = normalize(path)
    guard normalized.hasPrefix("/"), let workingDirectory else { return normalized }
    let root = normalize(workingDirectory)
    if root == "/" { return String(normalized.dropFirst()) }
    if normalized.hasPrefix(root + "/") { return String(normalized.dropFirst(root.count + 1)) }
    return normalized
  }

  /// The path as a URI reference: a relative path percent-encoded (for SARIF's `uriBaseId`
  /// `%SRCROOT%`), an absolute one as a `file://` URI.
  public static func uri(_ path: String, workingDirectory: String?) -> (uri: String, isRelative: Bool) {
    let relative = relative(path, workingDirectory: workingDirectory)
    if relative.hasPrefix("/") { return ("file://" + percentEncoded(relative), false) }
    return (percentEncoded(relative), true)
  }

  /// Percent-encodes every byte outside RFC 3986's unreserved characters, sub-delimiters, `@` and
  /// `/`. A colon is encoded too, so that `a:b.yaml` cannot read as a URI with scheme `a`.
  public static func percentEncoded(_ path: String) -> String {
    var encoded = ""
    for byte in path.utf8 {
      if allowed.contains(byte) {
        encoded.unicodeScalars.append(Unicode.Scalar(byte))
      } else {
        let hex = String(byte, radix: 16, uppercase: true)
        encoded += "%" + (byte < 16 ? "0" + hex : hex)
      }
    }
    return encoded
  }

  private static let allowed: Set<UInt8> = Set(
    Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!$&'()*+,;=@/".utf8))

  /// Drops empty and `.` components and resolves `..` against the component before it.
  static func normalize(_ path: String) -> String {
    let isAbsolute = path.hasPrefix("/")
    var components: [Substring] = []
    for component in path.split(separator: "/", omittingEmptySubsequences: true) {
      switch component {
      case ".":
        continue
      case "..":
        if let last = components.last, last != ".." {
          components.removeLast()
        } else if !isAbsolute {
          components.append(component)
        }
      default:
        components.append(component)
      }
    }
    let joined = components.joined(separator: "/")
    if isAbsolute { return "/" + joined }
    return joined.isEmpty ? "." : joined
  }
}
