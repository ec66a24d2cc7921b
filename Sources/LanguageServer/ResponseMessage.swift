/// A successful answer to a request. `result` is always written, as `null` when there is none (the
/// answer to `shutdown`).
struct ResponseMessage<Result: Encodable>: Encodable {
  var id: RequestID
  var result: Result

  private enum CodingKeys: String, CodingKey {
    case jsonrpc, id, result
  }

  func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode("2.0", forKey: .jsonrpc)
    try container.encode(id, forKey: .id)
    try container.encode(result, forKey: .result)
  }
}
