/// Which instance of a counted or `for_each` resource: `[0]`, `["a"]`, or the one instance of a plain
/// one; `unknown` stands for every instance when the count cannot be known.
enum InstanceKey: Hashable {
  case single
  case index(Int)
  case key(String)
  case unknown

  /// The suffix of the instance's address.
  var suffix: String {
    switch self {
    case .single, .unknown: ""
    case .index(let index): "[\(index)]"
    case .key(let key): "[\"\(key)\"]"
    }
  }
}
