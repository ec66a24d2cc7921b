/// The document a notification or request is about; `version` is set where the protocol sends one.
struct TextDocumentIdentifier: Codable {
  var uri: String
  var version: Int?
}
