extension String {
  /// Whether the text holds `{{resolve:`, the start of a dynamic reference. Searched byte by byte from
  /// each `{`: the standard library's `contains(_:)` for strings builds a searcher with a table on
  /// every call, and every scalar of every template is asked.
  var holdsDynamicReference: Bool {
    let marker = "{{resolve:".utf8
    let bytes = utf8
    var start = bytes.startIndex
    while let brace = bytes[start...].firstIndex(of: UInt8(ascii: "{")) {
      if bytes[brace...].starts(with: marker) { return true }
      start = bytes.index(after: brace)
    }
    return false
  }
}
