import InfraModel
import SourceMap

/// The `# trailwatch:ignore …` and `// trailwatch:ignore …` comments of a module's `.tf` files.
///
/// A comment on a resource block's header line, or alone on the lines just above it, covers every
/// finding about that block's resources (each `count` or `for_each` instance, in every instance of
/// its module). Any other comment covers the findings that start on its line (or, alone on its line,
/// on the next line that is not a comment), in its own file.
enum SuppressionComments {
  /// A block's address for people and the addresses of the instances it declares, by where its
  /// header is.
  struct BlockKey: Hashable {
    var file: String
    var line: Int
  }

  struct Block {
    var name: String
    var addresses: [String]
    var headerRange: SourceRange
  }

  static func read(_ files: [TerraformSourceFile], blocks: [BlockKey: Block]) -> [LocatedSuppression] {
    var result: [LocatedSuppression] = []
    for file in files where file.error == nil {
      for comment in file.comments where comment.style != .block {
        let marker = comment.style == .hash ? 1 : 2
        let text = String(comment.text.dropFirst(marker))
        guard text.drop(while: { $0 == " " || $0 == "\t" }).hasPrefix(SuppressionComment.word) else { continue }
        let alone = standsAlone(comment, in: file.text)
        let subject = alone ? subjectLine(after: comment.range.start.line, in: file.text) : comment.range.start.line
        let written = Comment(text: text, range: comment.range, standsAlone: alone, subjectLine: subject)
        let scope: SuppressionScope
        let block = blocks[BlockKey(file: file.path, line: subject)]
        if let block {
          scope = .block(name: block.name, addresses: block.addresses)
        } else {
          scope = .line(subject)
        }
        if let suppression = SuppressionComment.suppression(written, scope: scope) {
          result.append(LocatedSuppression(file: file.path, suppression: suppression, blockLine: block == nil ? nil : subject))
        }
      }
    }
    return result
  }

  /// Whether only spaces and tabs stand before the comment on its line.
  private static func standsAlone(_ comment: HCLComment, in text: SourceText) -> Bool {
    let line = comment.range.start.line
    guard line >= 1, line <= text.lineStarts.count else { return false }
    let start = text.lineStarts[line - 1]
    return text.bytes[start..<comment.range.start.offset].allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
  }

  /// The first line after `line` that is not a comment; `line` itself when a blank line or the end
  /// of the file comes first.
  private static func subjectLine(after line: Int, in text: SourceText) -> Int {
    var next = line + 1
    while next <= text.lineCount {
      let content = text.lineBytes(next).drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
      if content.isEmpty { return line }
      let isComment = content.first == UInt8(ascii: "#")
        || (content.first == UInt8(ascii: "/") && content.dropFirst().first == UInt8(ascii: "/"))
      if !isComment { return next }
      next += 1
    }
    return line
  }
}
