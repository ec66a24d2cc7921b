#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Expands the paths a user gave into the files to lint, in a stable order.
///
/// A file named on the command line is always read (content decides whether it is linted); inside
/// directories only files with a template, plan or Terraform extension are (`.tf.json` is `.json`),
/// and `.git`, `node_modules`, `.terraform` and `cdk.out/asset.*` are skipped, and so are named pipes,
/// sockets and devices. Symbolic links inside directories are not followed unless `followsSymlinks`,
/// so a link loop or a link out of the tree cannot widen the run; when they are, each directory (by
/// device and inode) is walked once, which ends any loop, and a dangling link is skipped. What the
/// configuration excludes is skipped everywhere, named files included (a pre-commit hook names every
/// file).
struct FileWalker {
  static let extensions = [".yaml", ".yml", ".json", ".template", ".tf"]
  static let skippedDirectories: Set<String> = [".git", "node_modules", ".terraform"]

  var exclude: PathPatterns?
  var resolver: PathResolver
  var followsSymlinks: Bool

  init(exclude: PathPatterns? = nil, resolver: PathResolver = .current(), followsSymlinks: Bool = false) {
    self.exclude = exclude
    self.resolver = resolver
    self.followsSymlinks = followsSymlinks
  }

  private func isExcluded(_ path: String) -> Bool {
    exclude?.matches(path, resolver: resolver) ?? false
  }

  /// A directory's identity, whatever path leads to it.
  private struct DirectoryID: Hashable {
    var device: UInt64
    var inode: UInt64
  }

  /// The files to lint, a message for each path that could not be read (exit 2), and a note for each
  /// directory that vanished while it was walked.
  func files(in paths: [String]) -> (files: [String], problems: [String], notes: [String]) {
    var files: [String] = []
    var problems: [String] = []
    var notes: [String] = []
    var walked = Set<DirectoryID>()
    for path in paths {
      if path == "-" {
        files.append(path)
        continue
      }
      if isExcluded(path) { continue }
      var info = stat()
      guard stat(path, &info) == 0 else {
        problems.append("\(path): \(Self.describe(errno))")
        continue
      }
      if info.st_mode & S_IFMT == S_IFDIR {
        walk(directory: path, info: info, into: &files, problems: &problems, notes: &notes, walked: &walked)
      } else {
        files.append(path)
      }
    }
    return (files, problems, notes)
  }

  private func walk(
    directory: String, info: stat, into files: inout [String], problems: inout [String], notes: inout [String],
    walked: inout Set<DirectoryID>
  ) {
    var pending = [(directory, Self.identity(info))]
    while let (current, identity) = pending.popLast() {
      // Only links can lead back into a directory already walked.
      if followsSymlinks, !walked.insert(identity).inserted { continue }
      guard let handle = opendir(current) else {
        let code = errno
        if code == ENOENT {
          notes.append("\(current): vanished before it could be read; skipped")
        } else {
          problems.append("\(current): \(Self.describe(code))")
        }
        continue
      }
      var names: [String] = []
      while let entry = readdir(handle) {
        let name = withUnsafePointer(to: entry.pointee.d_name) {
          $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
        }
        if name != "." && name != ".." { names.append(name) }
      }
      closedir(handle)
      var subdirectories: [(String, DirectoryID)] = []
      for name in names.sorted() {
        let path = current.hasSuffix("/") ? current + name : current + "/" + name
        var info = stat()
        // Gone since it was listed, or (following links) a dangling link: nothing to lint.
        guard lstat(path, &info) == 0 else { continue }
        if followsSymlinks, info.st_mode & S_IFMT == S_IFLNK {
          guard stat(path, &info) == 0 else { continue }
        }
        switch info.st_mode & S_IFMT {
        case S_IFDIR:
          if !isSkipped(directory: name, parent: current) && !isExcluded(path) {
            subdirectories.append((path, Self.identity(info)))
          }
        case S_IFREG:
          if Self.extensions.contains(where: { name.hasSuffix($0) }) && !isExcluded(path) { files.append(path) }
        default:
          // Links (unless followed), named pipes, sockets and devices are never opened from a walk.
          break
        }
      }
      // Depth-first in name order: push in reverse so the first name is walked first.
      pending.append(contentsOf: subdirectories.reversed())
    }
  }

  private static func identity(_ info: stat) -> DirectoryID {
    DirectoryID(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
  }

  private func isSkipped(directory name: String, parent: String) -> Bool {
    if Self.skippedDirectories.contains(name) { return true }
    let parentName = parent.split(separator: "/").last.map(String.init) ?? parent
    return parentName == "cdk.out" && name.hasPrefix("asset.")
  }

  static func describe(_ code: Int32) -> String {
    switch code {
    case ENOENT: "no such file or directory"
    case EACCES: "permission denied"
    case ENOTDIR: "not a directory"
    case ELOOP: "too many levels of symbolic links"
    default: String(cString: strerror(code))
    }
  }
}
