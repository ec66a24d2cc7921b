import SourceMap

/// A `module "name" { source = … }` block.
struct ModuleCallConfig {
  var name: String
  var block: HCLBlock
  var file: String
}
