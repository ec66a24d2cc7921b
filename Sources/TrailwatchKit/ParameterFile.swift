import SourceMap

/// Parameter values for one deployment, as `--parameter Key=Value` and `--parameters FILE` give them.
///
/// A file is JSON in one of the forms AWS tools write: a list of `"Key=Value"` strings (`aws
/// cloudformation deploy --parameter-overrides file://…`), a list of `{"ParameterKey": …,
/// "ParameterValue": …}` objects (`create-stack --parameters file://…`; an entry with
/// `"UsePreviousValue": true` and no value is skipped, since the previous value is not known here), or
/// a CodePipeline template configuration `{"Parameters": {"Key": "Value"}, …}`. Numbers and booleans
/// count as their text.
public enum ParameterFile {
  /// Why parameter values could not be read; `message` names the file and position.
  public struct Failure: Error, Sendable, Equatable {
    public var message: String

    public init(_ message: String) {
      self.message = message
    }
  }

  static let forms = """
    a list of "Key=Value" strings, a list of {"ParameterKey": …, "ParameterValue": …} objects, \
    or {"Parameters": {"Key": "Value"}}
    """

  /// The values in the file at `path`.
  public static func load(_ path: String) throws(Failure) -> [String: String] {
    let bytes: [UInt8]
    do {
      bytes = try FileReader.contents(of: path)
    } catch {
      throw Failure(error.message)
    }
    return try parse(bytes, path: path)
  }

  /// The values in a file's bytes; `path` is only reported.
  public static func parse(_ bytes: [UInt8], path: String) throws(Failure) -> [String: String] {
    let root: Node
    do {
      guard let node = try JSONReader.read(SourceText(decoding: bytes)) else {
        throw Failure("\(path):1:1: the file is empty; expected \(forms)")
      }
      root = node
    } catch let error as ParseError {
      throw Failure("\(path):\(error.range.start.line):\(error.range.start.column): not a JSON parameter file: \(error.message)")
    } catch let error as Failure {
      throw error
    } catch {
      throw Failure("\(path): \(error)")
    }
    func failure(_ message: String, at node: Node) -> Failure {
      Failure("\(path):\(node.range.start.line):\(node.range.start.column): \(message)")
    }
    var values: [String: String] = [:]
    if let items = root.items {
      for item in items {
        if let text = item.scalar?.text, item.scalar?.style == .quoted {
          guard let (key, value) = split(text) else {
            throw failure("expected \"Key=Value\", found \"\(text)\"", at: item)
          }
          values[key] = value
        } else if item.entries != nil {
          guard let keyNode = item["ParameterKey"], let key = keyNode.scalar?.text, keyNode.scalar?.style == .quoted, !key.isEmpty
          else {
            throw failure("a parameter object needs a \"ParameterKey\" string", at: item)
          }
          guard let valueNode = item["ParameterValue"] else {
            if item["UsePreviousValue"]?.scalar?.boolValue == true { continue }
            throw failure("parameter \(key) needs a \"ParameterValue\"", at: item)
          }
          values[key] = try scalar(valueNode, of: key, failure: failure)
        } else {
          throw failure("expected \"Key=Value\" or a {\"ParameterKey\", \"ParameterValue\"} object", at: item)
        }
      }
      return values
    }
    guard root.entries != nil else { throw failure("expected \(forms)", at: root) }
    guard let parameters = root["Parameters"] else {
      throw failure("expected a \"Parameters\" object (a CodePipeline template configuration), or \(forms)", at: root)
    }
    guard let entries = parameters.entries else { throw failure("\"Parameters\" must be an object", at: parameters) }
    for entry in entries {
      values[entry.key.text] = try scalar(entry.value, of: entry.key.text, failure: failure)
    }
    return values
  }

  /// `Key=Value` as `--parameter` takes it: the value is everything after the first `=`.
  public static func assignment(_ text: String) throws(Failure) -> (key: String, value: String) {
    guard let pair = split(text) else {
      throw Failure("--parameter expects Key=Value, got '\(text)'")
    }
    return pair
  }

  private static func split(_ text: String) -> (key: String, value: String)? {
    guard let equals = text.firstIndex(of: "="), equals != text.startIndex else { return nil }
    return (String(text[..<equals]), String(text[text.index(after: equals)...]))
  }

  private static func scalar(_ node: Node, of key: String, failure: (String, Node) -> Failure) throws(Failure) -> String {
    guard let scalar = node.scalar, !scalar.isNull else {
      throw failure("the value of parameter \(key) must be a string, a number or a boolean", node)
    }
    return scalar.text
  }
}
