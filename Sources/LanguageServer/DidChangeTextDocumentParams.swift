struct DidChangeTextDocumentParams: Codable {
  var textDocument: TextDocumentIdentifier
  /// Applied in order, each to the text the previous one left.
  var contentChanges: [TextDocumentContentChangeEvent]
}
