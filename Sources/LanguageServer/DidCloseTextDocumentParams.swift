struct DidCloseTextDocumentParams: Codable {
  var textDocument: TextDocumentIdentifier
}
