import ArgumentParser
import TrailwatchKit

/// `trailwatch init`: writes a commented `.trailwatch.yml` with every setting at its default.
struct InitCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "init", abstract: "Write a commented .trailwatch.yml with the defaults (never overwrites).")

  @Argument(help: ArgumentHelp("Where to write it.", valueName: "file"))
  var path: String = Configuration.fileName

  func run() throws {
    do {
      try DefaultConfiguration.write(to: path)
    } catch {
      for message in error.messages { StandardOutput.error(message) }
      throw ExitCode(2)
    }
    StandardOutput.write("wrote \(path)\n")
  }
}
