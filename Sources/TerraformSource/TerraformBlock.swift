import SourceMap

/// A resource block of the configuration: where its header is, and the addresses of the resources it
/// declares (each `count` or `for_each` instance, in every instance of its module), as a plan names
/// them.
public struct TerraformBlock: Sendable, Equatable {
  public var file: String
  public var headerRange: SourceRange
  public var addresses: [String]

  public init(file: String, headerRange: SourceRange, addresses: [String]) {
    self.file = file
    self.headerRange = headerRange
    self.addresses = addresses
  }

  /// An address without its instance keys: `module.a["x"].aws_cloudtrail.t[0]` is
  /// `module.a.aws_cloudtrail.t`, so a plan's instance finds its block when the configuration alone
  /// cannot tell the keys.
  public static func withoutKeys(_ address: String) -> String {
    var result = ""
    var depth = 0
    var inString = false
    var escaped = false
    for character in address {
      if depth > 0 {
        if inString {
          if escaped {
            escaped = false
          } else if character == "\\" {
            escaped = true
          } else if character == "\"" {
            inString = false
          }
        } else if character == "\"" {
          inString = true
        } else if character == "]" {
          depth -= 1
        } else if character == "[" {
          depth += 1
        }
        continue
      }
      if character == "[" {
        depth = 1
        continue
      }
      result.append(character)
    }
    return result
  }
}
