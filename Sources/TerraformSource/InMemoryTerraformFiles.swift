/// Files held in memory, by path: for tests, and to lint standard input in its directory's context.
public struct InMemoryTerraformFiles: TerraformFileSystem {
  public var files: [String: [UInt8]]

  public init(_ files: [String: String]) {
    self.files = files.mapValues { Array($0.utf8) }
  }

  public init(bytes files: [String: [UInt8]]) {
    self.files = files
  }

  public func fileNames(in directory: String) -> [String]? {
    let prefix = TerraformPath.normalize(directory)
    let names = files.keys.compactMap { path -> String? in
      let normalized = TerraformPath.normalize(path)
      guard TerraformPath.directory(of: normalized) == prefix else { return nil }
      return TerraformPath.fileName(of: normalized)
    }
    return names.isEmpty ? nil : names.sorted()
  }

  public func contents(of path: String) -> [UInt8]? {
    if let bytes = files[path] { return bytes }
    let normalized = TerraformPath.normalize(path)
    return files.first { TerraformPath.normalize($0.key) == normalized }?.value
  }
}
