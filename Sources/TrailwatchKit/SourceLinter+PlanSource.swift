import InfraModel
import Rules
import SourceMap
import TerraformSource

/// A Terraform plan's findings shown where the user fixes them: in the `.tf` source.
extension SourceLinter {
  /// Moves each finding of a plan about a resource to that resource in the configuration in
  /// `directory` (read with its local modules): to the place the same rule reports in the source when
  /// it does (a value), else to the resource block's header. The plan's place is kept as a related
  /// location. The configuration's `trailwatch:ignore` comments then apply, and its files' syntax
  /// errors are reported. Nil when the directory holds no Terraform configuration.
  public func placeInSource(
    _ plan: [Finding], planPath: String, directory: String, fileSystem: any TerraformFileSystem
  ) -> TerraformModuleResult? {
    let source = TerraformSourceAdapter(variables: terraformVariables).read(directory: directory, from: fileSystem)
    guard source.files.contains(where: { TerraformPath.isConfigurationFile(TerraformPath.fileName(of: $0.path)) }) else {
      return nil
    }
    var texts: [String: SourceText] = [:]
    var found: [Finding] = []
    let parseError = ParseErrorRule.description
    for file in source.files {
      texts[file.path] = file.text
      guard let error = file.error, let severity = ruleLevels.severity(of: parseError) else { continue }
      found.append(Finding(
        ruleID: parseError.id, ruleName: parseError.name, severity: severity, message: error.message, file: file.path,
        range: error.range, lineText: excerpt(of: error.range.start.line, in: file.text)))
    }
    // Where the source itself reports each rule for each resource, by address with and without keys.
    var reported: [String: Finding] = [:]
    for finding in findings(in: source.infrastructure, path: directory, text: { texts[$0] }) {
      guard let resource = finding.resource else { continue }
      reported[finding.ruleID + " " + resource] = reported[finding.ruleID + " " + resource] ?? finding
      let loose = finding.ruleID + " " + TerraformBlock.withoutKeys(resource)
      reported[loose] = reported[loose] ?? finding
    }
    var blocks: [String: TerraformBlock] = [:]
    for block in source.blocks {
      for address in block.addresses {
        blocks[address] = blocks[address] ?? block
        blocks[TerraformBlock.withoutKeys(address)] = blocks[TerraformBlock.withoutKeys(address)] ?? block
      }
    }
    /// Plan resources shown at each block, so the block's comments cover them.
    var shownAt: [String: [String]] = [:]
    for var finding in plan {
      guard let resource = finding.resource,
        let block = blocks[resource] ?? blocks[TerraformBlock.withoutKeys(resource)]
      else {
        found.append(finding)
        continue
      }
      let place = reported[finding.ruleID + " " + resource] ?? reported[finding.ruleID + " " + TerraformBlock.withoutKeys(resource)]
      finding.related = [RelatedLocation(file: finding.file, range: finding.range, note: "where the plan \(planPath) shows it")]
      finding.file = place?.file ?? block.file
      finding.range = place?.range ?? block.headerRange
      finding.lineText = texts[finding.file].flatMap { excerpt(of: finding.range.start.line, in: $0) }
      finding.utf16Columns = nil
      finding.lineHash = nil
      shownAt[block.file + ":\(block.headerRange.start.line)", default: []].append(resource)
      found.append(finding)
    }
    let candidates = source.suppressions.map { located -> SuppressionCandidate in
      var suppression = located.suppression
      if let line = located.blockLine, case .block(let name, let addresses) = suppression.scope {
        suppression.scope = .block(name: name, addresses: addresses + (shownAt[located.file + ":\(line)"] ?? []))
      }
      var candidate = SuppressionCandidate(suppression, file: located.file)
      if case .line = suppression.scope {
        let onLine = candidate.covers
        candidate.covers = { $0.file == located.file && onLine($0) }
      }
      return candidate
    }
    let sourceFiles = source.files.map(\.path)
    found += SuppressionFilter(policy: suppressionPolicy, levels: ruleLevels)
      .apply(candidates, to: &found, lintedFiles: sourceFiles)
      .map { finding in
        var finding = finding
        finding.lineText = texts[finding.file].flatMap { excerpt(of: finding.range.start.line, in: $0) }
        return finding
      }
    var placed: [Finding] = []
    for (file, inFile) in Dictionary(grouping: found, by: \.file) {
      // The plan's own findings (and those already detailed) keep what the plan's lint gave them.
      guard let text = texts[file] else {
        placed += inFile
        continue
      }
      placed += detailed(inFile, text: text, file: text.bytes)
    }
    return TerraformModuleResult(
      findings: placed.sorted(by: Finding.isOrderedBefore), files: sourceFiles,
      moduleDirectories: source.moduleDirectories + [TerraformPath.normalize(directory)],
      resources: source.infrastructure.resourcesByFile(defaultFile: directory))
  }
}
