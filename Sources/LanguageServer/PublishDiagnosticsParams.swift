/// Every diagnostic of one document; each notification replaces the previous set.
struct PublishDiagnosticsParams: Encodable {
  var uri: String
  var version: Int?
  var diagnostics: [Diagnostic]
}
