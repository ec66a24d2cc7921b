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
    let (files, problems, notes) = sizedFiles(in: paths)
    return (files.map(\.path), problems, notes)
  }

  /// `files(in:)` with each file's size in bytes as the walk saw it (0 for standard input), to share
  /// the work out evenly.
  func sizedFiles(in paths: [String]) -> (files: [(path: String, size: Int)], problems: [String], notes: [String]) {
    var files: [(path: String, size: Int)] = []
    var problems: [String] = []
    var notes: [String] = []
    var walked = Set<DirectoryID>()
    for path in paths {
      if path == "-" {
        files.append((path, 0))
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
        files.append((path, Int(info.st_size)))
      }
    }
    return (files, problems, notes)
  }

  private func walk(
    directory: String, info: stat, into files: inout [(path: String, size: Int)], problems: inout [String],
    notes: inout [String], walked: inout Set<DirectoryID>
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
      defer { closedir(handle) }
      let descriptor = dirfd(handle)
      var entries: [(name: String, type: UInt8)] = []
      while let entry = readdir(handle) {
        let name = withUnsafePointer(to: entry.pointee.d_name) {
          $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
        }
        if name != "." && name != ".." { entries.append((name, entry.pointee.d_type)) }
      }
      entries.sort { $0.name < $1.name }
      var subdirectories: [(String, DirectoryID)] = []
      for (name, type) in entries {
        let path = current.hasSuffix("/") ? current + name : current + "/" + name
        // The entry's type spares a stat of each directory (unless links are followed, when its
        // identity is needed) and of each file that is not read; what is looked at is looked at
        // relative to its directory, where the kernel resolves one name instead of the whole path.
        var kind: mode_t = type == DT_DIR ? S_IFDIR : type == DT_LNK ? S_IFLNK : type == DT_REG ? S_IFREG : 0
        if kind == S_IFREG && !Self.hasReadExtension(name) { continue }
        var info = stat()
        if kind == 0 || kind == S_IFREG || followsSymlinks {
          // Gone since it was listed, or (following links) a dangling link: nothing to lint.
          guard fstatat(descriptor, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { continue }
          kind = info.st_mode & S_IFMT
          if followsSymlinks, kind == S_IFLNK {
            guard fstatat(descriptor, name, &info, 0) == 0 else { continue }
            kind = info.st_mode & S_IFMT
          }
        }
        switch kind {
        case S_IFDIR:
          if !isSkipped(directory: name, parent: current) && !isExcluded(path) {
            subdirectories.append((path, Self.identity(info)))
          }
        case S_IFREG:
          if Self.hasReadExtension(name) && !isExcluded(path) { files.append((path, Int(info.st_size))) }
        default:
          // Links (unless followed), named pipes, sockets and devices are never opened from a walk.
          break
        }
      }
      // Depth-first in name order: push in reverse so the first name is walked first.
      pending.append(contentsOf: subdirectories.reversed())
    }
  }

  private static func hasReadExtension(_ name: String) -> Bool {
    extensions.contains { name.utf8.count >= $0.utf8.count && name.utf8.reversed().starts(with: $0.utf8.reversed()) }
  }

  private static func identity(_ info: stat) -> DirectoryID {
    DirectoryID(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
  }

  private func isSkipped(directory name: String, parent: String) -> Bool {
    if Self.skippedDirectories.contains(name) { return true }
    guard name.hasPrefix("asset.") else { return false }
    let trimmed = parent.hasSuffix("/") ? String(parent.dropLast()) : parent
    let parentName = trimmed.lastIndex(of: "/").map { trimmed[trimmed.index(after: $0)...] } ?? trimmed[...]
    return parentName == "cdk.out"
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
