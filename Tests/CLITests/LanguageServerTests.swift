import Foundation
import Testing

/// `trailwatch lsp` as an editor meets it: the built binary, spoken to over pipes.
struct LanguageServerTests {
  typealias Client = LanguageServerClient

  static let badTemplate = """
    Resources:
      AuditLogs:
        Type: AWS::Logs::LogGroup
        Properties:
          RetentionInDays: 30
      Trail:
        Type: AWS::CloudTrail::Trail
        Properties:
          IsLogging: true
          S3BucketName: audit
          CloudWatchLogsLogGroupArn: !GetAtt AuditLogs.Arn

    """

  static let goodTemplate = badTemplate.replacingOccurrences(of: "RetentionInDays: 30", with: "RetentionInDays: 365")
    + "      CloudWatchLogsRoleArn: arn:aws:iam::123456789012:role/ToLogs\n"

  /// Non-ASCII text (a two-byte letter and a four-byte emoji, a surrogate pair in UTF-16) before the
  /// finding on its line: 90 characters, 91 UTF-16 code units, 94 UTF-8 bytes precede `366`.
  static let multibyteTemplate = """
    Resources:
      Logs: {Type: AWS::Logs::LogGroup, Properties: {LogGroupName: "/äpp/😀", RetentionInDays: 366}}

    """

  static let tw202 = """
    {"code":"TW202","codeDescription":{"href":"https://github.com/trailwatch/trailwatch/blob/main/docs/rules.md#tw202-log-group-retention-too-short"},\
    "message":"log group 'AuditLogs' keeps the events of trail 'Trail' for 30 days, fewer than the minimum of 365",\
    "range":{"start":{"line":4,"character":23},"end":{"line":4,"character":25}},"severity":1,"source":"trailwatch"}
    """

  static let tw102 = """
    {"code":"TW102","codeDescription":{"href":"https://github.com/trailwatch/trailwatch/blob/main/docs/rules.md#tw102-trail-missing-role"},\
    "message":"trail 'Trail' has no CloudWatchLogsRoleArn, so CloudTrail cannot deliver its events to CloudWatch Logs",\
    "range":{"start":{"line":5,"character":2},"end":{"line":5,"character":7}},"severity":1,"source":"trailwatch"}
    """

  static func tw203(start: Int, end: Int, value: Int = 366, nearest: String = "365 or 400") -> String {
    """
    {"code":"TW203","codeDescription":{"href":"https://github.com/trailwatch/trailwatch/blob/main/docs/rules.md#tw203-log-group-retention-invalid"},\
    "message":"RetentionInDays \(value) of log group 'Logs' is not a period CloudWatch Logs accepts, so the deploy fails; the nearest accepted values are \(nearest)",\
    "range":{"start":{"line":1,"character":\(start)},"end":{"line":1,"character":\(end)}},"severity":1,"source":"trailwatch"}
    """
  }

  // MARK: Message builders

  /// A JSON string literal for `text`.
  static func quoted(_ text: String) -> String {
    let data = (try? JSONSerialization.data(withJSONObject: text, options: [.fragmentsAllowed, .withoutEscapingSlashes])) ?? Data()
    return String(decoding: data, as: UTF8.self)
  }

  static func initialize(id: Int = 1, capabilities: String = "{}") -> String {
    #"{"jsonrpc":"2.0","id":\#(id),"method":"initialize","params":{"processId":null,"rootUri":null,"capabilities":\#(capabilities)}}"#
  }

  static func didOpen(_ uri: String, _ text: String, version: Int = 1) -> String {
    #"{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"\#(uri)","languageId":"yaml","version":\#(version),"text":\#(quoted(text))}}}"#
  }

  static func didChange(_ uri: String, version: Int, changes: String) -> String {
    #"{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"\#(uri)","version":\#(version)},"contentChanges":\#(changes)}}"#
  }

  static func range(_ line: Int, _ start: Int, _ endLine: Int, _ end: Int) -> String {
    #"{"start":{"line":\#(line),"character":\#(start)},"end":{"line":\#(endLine),"character":\#(end)}}"#
  }

  static func published(_ uri: String, version: Int?, _ diagnostics: [String]) -> String {
    let version = version.map { #","version":\#($0)"# } ?? ""
    return Client.canonical(
      #"{"jsonrpc":"2.0","method":"textDocument/publishDiagnostics","params":{"uri":"\#(uri)"\#(version),"diagnostics":[\#(diagnostics.joined(separator: ","))]}}"#
    )
  }

  static func error(id: String, code: Int, _ message: String) -> String {
    Client.canonical(#"{"jsonrpc":"2.0","id":\#(id),"error":{"code":\#(code),"message":\#(quoted(message))}}"#)
  }

  static let shutdown = #"{"jsonrpc":"2.0","id":99,"method":"shutdown"}"#
  static let shutdownAnswer = Client.canonical(#"{"jsonrpc":"2.0","id":99,"result":null}"#)
  static let exit = #"{"jsonrpc":"2.0","method":"exit"}"#

  // MARK: Sessions

  @Test("initialize, a bad template's exact diagnostics, fixed to [] on change, shutdown and exit 0")
  func session() throws {
    let version = try CommandRunner.run(["--version"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    var client = try Client()
    #expect(try client.request(Self.initialize()) == Client.canonical("""
      {"jsonrpc":"2.0","id":1,"result":{"capabilities":{"positionEncoding":"utf-16","codeActionProvider":true,\
      "textDocumentSync":{"openClose":true,"change":2,"save":{"includeText":false}}},\
      "serverInfo":{"name":"trailwatch","version":"\(version)"}}}
      """))
    try client.send(#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#)
    let uri = "file:///work/stacks/audit%20trail.yaml"
    try client.send(Self.didOpen(uri, Self.badTemplate))
    #expect(try client.receive() == Self.published(uri, version: 1, [Self.tw202, Self.tw102]))
    try client.send(Self.didChange(uri, version: 2, changes: #"[{"text":\#(Self.quoted(Self.goodTemplate))}]"#))
    #expect(try client.receive() == Self.published(uri, version: 2, []))
    try client.send(#"{"jsonrpc":"2.0","method":"textDocument/didClose","params":{"textDocument":{"uri":"\#(uri)"}}}"#)
    #expect(try client.receive() == Self.published(uri, version: nil, []))
    #expect(try client.request(Self.shutdown) == Self.shutdownAnswer)
    try client.send(Self.exit)
    let exit = try client.finish()
    #expect(exit.code == 0)
    #expect(exit.unread == [])
    #expect(exit.stderr == "")
  }

  @Test("exit without shutdown exits 1; so does the end of input")
  func exitWithoutShutdown() throws {
    var client = try Client()
    _ = try client.request(Self.initialize())
    try client.send(Self.exit)
    #expect(try client.finish().code == 1)
    var silent = try Client()
    #expect(try silent.finish().code == 1)
  }

  @Test("files that are not templates get no diagnostics and no error")
  func notTemplates() throws {
    var client = try Client()
    _ = try client.request(Self.initialize())
    let workflow = "name: ci\non: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n"
    try client.send(Self.didOpen("file:///w/.github/workflows/ci.yml", workflow))
    #expect(try client.receive() == Self.published("file:///w/.github/workflows/ci.yml", version: 1, []))
    try client.send(Self.didOpen("file:///w/broken.yaml", "key: [unclosed\n"))
    #expect(try client.receive() == Self.published("file:///w/broken.yaml", version: 1, []))
    try client.send(Self.didOpen("untitled:Untitled-1", ""))
    #expect(try client.receive() == Self.published("untitled:Untitled-1", version: 1, []))
    #expect(try client.request(Self.shutdown) == Self.shutdownAnswer)
    try client.send(Self.exit)
    let exit = try client.finish()
    #expect(exit.code == 0)
    #expect(exit.stderr == "")
  }

  // MARK: Positions

  @Test(
    "columns count in the negotiated encoding, after non-ASCII text",
    arguments: [
      (offered: "null", encoding: "utf-16", start: 91, end: 94),
      (offered: #"["utf-16"]"#, encoding: "utf-16", start: 91, end: 94),
      (offered: #"["utf-32"]"#, encoding: "utf-16", start: 91, end: 94),
      (offered: #"["utf-8"]"#, encoding: "utf-8", start: 94, end: 97),
      (offered: #"["utf-16","utf-8"]"#, encoding: "utf-8", start: 94, end: 97),
    ])
  func encodings(offered: String, encoding: String, start: Int, end: Int) throws {
    var client = try Client()
    let answer = try client.request(Self.initialize(capabilities: #"{"general":{"positionEncodings":\#(offered)}}"#))
    #expect(answer.contains(#""positionEncoding":"\#(encoding)""#))
    try client.send(Self.didOpen("file:///w/multibyte.yaml", Self.multibyteTemplate))
    #expect(try client.receive() == Self.published("file:///w/multibyte.yaml", version: 1, [Self.tw203(start: start, end: end)]))
    #expect(try client.finish().stderr == "")
  }

  @Test("a byte-order mark in the editor's text counts as one character of the first line")
  func byteOrderMark() throws {
    var client = try Client()
    _ = try client.request(Self.initialize())
    try client.send(Self.didOpen("file:///w/bom.yaml", "\u{FEFF}Resources: {Logs: {Type: AWS::Logs::LogGroup, Properties: {RetentionInDays: 2}}}\n"))
    let diagnostic = Self.tw203(start: 0, end: 0, value: 2, nearest: "1 or 3")
      .replacingOccurrences(of: #""range":{"start":{"line":1,"character":0},"end":{"line":1,"character":0}}"#,
        with: #""range":{"start":{"line":0,"character":77},"end":{"line":0,"character":78}}"#)
    #expect(try client.receive() == Self.published("file:///w/bom.yaml", version: 1, [diagnostic]))
    _ = try client.finish()
  }

  @Test("incremental changes apply in order, in UTF-16 code units")
  func incrementalChanges() throws {
    var client = try Client()
    _ = try client.request(Self.initialize())
    let uri = "file:///w/multibyte.yaml"
    try client.send(Self.didOpen(uri, Self.multibyteTemplate))
    _ = try client.receive()
    // 366 → 3653 (accepted); indent the line by two more spaces; then 3653 (now two further right) → 8.
    let changes = """
      [{"range":\(Self.range(1, 91, 1, 94)),"text":"3653"},{"range":\(Self.range(1, 0, 1, 0)),"text":"  "},\
      {"range":\(Self.range(1, 93, 1, 97)),"text":"8"}]
      """
    try client.send(Self.didChange(uri, version: 2, changes: changes))
    #expect(try client.receive() == Self.published(uri, version: 2, [Self.tw203(start: 93, end: 94, value: 8, nearest: "7 or 14")]))
    // An edit across a line break, and one past the end of a line (clamped to it).
    try client.send(Self.didChange(uri, version: 3, changes: #"[{"range":\#(Self.range(0, 10, 1, 2)),"text":"\n"},{"range":\#(Self.range(1, 200, 1, 300)),"text":"\n"}]"#))
    #expect(try client.receive() == Self.published(uri, version: 3, [Self.tw203(start: 91, end: 92, value: 8, nearest: "7 or 14")]))
    _ = try client.finish()
  }

  // MARK: Terraform

  static let logGroupTF = """
    resource "aws_cloudwatch_log_group" "trail" {
      name              = "audit"
      retention_in_days = 30
    }

    """

  static let trailTF = """
    resource "aws_cloudtrail" "audit" {
      name                       = "audit"
      s3_bucket_name             = "audit-logs"
      cloud_watch_logs_group_arn = "${aws_cloudwatch_log_group.trail.arn}:*"
      cloud_watch_logs_role_arn  = "arn:aws:iam::123456789012:role/ToLogs"
    }

    """

  static let tw202Terraform = """
    {"code":"TW202","codeDescription":{"href":"https://github.com/trailwatch/trailwatch/blob/main/docs/rules.md#tw202-log-group-retention-too-short"},\
    "message":"log group 'aws_cloudwatch_log_group.trail' keeps the events of trail 'aws_cloudtrail.audit' for 30 days, fewer than the minimum of 365",\
    "range":{"start":{"line":2,"character":22},"end":{"line":2,"character":24}},"severity":1,"source":"trailwatch"}
    """

  @Test("a Terraform file is linted with its module: the rest from disk, open files as the editor has them")
  func terraformModule() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    try directory.write("logs.tf", Self.logGroupTF)
    try directory.write("main.tf", Self.trailTF)
    let logs = directory.url.appendingPathComponent("logs.tf").absoluteString
    let main = directory.url.appendingPathComponent("main.tf").absoluteString
    var client = try Client()
    _ = try client.request(Self.initialize())
    // The trail that makes 30 days too short is in main.tf, read from disk.
    try client.send(Self.didOpen(logs, Self.logGroupTF))
    #expect(try client.receive() == Self.published(logs, version: 1, [Self.tw202Terraform]))
    // Opening main.tf lints it (nothing to say) and its module's other open file again.
    try client.send(Self.didOpen(main, Self.trailTF))
    #expect(try client.receive() == Self.published(main, version: 1, []))
    #expect(try client.receive() == Self.published(logs, version: 1, [Self.tw202Terraform]))
    // Unsaved: the trail no longer names the log group, so its retention is nobody's audit log.
    let unwired = Self.trailTF.replacingOccurrences(
      of: #"  cloud_watch_logs_group_arn = "${aws_cloudwatch_log_group.trail.arn}:*"\#n"#, with: "")
    try client.send(Self.didChange(main, version: 2, changes: #"[{"text":\#(Self.quoted(unwired))}]"#))
    let tw101 = """
      {"code":"TW101","codeDescription":{"href":"https://github.com/trailwatch/trailwatch/blob/main/docs/rules.md#tw101-trail-missing-log-group"},\
      "message":"trail 'aws_cloudtrail.audit' has no cloud_watch_logs_group_arn, so its events never reach CloudWatch Logs",\
      "range":{"start":{"line":0,"character":0},"end":{"line":0,"character":33}},"severity":1,"source":"trailwatch"}
      """
    let unwiredMain = try client.receive()
    #expect(unwiredMain == Self.published(main, version: 2, [tw101]))
    #expect(try client.receive() == Self.published(logs, version: 1, []))
    // Closing main.tf: logs.tf is linted with main.tf from disk again.
    try client.send(#"{"jsonrpc":"2.0","method":"textDocument/didClose","params":{"textDocument":{"uri":"\#(main)"}}}"#)
    #expect(try client.receive() == Self.published(main, version: nil, []))
    #expect(try client.receive() == Self.published(logs, version: 1, [Self.tw202Terraform]))
    #expect(try client.finish().stderr == "")
  }

  // MARK: Quick fixes

  @Test("a quick fix's edit, applied as the editor would, clears its diagnostic")
  func quickFix() throws {
    var client = try Client()
    _ = try client.request(Self.initialize(capabilities: #"{"textDocument":{"codeAction":{"codeActionLiteralSupport":{"codeActionKind":{"valueSet":["quickfix"]}}}}}"#))
    let uri = "file:///w/audit.yaml"
    try client.send(Self.didOpen(uri, Self.badTemplate))
    _ = try client.receive()
    let request = #"""
      {"jsonrpc":"2.0","id":5,"method":"textDocument/codeAction","params":{"textDocument":{"uri":"file:///w/audit.yaml"},
      "range":{"start":{"line":4,"character":24},"end":{"line":4,"character":24}},"context":{"diagnostics":[]}}}
      """#
    let ignoreTW202 = """
      {"title":"Ignore TW202 for 'AuditLogs' with a comment","kind":"quickfix","isPreferred":false,
      "diagnostics":[\(Self.tw202)],
      "edit":{"changes":{"file:///w/audit.yaml":[{"range":\(Self.range(1, 0, 1, 0)),
      "newText":"  # trailwatch:ignore TW202 TODO: say why this is accepted\\n"}]}}}
      """
    #expect(try client.request(request) == Client.canonical("""
      {"jsonrpc":"2.0","id":5,"result":[{"title":"Set RetentionInDays to 365","kind":"quickfix","isPreferred":true,
      "diagnostics":[\(Self.tw202)],
      "edit":{"changes":{"file:///w/audit.yaml":[{"range":\(Self.range(4, 23, 4, 25)),"newText":"365"}]}}},
      \(ignoreTW202)]}
      """))
    try client.send(Self.didChange(uri, version: 2, changes: #"[{"range":\#(Self.range(4, 23, 4, 25)),"text":"365"}]"#))
    #expect(try client.receive() == Self.published(uri, version: 2, [Self.tw102]))
    // A missing role has no fix in the template, only the comment that accepts it.
    let role = request.replacingOccurrences(of: #""line":4,"character":24"#, with: #""line":5,"character":3"#)
    let comment = "  # trailwatch:ignore TW102 TODO: say why this is accepted\\n"
    #expect(try client.request(role) == Client.canonical("""
      {"jsonrpc":"2.0","id":5,"result":[{"title":"Ignore TW102 for 'Trail' with a comment","kind":"quickfix",
      "isPreferred":false,"diagnostics":[\(Self.tw102)],
      "edit":{"changes":{"file:///w/audit.yaml":[{"range":\(Self.range(5, 0, 5, 0)),"newText":"\(comment)"}]}}}]}
      """))
    try client.send(Self.didChange(uri, version: 3, changes: #"[{"range":\#(Self.range(5, 0, 5, 0)),"text":"\#(comment)"}]"#))
    #expect(try client.receive() == Self.published(uri, version: 3, []))
    // None for a kind the client did not ask for.
    let source = request.replacingOccurrences(of: #""diagnostics":[]"#, with: #""diagnostics":[],"only":["source.fixAll"]"#)
    #expect(try client.request(source) == Client.canonical(#"{"jsonrpc":"2.0","id":5,"result":[]}"#))
    #expect(try client.finish().stderr == "")
  }

  @Test("adding a missing retention to a JSON log group, with UTF-16 positions after non-ASCII text")
  func quickFixJSON() throws {
    var client = try Client()
    _ = try client.request(Self.initialize())
    let uri = "file:///w/logs.json"
    let text = #"{"Resources": {"Lögs": {"Type": "AWS::Logs::LogGroup"}}}"#
    try client.send(Self.didOpen(uri, text))
    #expect(try client.receive().contains(#""code":"TW201""#))
    let request = #"{"jsonrpc":"2.0","id":6,"method":"textDocument/codeAction","params":{"textDocument":{"uri":"\#(uri)"},"range":\#(Self.range(0, 0, 0, 56)),"context":{"diagnostics":[]}}}"#
    let answer = try client.request(request)
    let edit = #"[{"newText":", \"Properties\": {\"RetentionInDays\": 365}","range":\#(Self.range(0, 53, 0, 53))}]"#
    #expect(answer.contains(#""changes":{"\#(uri)":\#(Client.canonical(edit))}"#), "\(answer)")
    let fixed = #"{"Resources": {"Lögs": {"Type": "AWS::Logs::LogGroup", "Properties": {"RetentionInDays": 365}}}}"#
    try client.send(Self.didChange(uri, version: 2, changes: #"[{"range":\#(Self.range(0, 53, 0, 53)),"text":", \"Properties\": {\"RetentionInDays\": 365}"}]"#))
    #expect(try client.receive() == Self.published(uri, version: 2, []))
    try client.send(Self.didChange(uri, version: 3, changes: #"[{"text":\#(Self.quoted(fixed))}]"#))
    #expect(try client.receive() == Self.published(uri, version: 3, []))
    _ = try client.finish()
  }

  // MARK: Configuration

  /// A workspace in a temporary directory: a git repository (so the search for `.trailwatch.yml`
  /// stops there) with the given files.
  static func workspace(_ files: [String: String]) throws -> URL {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("trailwatch-lsp-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: root.appendingPathComponent(".git"), withIntermediateDirectories: true)
    for (name, text) in files { try write(text, to: name, in: root) }
    return root
  }

  static func write(_ text: String, to name: String, in root: URL) throws {
    let url = root.appendingPathComponent(name)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: url)
  }

  static func initialize(root: URL, capabilities: String = "{}") -> String {
    #"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"processId":null,"rootUri":"file://\#(root.path)","capabilities":\#(capabilities)}}"#
  }

  @Test("the workspace's .trailwatch.yml applies, and is read again when it changes")
  func configuration() throws {
    let root = try Self.workspace([".trailwatch.yml": "min-retention-days: 400\nrules:\n  TW102: off\n"])
    defer { try? FileManager.default.removeItem(at: root) }
    var client = try Client(directory: root)
    _ = try client.request(Self.initialize(root: root))
    let uri = "file://\(root.path)/stacks/audit.yaml"
    let text = Self.badTemplate.replacingOccurrences(of: "RetentionInDays: 30", with: "RetentionInDays: 365")
    try client.send(Self.didOpen(uri, text))
    let tooShort = Self.tw202
      .replacingOccurrences(of: "for 30 days, fewer than the minimum of 365", with: "for 365 days, fewer than the minimum of 400")
      .replacingOccurrences(of: #""end":{"line":4,"character":25}"#, with: #""end":{"line":4,"character":26}"#)
    #expect(try client.receive() == Self.published(uri, version: 1, [tooShort]))

    // Changed on disk and announced by the client's file watcher: every open document is linted again.
    try Self.write("min-retention-days: 365\n", to: ".trailwatch.yml", in: root)
    let tw102 = Self.tw102
    try client.send(#"{"jsonrpc":"2.0","method":"workspace/didChangeWatchedFiles","params":{"changes":[{"uri":"file://\#(root.path)/.trailwatch.yml","type":2}]}}"#)
    #expect(try client.receive() == Self.published(uri, version: 1, [tw102]))

    // Changed on disk without a word from the client: seen at the next edit.
    try Self.write("rules: {TW102: off}\nsuppressions:\n  - {rule: TW202, file: stacks/*.yaml, reason: test account}\n", to: ".trailwatch.yml", in: root)
    try client.send(Self.didChange(uri, version: 2, changes: #"[{"range":\#(Self.range(4, 23, 4, 26)),"text":"30"}]"#))
    #expect(try client.receive() == Self.published(uri, version: 2, []))
    #expect(try client.request(Self.shutdown) == Self.shutdownAnswer)
    try client.send(Self.exit)
    let exit = try client.finish()
    #expect(exit.code == 0)
    #expect(exit.stderr == "")
  }

  @Test("a template's trailwatch:ignore comments and Metadata are honoured as you type")
  func inlineSuppressions() throws {
    var client = try Client()
    _ = try client.request(Self.initialize())
    let uri = "file:///w/audit.yaml"
    let text = Self.badTemplate
      .replacingOccurrences(of: "  Trail:\n", with: "  # trailwatch:ignore TW102 delivery is set up by the organization\n  Trail:\n")
    try client.send(Self.didOpen(uri, text))
    #expect(try client.receive() == Self.published(uri, version: 1, [Self.tw202]))
    let json = #"{"Resources": {"Logs": {"Type": "AWS::Logs::LogGroup", "Metadata": {"trailwatch": {"ignore": ["TW201"]}}}}}"#
    try client.send(Self.didOpen("file:///w/logs.json", json))
    #expect(try client.receive() == Self.published("file:///w/logs.json", version: 1, []))
    #expect(try client.finish().stderr == "")
  }

  @Test("a configuration with mistakes is shown once, and documents are linted with the defaults")
  func badConfiguration() throws {
    let root = try Self.workspace([".trailwatch.yml": "min-retention-days: soon\n"])
    defer { try? FileManager.default.removeItem(at: root) }
    var client = try Client(directory: root)
    _ = try client.request(Self.initialize(root: root))
    let uri = "file://\(root.path)/audit.yaml"
    try client.send(Self.didOpen(uri, Self.badTemplate))
    let shown = try client.receive()
    #expect(shown.hasPrefix(#"{"jsonrpc":"2.0","method":"window/showMessage","params":{"message":"trailwatch: .trailwatch.yml:1:21: "#), "\(shown)")
    #expect(shown.hasSuffix(#" (linting with the defaults until it is fixed)","type":1}}"#), "\(shown)")
    #expect(try client.receive() == Self.published(uri, version: 1, [Self.tw202, Self.tw102]))
    try client.send(Self.didChange(uri, version: 2, changes: #"[{"text":\#(Self.quoted(Self.goodTemplate))}]"#))
    #expect(try client.receive() == Self.published(uri, version: 2, []))
    let exit = try client.finish()
    #expect(exit.stderr.hasPrefix("trailwatch lsp: .trailwatch.yml:1:21: "))
    #expect(exit.unread == [])
  }

  // MARK: Robustness

  @Test("malformed messages get JSON-RPC errors and the server keeps serving")
  func malformedInput() throws {
    var client = try Client()
    let codeAction = #"{"jsonrpc":"2.0","id":1,"method":"textDocument/codeAction","params":{}}"#
    #expect(try client.request(codeAction) == Self.error(id: "1", code: -32002, "the server is not initialized: send initialize first"))
    _ = try client.request(Self.initialize(id: 2))
    #expect(try client.request(Self.initialize(id: 3)) == Self.error(id: "3", code: -32600, "initialize was already received"))

    // After each malformed header the server skips to the next Content-Length and serves it.
    let ping = #"{"jsonrpc":"2.0","id":"ping","method":"trailwatch/ping"}"#
    let pong = Self.error(id: #""ping""#, code: -32601, "unknown method 'trailwatch/ping'")
    try client.sendRaw(Data("Content-Length: 7\r\n\r\n{nope!}".utf8))
    #expect(try client.receive() == Self.error(id: "null", code: -32700, "the message is not valid JSON"))
    try client.sendRaw(Data("Content-Length: 4\r\n\r\n".utf8) + Data([0xFF, 0xFE, 0x7B, 0x7D]))
    #expect(try client.receive() == Self.error(id: "null", code: -32700, "the message is not valid JSON"))
    try client.sendRaw(Data("Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{}".utf8))
    #expect(try client.receive() == Self.error(id: "null", code: -32700, "malformed message header: no Content-Length header"))
    #expect(try client.request(ping) == pong)
    try client.sendRaw(Data("Content-Length: twelve\r\n\r\n".utf8))
    #expect(try client.receive() == Self.error(id: "null", code: -32700, "malformed message header: Content-Length is not a number: 'twelve'"))
    #expect(try client.request(ping) == pong)
    try client.sendRaw(Data("garbage\r\n\r\n".utf8))
    #expect(try client.receive() == Self.error(id: "null", code: -32700, "malformed message header: a header line without a colon: 'garbage'"))
    #expect(try client.request(ping) == pong)
    try client.sendRaw(Data((String(repeating: "X", count: 20_000) + "\r\n\r\n").utf8))
    #expect(try client.receive() == Self.error(id: "null", code: -32700, "malformed message header: a header longer than 16384 bytes"))
    #expect(try client.request(ping) == pong)

    #expect(try client.request("[1, 2]") == Self.error(id: "null", code: -32600, "the message is not a JSON-RPC request or notification"))
    #expect(try client.request(#"{"jsonrpc":"2.0","id":{"no":1},"method":"shutdown"}"#)
      == Self.error(id: "null", code: -32600, "the message is not a JSON-RPC request or notification"))
    #expect(try client.request(#"{"id":7,"method":"shutdown"}"#) == Self.error(id: "7", code: -32600, #"the message's jsonrpc must be "2.0""#))
    #expect(try client.request(#"{"jsonrpc":"2.0","id":8}"#) == Self.error(id: "8", code: -32600, "the message has no method"))
    #expect(try client.request(#"{"jsonrpc":"2.0","id":9,"method":"workspace/executeCommand","params":{}}"#)
      == Self.error(id: "9", code: -32601, "unknown method 'workspace/executeCommand'"))
    // Unknown notifications and cancellations are ignored: the next answer is the next request's.
    try client.send(#"{"jsonrpc":"2.0","method":"custom/notification","params":{"x":1}}"#)
    try client.send(#"{"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":9}}"#)
    try client.send(#"{"jsonrpc":"2.0","method":"$/setTrace","params":{"value":"off"}}"#)
    #expect(try client.request(#"{"jsonrpc":"2.0","id":"ten","method":"textDocument/codeAction","params":{"textDocument":{}}}"#)
      == Self.error(id: #""ten""#, code: -32602, "invalid params for textDocument/codeAction: .params.textDocument.uri is missing"))

    // A body past 64 MiB is refused and skipped, not held; the next message is served.
    let size = 64 << 20 + 1
    try client.sendRaw(Data("Content-Length: \(size)\r\n\r\n".utf8))
    #expect(try client.receive() == Self.error(id: "null", code: -32600, "a message of \(size) bytes is larger than the 64 MiB the server accepts"))
    try client.sendRaw(Data(repeating: UInt8(ascii: " "), count: size))
    #expect(try client.request(Self.shutdown) == Self.shutdownAnswer)
    #expect(try client.request(codeAction) == Self.error(id: "1", code: -32600, "the server is shutting down"))
    try client.send(Self.exit)
    let exit = try client.finish()
    #expect(exit.code == 0)
    #expect(exit.unread == [])
  }

  @Test("a notification with bad params is logged on stderr, never answered on stdout")
  func badNotification() throws {
    var client = try Client()
    _ = try client.request(Self.initialize())
    try client.send(#"{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///w/a.yaml"}}}"#)
    #expect(try client.request(Self.shutdown) == Self.shutdownAnswer)
    let exit = try client.finish()
    #expect(exit.unread == [])
    #expect(exit.code == 0)
    #expect(exit.stderr == "trailwatch lsp: invalid params for textDocument/didOpen: .params.textDocument.version is missing\n")
  }

  @Test("a client that can watch files is asked to watch .trailwatch.yml, and its answer is taken quietly")
  func watchRegistration() throws {
    var client = try Client()
    _ = try client.request(Self.initialize(capabilities: #"{"workspace":{"didChangeWatchedFiles":{"dynamicRegistration":true}}}"#))
    try client.send(#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#)
    #expect(try client.receive() == Client.canonical("""
      {"jsonrpc":"2.0","id":"trailwatch-watch-configuration","method":"client/registerCapability","params":{"registrations":[
      {"id":"trailwatch-configuration","method":"workspace/didChangeWatchedFiles",
      "registerOptions":{"watchers":[{"globPattern":"**/.trailwatch.yml"}]}}]}}
      """))
    try client.send(#"{"jsonrpc":"2.0","id":"trailwatch-watch-configuration","result":null}"#)
    #expect(try client.request(Self.shutdown) == Self.shutdownAnswer)
    try client.send(Self.exit)
    let exit = try client.finish()
    #expect(exit.code == 0)
    #expect(exit.unread == [])
  }
}
