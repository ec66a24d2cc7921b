/// `window/showMessage`: a message the editor shows its user (1 error, 2 warning, 3 info).
struct ShowMessageParams: Encodable {
  var type: Int
  var message: String
}
