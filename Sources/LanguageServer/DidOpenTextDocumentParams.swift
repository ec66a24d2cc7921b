struct DidOpenTextDocumentParams: Codable {
  var textDocument: TextDocumentItem
}
