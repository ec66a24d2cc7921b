/// A document the client opened, with its whole text.
struct TextDocumentItem: Codable {
  var uri: String
  var languageId: String?
  var version: Int
  var text: String
}
