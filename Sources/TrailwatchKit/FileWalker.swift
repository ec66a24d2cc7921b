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
    var files: [String] = []
    var problems: [String] = []
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
        walk(directory: path, into: &files, problems: &problems)
      } else {
        files.append(path)
      }
    }
    return (files, problems)
  }

  private func walk(directory: String, into files: inout [String], problems: inout [String]) {
    var pending = [directory]
    while let current = pending.popLast() {
      guard let handle = opendir(current) else {
        problems.append("\(current): \(Self.describe(errno))")
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
      var subdirectories: [String] = []
      for name in names.sorted() {
        let path = current.hasSuffix("/") ? current + name : current + "/" + name
        var info = stat()
        guard lstat(path, &info) == 0 else { continue }
        switch info.st_mode & S_IFMT {
        case S_IFDIR:
          if !isSkipped(directory: name, parent: current) && !isExcluded(path) { subdirectories.append(path) }
        case S_IFREG:
          if Self.extensions.contains(where: { name.hasSuffix($0) }) && !isExcluded(path) { files.append(path) }
        default:
          // Links, FIFOs, sockets and devices are never opened from a directory walk.
          break
        }
      }
      // Depth-first in name order: push in reverse so the first name is walked first.
      pending.append(contentsOf: subdirectories.reversed())
    }
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
