/// A notification to the client, or (with an id) a request to it.
struct OutgoingMessage<Params: Encodable>: Encodable {
  var id: RequestID?
  var method: String
  var params: Params

  init(id: RequestID? = nil, method: String, params: Params) {
    self.id = id
    self.method = method
    self.params = params
  }

  private enum CodingKeys: String, CodingKey {
    case jsonrpc, id, method, params
  }

  func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode("2.0", forKey: .jsonrpc)
    try container.encodeIfPresent(id, forKey: .id)
    try container.encode(method, forKey: .method)
    try container.encode(params, forKey: .params)
  }
}
