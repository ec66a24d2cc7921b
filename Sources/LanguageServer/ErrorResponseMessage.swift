/// A failed answer. `id` is `null` when the request's id could not be read (a malformed message).
struct ErrorResponseMessage: Encodable {
  struct ResponseError: Encodable {
    var code: Int
    var message: String
  }

  var id: RequestID?
  var error: ResponseError

  init(id: RequestID?, code: ErrorCode, message: String) {
    self.id = id
    self.error = ResponseError(code: code.rawValue, message: message)
  }

  private enum CodingKeys: String, CodingKey {
    case jsonrpc, id, error
  }

  func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode("2.0", forKey: .jsonrpc)
    try container.encode(id, forKey: .id)
    try container.encode(error, forKey: .error)
  }
}
