import SourceMap

/// An attribute with the file it is written in.
struct LocatedAttribute {
  var attribute: HCLAttribute
  var file: String
}
