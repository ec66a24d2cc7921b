import ArgumentParser
import LanguageServer

/// `trailwatch lsp`: serves the Language Server Protocol on standard input and output.
struct LanguageServerCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "lsp",
    abstract: "Serve the Language Server Protocol over standard input and output, for editors."
  )

  @Flag(help: ArgumentHelp("Accepted for clients that pass it; stdio is the only transport.", visibility: .hidden))
  var stdio = false

  func run() throws {
    var server = LanguageServer()
    let code = server.run()
    if code != 0 { throw ExitCode(code) }
  }
}
