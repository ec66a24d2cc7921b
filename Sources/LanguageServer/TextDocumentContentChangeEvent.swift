/// One edit of a document: `text` replaces `range`, or the whole text when there is no range.
struct TextDocumentContentChangeEvent: Codable {
  var range: LSPRange?
  var text: String
}
