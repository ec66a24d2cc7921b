/// The parts of `initialize` the server reads; everything else a client sends is ignored.
struct InitializeParams: Codable {
  struct ClientCapabilities: Codable {
    struct General: Codable {
      var positionEncodings: [String]?
    }

    struct Workspace: Codable {
      struct DynamicRegistration: Codable {
        var dynamicRegistration: Bool?
      }

      var didChangeWatchedFiles: DynamicRegistration?
    }

    struct TextDocument: Codable {
      struct CodeAction: Codable {
        /// Present when the client takes `CodeAction` literals (and `CodeActionOptions`).
        var codeActionLiteralSupport: Empty?
      }

      var codeAction: CodeAction?
    }

    /// Any JSON object whose contents do not matter.
    struct Empty: Codable {}

    var general: General?
    var workspace: Workspace?
    var textDocument: TextDocument?
  }

  struct WorkspaceFolder: Codable {
    var uri: String
    var name: String?
  }

  var rootUri: String?
  var rootPath: String?
  var workspaceFolders: [WorkspaceFolder]?
  var capabilities: ClientCapabilities?
}
