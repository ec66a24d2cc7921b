/// A quick fix: the edit, and the diagnostic it resolves.
struct CodeAction: Encodable {
  struct WorkspaceEdit: Encodable {
    /// The edits per document URI.
    var changes: [String: [TextEdit]]
  }

  var title: String
  var kind = "quickfix"
  var diagnostics: [Diagnostic]
  var isPreferred: Bool
  var edit: WorkspaceEdit
}
