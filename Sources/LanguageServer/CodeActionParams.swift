/// A request for the code actions at a range of a document.
struct CodeActionParams: Codable {
  struct Context: Codable {
    /// The kinds the client wants; nil for all.
    var only: [String]?
  }

  var textDocument: TextDocumentIdentifier
  var range: LSPRange
  var context: Context?
}
