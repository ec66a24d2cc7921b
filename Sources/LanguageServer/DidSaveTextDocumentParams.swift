struct DidSaveTextDocumentParams: Codable {
  var textDocument: TextDocumentIdentifier
  var text: String?
}
