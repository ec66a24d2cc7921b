/// What every message from the client has, read before anything that depends on its method: the
/// params are decoded afterwards, into the type that method takes.
struct IncomingMessage: Decodable {
  var jsonrpc: String?
  /// The request's id; nil for a notification.
  var id: RequestID?
  var method: String?
  /// Whether this is the client's answer to a request of ours (it has `result` or `error`).
  var isResponse: Bool

  private enum CodingKeys: String, CodingKey {
    case jsonrpc, id, method, result, error
  }

  init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    jsonrpc = try container.decodeIfPresent(String.self, forKey: .jsonrpc)
    id = try container.decodeIfPresent(RequestID.self, forKey: .id)
    method = try container.decodeIfPresent(String.self, forKey: .method)
    isResponse = container.contains(.result) || container.contains(.error)
  }
}
