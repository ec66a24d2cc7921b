import InfraModel
import SourceMap

/// Turns a directory's Terraform configuration (`.tf` and `.tf.json` files, one module) into the
/// provider-neutral model, with its variable values and local modules.
///
/// Variables take, last winning: their `default`, `terraform.tfvars`, `terraform.tfvars.json`,
/// `*.auto.tfvars` and `*.auto.tfvars.json` in the directory (in name order), `--var-file` files, then
/// `--var` assignments. Local modules (`source = "./modules/audit"`) are read with their inputs and
/// outputs, once per `count` index or `for_each` key; remote modules and data sources other than
/// `aws_cloudwatch_log_group` make values unknown, never missing.
public struct TerraformSourceAdapter: Sendable {
  public var variables: TerraformVariableInput
  public var limits: ReaderLimits

  public init(variables: TerraformVariableInput = TerraformVariableInput(), limits: ReaderLimits = .default) {
    self.variables = variables
    self.limits = limits
  }

  /// Reads the root module in `directory` (as the user spelled it; file paths are joined to it).
  public func read(directory: String, from fileSystem: any TerraformFileSystem) -> TerraformSourceResult {
    var evaluator = Evaluator(rootDirectory: directory, fileSystem: fileSystem, limits: limits)
    var variableFiles: [TerraformSourceFile] = []
    for path in variableFilePaths(in: directory, fileSystem: fileSystem) {
      guard let bytes = fileSystem.contents(of: path) else { continue }
      let (file, body) = ModuleConfig.read(path: path, bytes: bytes, limits: limits, jsonTemplates: false)
      variableFiles.append(file)
      for attribute in body?.attributes ?? [] {
        let value = evaluator.evaluate(attribute.value, in: EvaluationScope(module: 0))
        evaluator.rootValues[attribute.name] = Evaluator.RootValue(
          value: value, origin: "variable \(attribute.name) = \(value.shortDescription) in \(TerraformPath.fileName(of: path))")
      }
    }
    let declarations = evaluator.modules[0].variables
    for (name, text) in variables.assignments {
      // As Terraform reads -var: the raw text for a string, a number or bool converted, an
      // expression for a collection type.
      var value = TerraformValue.text(text)
      switch declarations[name]?.typeName {
      case "number"?:
        if let number = Double(text) { value = .number(number) }
      case "bool"?:
        if text == "true" || text == "false" { value = .bool(text == "true") }
      case nil, "string"?, "any"?:
        break
      case _?:
        if let expression = try? HCLReader.readExpression(SourceText(text), limits: limits) {
          value = evaluator.evaluate(expression, in: EvaluationScope(module: 0))
        }
      }
      evaluator.rootValues[name] = Evaluator.RootValue(
        value: value, origin: "variable \(name) = \(value.shortDescription) from --var")
    }
    var builder = ModelBuilder(evaluator: evaluator)
    let infrastructure = builder.build()
    let modules = builder.evaluator.modules
    var files = modules[0].files + variableFiles
    for module in modules.dropFirst() { files += module.files }
    return TerraformSourceResult(
      infrastructure: infrastructure, files: files,
      moduleDirectories: modules.dropFirst().map { TerraformPath.normalize($0.directory) },
      suppressions: SuppressionComments.read(files, blocks: builder.blocks),
      blocks: builder.blocks.map { key, block in
        TerraformBlock(file: key.file, headerRange: block.headerRange, addresses: block.addresses)
      }.sorted { ($0.file, $0.headerRange.start.offset) < ($1.file, $1.headerRange.start.offset) })
  }

  /// The variable files Terraform reads for a root module, in the order it applies them.
  private func variableFilePaths(in directory: String, fileSystem: any TerraformFileSystem) -> [String] {
    let names = fileSystem.fileNames(in: directory) ?? []
    var automatic = ["terraform.tfvars", "terraform.tfvars.json"].filter(names.contains)
    automatic += names.filter { $0.hasSuffix(".auto.tfvars") || $0.hasSuffix(".auto.tfvars.json") }.sorted()
    return automatic.map { TerraformPath.join(directory, $0) } + variables.files
  }
}
