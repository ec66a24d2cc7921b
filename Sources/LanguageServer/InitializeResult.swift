/// The answer to `initialize`: what the server does.
struct InitializeResult: Encodable {
  struct ServerCapabilities: Encodable {
    struct TextDocumentSyncOptions: Encodable {
      struct SaveOptions: Encodable {
        var includeText = false
      }

      var openClose = true
      /// 2: incremental; each change carries only the edited range.
      var change = 2
      var save = SaveOptions()
    }

    /// `{"codeActionKinds": ["quickfix"]}` for clients that take code action literals, else `true`.
    enum CodeActionProvider: Encodable {
      case supported
      case kinds([String])

      private enum CodingKeys: String, CodingKey {
        case codeActionKinds
      }

      func encode(to encoder: any Encoder) throws {
        switch self {
        case .supported:
          var container = encoder.singleValueContainer()
          try container.encode(true)
        case .kinds(let kinds):
          var container = encoder.container(keyedBy: CodingKeys.self)
          try container.encode(kinds, forKey: .codeActionKinds)
        }
      }
    }

    var positionEncoding: PositionEncoding
    var textDocumentSync = TextDocumentSyncOptions()
    var codeActionProvider: CodeActionProvider
  }

  struct ServerInfo: Encodable {
    var name: String
    var version: String
  }

  var capabilities: ServerCapabilities
  var serverInfo: ServerInfo
}
