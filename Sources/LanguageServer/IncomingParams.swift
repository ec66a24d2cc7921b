/// The `params` of a message, decoded as the type its method takes.
struct IncomingParams<Params: Decodable>: Decodable {
  var params: Params
}
