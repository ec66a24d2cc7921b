#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import TerraformSource

/// A module's files on disk, with standard input standing in for one of them when it is linted
/// under `--stdin-filename main.tf`.
struct DiskTerraformFiles: TerraformFileSystem {
  /// Bytes that replace (or add) the file at a path.
  var overlay: [String: [UInt8]] = [:]

  func fileNames(in directory: String) -> [String]? {
    var names: [String] = []
    let overlaid = overlay.keys.filter { TerraformPath.directory(of: $0) == directory }.map(TerraformPath.fileName(of:))
    if let handle = opendir(directory) {
      while let entry = readdir(handle) {
        let name = withUnsafePointer(to: entry.pointee.d_name) {
          $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
        }
        guard name != ".", name != ".." else { continue }
        var info = stat()
        // Links to files are followed here, as Terraform follows them; directories are never listed.
        guard stat(TerraformPath.join(directory, name), &info) == 0, info.st_mode & S_IFMT == S_IFREG else { continue }
        names.append(name)
      }
      closedir(handle)
    } else if overlaid.isEmpty {
      return nil
    }
    return Array(Set(names + overlaid)).sorted()
  }

  func contents(of path: String) -> [UInt8]? {
    if let bytes = overlay[path] { return bytes }
    return try? FileReader.contents(of: path)
  }
}
