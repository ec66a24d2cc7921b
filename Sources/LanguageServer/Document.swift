/// An open document: the client's text, which is what gets linted, not the file on disk.
struct Document {
  let uri: String
  /// The path the linter sees (for choosing the reader and finding the config).
  let path: String
  var version: Int?
  var bytes: [UInt8]

  init(uri: String, version: Int?, text: String) {
    self.uri = uri
    self.path = DocumentURI.path(of: uri)
    self.version = version
    self.bytes = Array(text.utf8)
  }

  /// Applies one change: a whole new text, or a replacement of a range.
  mutating func apply(_ change: TextDocumentContentChangeEvent, encoding: PositionEncoding) {
    guard let range = change.range else {
      bytes = Array(change.text.utf8)
      return
    }
    let index = LineIndex(bytes)
    let start = index.offset(of: range.start, in: encoding)
    let end = max(start, index.offset(of: range.end, in: encoding))
    bytes.replaceSubrange(start..<end, with: Array(change.text.utf8))
  }
}
