#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Expands the paths a user gave into the files to lint, in a stable order.
///
/// A file named on the command line is always read (content decides whether it is linted); inside
/// directories only files with a template, plan or Terraform extension are (`.tf.json` is `.json`), and `.git`, `node_modules`,
/// `.terraform` and `cdk.out/asset.*` are skipped. Symbolic links inside directories are not
/// followed, so a link loop or a link out of the tree cannot widen the run. What the configuration
/// excludes is skipped everywhere, named files included (a pre-commit hook names every file).
struct FileWalker {
  static let extensions = [".yaml", ".yml", ".json", ".template", ".tf"]
  static let skippedDirectories: Set<String> = [".git", "node_modules", ".terraform"]

  var exclude: PathPatterns?
  var resolver: PathResolver

  init(exclude: PathPatterns? = nil, resolver: PathResolver = .current()) {
    self.exclude = exclude
    self.resolver = resolver
  }

  private func isExcluded(_ path: String) -> Bool {
    exclude?.matches(path, resolver: resolver) ?? false
  }

  /// The files to lint, and a message for each path that could not be read.
  func files(in paths: [String]) -> (files: [String], problems: [String]) {
    let (files, problems) = sizedFiles(in: paths)
    return (files.map(\.path), problems)
  }

  /// The files to lint with their sizes in bytes as the walk saw them (0 for standard input), to share
  /// the work out evenly; and a message for each path that could not be read.
  func sizedFiles(in paths: [String]) -> (files: [(path: String, size: Int)], problems: [String]) {
    var files: [(path: String, size: Int)] = []
    var problems: [String] = []
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
        walk(directory: path, into: &files, problems: &problems)
      } else {
        files.append((path, Int(info.st_size)))
      }
    }
    return (files, problems)
  }

  private func walk(directory: String, into files: inout [(path: String, size: Int)], problems: inout [String]) {
    var pending = [directory]
    while let current = pending.popLast() {
      guard let handle = opendir(current) else {
        problems.append("\(current): \(Self.describe(errno))")
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
      var subdirectories: [String] = []
      for (name, type) in entries {
        let path = current.hasSuffix("/") ? current + name : current + "/" + name
        // The directory entry's type spares a stat of every directory and of every file that is not
        // read; files that are read are looked at relative to their directory, where the kernel
        // resolves one name instead of the whole path.
        var kind = type == DT_DIR ? S_IFDIR : type == DT_LNK ? S_IFLNK : type == DT_REG ? S_IFREG : 0
        var size = 0
        if kind == S_IFREG && !Self.hasReadExtension(name) { continue }
        if kind == 0 || kind == S_IFREG {
          var info = stat()
          guard fstatat(descriptor, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { continue }
          kind = info.st_mode & S_IFMT
          size = Int(info.st_size)
        }
        switch kind {
        case S_IFDIR:
          if !isSkipped(directory: name, parent: current) && !isExcluded(path) { subdirectories.append(path) }
        case S_IFREG:
          if Self.hasReadExtension(name) && !isExcluded(path) { files.append((path, size)) }
        default:
          // Links, FIFOs, sockets and devices are never opened from a directory walk.
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
