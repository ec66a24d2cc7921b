import ArgumentParser
import Reporters
import Rules

/// `trailwatch explain TW101`: one rule's documentation.
struct ExplainCommand: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "explain", abstract: "Print one rule's documentation.")

  @Argument(help: "A rule id (TW101) or name (trail-missing-log-group).")
  var rule: String

  func run() throws {
    guard let description = RuleCatalog.description(of: rule) else {
      let known = RuleCatalog.descriptions.map(\.id).joined(separator: ", ")
      throw ValidationError("unknown rule '\(rule)'; the rules are \(known)")
    }
    StandardOutput.write(RuleDocumentation.markdown(description))
  }
}
