import Testing

@testable import SourceMap

/// Comments trailwatch reads for suppressions: placed like comments, never inside a string.
struct YAMLCommentsTests {
  static let prefix = "trailwatch:ignore"

  /// "line:column text alone→subject" for each comment found.
  private func comments(_ yaml: String) throws -> [String] {
    let text = SourceText(yaml)
    let root = try YAMLReader.read(text)
    return YAMLComments.comments(in: text, root: root, startingWith: Self.prefix).map { comment in
      "\(comment.range.start.line):\(comment.range.start.column)\(comment.standsAlone ? " alone" : "")"
        + "→\(comment.subjectLine) \(comment.text)"
    }
  }

  @Test("a comment after code is about its own line; one alone is about the next line of code")
  func placement() throws {
    let yaml = """
      Resources:
        # trailwatch:ignore TW101 first
        # an ordinary comment between
        Trail:  # trailwatch:ignore TW102 second
          Type: AWS::CloudTrail::Trail
      # trailwatch:ignore TW201 before a blank line

        Logs:
          Type: AWS::Logs::LogGroup
      # trailwatch:ignore all at the end
      """
    #expect(try comments(yaml) == [
      "2:3 alone→4  trailwatch:ignore TW101 first",
      "4:11→4  trailwatch:ignore TW102 second",
      "6:1 alone→6  trailwatch:ignore TW201 before a blank line",
      "10:1 alone→10  trailwatch:ignore all at the end",
    ])
  }

  @Test("a # inside a quoted string, a block scalar or a key is not a comment", arguments: [
    "a: \"x # trailwatch:ignore TW101\"\n",
    "a: 'x # trailwatch:ignore TW101'\n",
    "a: |\n  # trailwatch:ignore TW101\n  more text\nb: 1\n",
    "a: >-\n  folded # trailwatch:ignore TW101\n\nb: 1\n",
    "\"key # trailwatch:ignore TW101\": 1\n",
    "a: [\"x # trailwatch:ignore TW101\", 2]\n",
    "a: b#trailwatch:ignore TW101\n",
    "a: |\n    deeper\n      # trailwatch:ignore TW101 still inside\nb: 1\n",
  ])
  func notComments(yaml: String) throws {
    #expect(try comments(yaml) == [])
  }

  @Test("a comment right after a string or a block scalar is one")
  func commentsBesideStrings() throws {
    #expect(try comments("a: \"x # y\" # trailwatch:ignore TW101\n") == ["1:12→1  trailwatch:ignore TW101"])
    #expect(try comments("a: plain # trailwatch:ignore TW101\n") == ["1:10→1  trailwatch:ignore TW101"])
    #expect(try comments("a: |\n    text\n  # trailwatch:ignore TW101\nb: 1\n") == ["3:3 alone→4  trailwatch:ignore TW101"])
    #expect(try comments("a: [1, 2] #trailwatch:ignore TW101\n") == ["1:11→1 trailwatch:ignore TW101"])
  }

  @Test("comments that do not start with the prefix are not returned")
  func otherComments() throws {
    #expect(try comments("a: 1 # see trailwatch:ignore in the README\n") == [])
    #expect(try comments("# plain\na: 1\n") == [])
  }

  @Test("CRLF line breaks stay out of the comment text and the lines count the same")
  func crlf() throws {
    #expect(try comments("a: 1\r\n# trailwatch:ignore TW101 why\r\nb: 2\r\n") == ["2:1 alone→3  trailwatch:ignore TW101 why"])
  }

  @Test("without a tree every # placed like a comment counts (the file did not parse)")
  func withoutTree() {
    let text = SourceText("a: \"x # trailwatch:ignore TW101\"\n")
    #expect(YAMLComments.comments(in: text, root: nil, startingWith: Self.prefix).count == 1)
  }
}
