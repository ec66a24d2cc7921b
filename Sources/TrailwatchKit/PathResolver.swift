import Foundation

/// Turns the paths users write into absolute ones and back, lexically (symbolic links are not
/// resolved), so a configuration or baseline can speak of files relative to where it lives.
public struct PathResolver: Sendable {
  /// The absolute directory relative paths start from.
  public var workingDirectory: String

  public init(workingDirectory: String) {
    self.workingDirectory = Self.normalize(workingDirectory)
  }

  /// The process's working directory.
  public static func current() -> PathResolver {
    PathResolver(workingDirectory: FileManager.default.currentDirectoryPath)
  }

  /// `path` as an absolute path without `.`, `..` or repeated slashes.
  public func absolute(_ path: String) -> String {
    Self.normalize(path.hasPrefix("/") ? path : workingDirectory + "/" + path)
  }

  /// The absolute directory that holds `path`.
  public func directory(of path: String) -> String {
    Self.parent(of: absolute(path))
  }

  /// The directory that holds a normalized absolute path: `/` for `/` and for what lies directly in it.
  static func parent(of absolute: String) -> String {
    guard let slash = absolute.lastIndex(of: "/"), slash != absolute.startIndex else { return "/" }
    return String(absolute[..<slash])
  }

  /// `path` relative to `directory` (both resolved against the working directory), with `..` where it
  /// lies outside; `.` for the directory itself.
  public func relative(_ path: String, to directory: String) -> String {
    let target = absolute(path).split(separator: "/")
    let base = absolute(directory).split(separator: "/")
    var common = 0
    while common < target.count, common < base.count, target[common] == base[common] { common += 1 }
    let parts = Array(repeating: "..", count: base.count - common) + target[common...].map(String.init)
    return parts.isEmpty ? "." : parts.joined(separator: "/")
  }

  /// How to name a file to the user: relative to the working directory.
  public func display(_ path: String) -> String {
    relative(path, to: workingDirectory)
  }

  /// A relative or absolute path with `.` and `..` resolved lexically and without a leading `./`.
  public static func normalize(_ path: String) -> String {
    let isAbsolute = path.hasPrefix("/")
    var parts: [Substring] = []
    for part in path.split(separator: "/", omittingEmptySubsequences: true) {
      switch part {
      case ".": continue
      case "..":
        if let last = parts.last, last != ".." {
          parts.removeLast()
        } else if !isAbsolute {
          parts.append(part)
        }
      default: parts.append(part)
      }
    }
    let joined = parts.joined(separator: "/")
    if isAbsolute { return "/" + joined }
    return joined.isEmpty ? "." : joined
  }
}
