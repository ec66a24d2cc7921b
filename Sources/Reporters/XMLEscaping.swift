/// Text made safe for XML 1.0 attributes and character data.
///
/// Characters XML 1.0 cannot hold at all, not even as references (C0 controls other than tab, LF
/// and CR; U+FFFE and U+FFFF), are written as a visible `\u001B`, so a report about a file with
/// such a name is still well-formed and still names it.
enum XMLEscaping {
  /// For a double-quoted attribute value: markup characters and double quotes as entities, and
  /// tab, LF and CR as character references (a parser would turn them into spaces otherwise).
  static func attribute(_ text: String) -> String {
    escape(text, inAttribute: true)
  }

  /// For character data: markup characters as entities, CR as a reference (a parser would turn it
  /// into LF otherwise).
  static func text(_ text: String) -> String {
    escape(text, inAttribute: false)
  }

  private static func escape(_ text: String, inAttribute: Bool) -> String {
    // Nearly every path and message needs nothing: return those as they are.
    let needsWork = text.utf8.contains { byte in
      byte < 0x20 || byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
        || (inAttribute && byte == UInt8(ascii: "\"")) || byte == 0xEF  // 0xEF leads U+FFFE and U+FFFF
    }
    guard needsWork else { return text }
    var escaped = ""
    escaped.reserveCapacity(text.utf8.count + 16)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": escaped += "&amp;"
      case "<": escaped += "&lt;"
      case ">": escaped += "&gt;"
      case "\"" where inAttribute: escaped += "&quot;"
      case "\t" where inAttribute: escaped += "&#9;"
      case "\n" where inAttribute: escaped += "&#10;"
      case "\r": escaped += "&#13;"
      case "\t", "\n": escaped.unicodeScalars.append(scalar)
      default:
        if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF {
          let hex = String(scalar.value, radix: 16, uppercase: true)
          escaped += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          escaped.unicodeScalars.append(scalar)
        }
      }
    }
    return escaped
  }
}
