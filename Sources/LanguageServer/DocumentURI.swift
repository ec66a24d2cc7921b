/// Turns the client's document URIs into the paths the linter reports and reads config for.
enum DocumentURI {
  /// The file path of a `file:` URI, percent-decoded (`file:///c%3A/x` is `c:/x`); any other URI
  /// as it is, since only its name matters (`.json` picks the JSON reader).
  static func path(of uri: String) -> String {
    guard uri.hasPrefix("file://") else { return uri }
    var rest = Substring(uri.dropFirst("file://".count))
    // `file://host/path`: keep the path; `file:///path` has an empty host.
    if let slash = rest.firstIndex(of: "/") { rest = rest[slash...] } else { return uri }
    let decoded = percentDecoded(rest)
    // Windows: `/c:/x` is the drive path `c:/x`.
    let scalars = Array(decoded.unicodeScalars.prefix(3))
    if scalars.count == 3, scalars[0] == "/", scalars[1].properties.isAlphabetic, scalars[2] == ":" {
      return String(decoded.dropFirst())
    }
    return decoded
  }

  /// The `file:` URI of an absolute path, percent-encoding what a URI cannot hold as it is.
  static func uri(ofPath path: String) -> String {
    var encoded = "file://"
    for byte in path.utf8 {
      switch byte {
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
        UInt8(ascii: "/"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
        encoded.unicodeScalars.append(UnicodeScalar(byte))
      default:
        let digits = Array("0123456789ABCDEF".unicodeScalars)
        encoded += "%"
        encoded.unicodeScalars.append(digits[Int(byte >> 4)])
        encoded.unicodeScalars.append(digits[Int(byte & 0x0F)])
      }
    }
    return encoded
  }

  private static func percentDecoded(_ text: Substring) -> String {
    var bytes: [UInt8] = []
    let utf8 = Array(text.utf8)
    var index = 0
    while index < utf8.count {
      if utf8[index] == UInt8(ascii: "%"), index + 2 < utf8.count, let high = hex(utf8[index + 1]), let low = hex(utf8[index + 2]) {
        bytes.append(high << 4 | low)
        index += 3
      } else {
        bytes.append(utf8[index])
        index += 1
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  private static func hex(_ byte: UInt8) -> UInt8? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
    default: nil
    }
  }
}
