import SourceMap

/// The configuration of one module directory: every `.tf` and `.tf.json` file in it, indexed.
struct ModuleConfig {
  let directory: String
  var files: [TerraformSourceFile] = []
  var variables: [String: VariableConfig] = [:]
  var locals: [String: LocatedAttribute] = [:]
  var resources: [ResourceConfig] = []
  var resourceIndex: [String: Int] = [:]
  var moduleCalls: [String: ModuleCallConfig] = [:]
  var moduleCallOrder: [String] = []
  var outputs: [String: LocatedAttribute] = [:]
  /// Resource types declared in the module, so `aws_iam_role.x` is told from an undeclared name.
  var resourceTypes: Set<String> = []

  init(directory: String) {
    self.directory = directory
  }

  /// Reads every configuration file of `directory` in name order; a file that cannot be read is kept
  /// with its error and adds nothing.
  static func load(directory: String, from fileSystem: any TerraformFileSystem, limits: ReaderLimits) -> ModuleConfig {
    var module = ModuleConfig(directory: directory)
    let names = (fileSystem.fileNames(in: directory) ?? []).filter(TerraformPath.isConfigurationFile).sorted()
    for name in names {
      let path = TerraformPath.join(directory, name)
      guard let bytes = fileSystem.contents(of: path) else { continue }
      let (file, body) = read(path: path, bytes: bytes, limits: limits)
      module.files.append(file)
      if let body { module.add(body, file: path) }
    }
    return module
  }

  /// One configuration or variable file: native syntax, or JSON for names ending in `.json`.
  static func read(path: String, bytes: [UInt8], limits: ReaderLimits, jsonTemplates: Bool = true) -> (TerraformSourceFile, HCLBody?) {
    let text: SourceText
    do {
      text = try SourceText(decoding: bytes)
    } catch {
      return (TerraformSourceFile(path: path, text: SourceText(utf8: []), comments: [], error: error), nil)
    }
    do {
      if path.hasSuffix(".json") {
        guard let root = try JSONReader.read(text, limits: limits) else {
          return (TerraformSourceFile(path: path, text: text, comments: [], error: nil), HCLBody(attributes: [], blocks: [], range: .fileStart))
        }
        let body = jsonTemplates
          ? try JSONConfiguration.body(from: root, limits: limits)
          : try variablesBody(from: root, limits: limits)
        return (TerraformSourceFile(path: path, text: text, comments: [], error: nil), body)
      }
      let file = try HCLReader.read(text, limits: limits)
      return (TerraformSourceFile(path: path, text: text, comments: file.comments, error: nil), file.body)
    } catch {
      return (TerraformSourceFile(path: path, text: text, comments: [], error: error), nil)
    }
  }

  /// A `.tfvars.json` file: one object of variable values, strings literal (not templates).
  private static func variablesBody(from root: Node, limits: ReaderLimits) throws(ParseError) -> HCLBody {
    guard let entries = root.entries else {
      throw ParseError("a variables file holds one object of variable values", at: root.range)
    }
    var attributes: [HCLAttribute] = []
    for entry in entries {
      let value = try JSONConfiguration.expression(entry.value, limits: limits, templates: false)
      attributes.append(HCLAttribute(
        name: entry.key.text, nameRange: entry.key.range, value: value,
        range: SourceRange(start: entry.key.range.start, end: entry.value.range.end)))
    }
    return HCLBody(attributes: attributes, blocks: [], range: root.range)
  }

  private mutating func add(_ body: HCLBody, file: String) {
    for block in body.blocks {
      let labels = block.labels.map(\.value)
      switch block.type {
      case "resource", "data":
        guard labels.count == 2 else { continue }
        let resource = ResourceConfig(isData: block.type == "data", type: labels[0], name: labels[1], block: block, file: file)
        guard resourceIndex[resource.address] == nil else { continue }
        resourceIndex[resource.address] = resources.count
        resources.append(resource)
        if !resource.isData { resourceTypes.insert(resource.type) }
      case "variable":
        guard labels.count == 1, variables[labels[0]] == nil else { continue }
        variables[labels[0]] = VariableConfig(name: labels[0], block: block, file: file)
      case "locals":
        for attribute in block.body.attributes where locals[attribute.name] == nil {
          locals[attribute.name] = LocatedAttribute(attribute: attribute, file: file)
        }
      case "module":
        guard labels.count == 1, moduleCalls[labels[0]] == nil else { continue }
        moduleCalls[labels[0]] = ModuleCallConfig(name: labels[0], block: block, file: file)
        moduleCallOrder.append(labels[0])
      case "output":
        guard labels.count == 1, let value = block.body.attribute("value") else { continue }
        outputs[labels[0]] = outputs[labels[0]] ?? LocatedAttribute(attribute: value, file: file)
      default:
        continue
      }
    }
  }

  func resource(_ address: String) -> ResourceConfig? {
    resourceIndex[address].map { resources[$0] }
  }
}
