import ArgumentParser
import Reporters
import Rules

/// `trailwatch rules`: the rule table, or the whole catalogue as Markdown.
struct RulesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "rules", abstract: "List the rules.")

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case text, markdown
  }

  @Option(help: "text (a table) or markdown (the full documentation).")
  var format: Format = .text

  func run() throws {
    let rules = RuleCatalog.descriptions
    switch format {
    case .markdown:
      StandardOutput.write(RuleDocumentation.catalogue(rules))
    case .text:
      let nameWidth = rules.map(\.name.count).max() ?? 0
      var output = ""
      for rule in rules {
        let name = rule.name.padding(to: nameWidth)
        let severity = rule.severity.rawValue.padding(to: 7)
        output += "\(rule.id)  \(name)  \(severity)  \(rule.summary)\n"
      }
      StandardOutput.write(output)
    }
  }
}

extension String {
  fileprivate func padding(to width: Int) -> String {
    count >= width ? self : self + String(repeating: " ", count: width - count)
  }
}
