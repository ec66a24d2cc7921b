import TerraformSource

/// What is linted as one piece: a single file (a template or a plan), or a Terraform module (every
/// `.tf` and `.tf.json` file of one directory, so a trail in `main.tf` and its log group in
/// `logs.tf` are checked together).
enum LintUnit: Equatable {
  case file(String)
  case terraformModule(directory: String)

  /// Whether a path names Terraform configuration (`.tf`, `.tf.json`).
  static func isTerraform(_ path: String) -> Bool {
    path.hasSuffix(".tf") || path.hasSuffix(".tf.json")
  }

  /// Groups the files of a run: each Terraform file stands for its directory, once, at the place of its
  /// first file; every other file is its own unit. Standard input named `*.tf` stands for the
  /// directory of that name.
  static func units(for files: [String], stdinName: String?) -> [LintUnit] {
    var units: [LintUnit] = []
    var directories: Set<String> = []
    for path in files {
      let named = path == "-" ? (stdinName ?? "-") : path
      guard isTerraform(named) else {
        units.append(.file(path))
        continue
      }
      let directory = TerraformPath.directory(of: named)
      if directories.insert(directory).inserted {
        units.append(.terraformModule(directory: directory))
      }
    }
    return units
  }
}
