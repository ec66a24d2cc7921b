/// JSON-RPC and LSP error codes the server answers with.
enum ErrorCode: Int, Sendable, Codable {
  case parseError = -32700
  case invalidRequest = -32600
  case methodNotFound = -32601
  case invalidParams = -32602
  case serverNotInitialized = -32002
}
