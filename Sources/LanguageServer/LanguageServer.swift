// FoundationEssentials where it exists (Linux): the whole of Foundation would load ICU at every start
// of trailwatch, not only of `trailwatch lsp`.
#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif
import Rules
import SourceMap
import TrailwatchKit

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// trailwatch's Language Server Protocol server: lints each open document's text as it is edited,
/// publishes the findings as diagnostics, and offers quick fixes.
///
/// Single-threaded: one message is read, handled and answered before the next is read, so
/// answers and diagnostics go out in the order the client's messages came in.
public struct LanguageServer {
  private var reader: MessageReader
  private let writer: MessageWriter
  private let log: ServerLog
  private let encoder: JSONEncoder
  private let decoder = JSONDecoder()

  private var isInitialized = false
  private var isShuttingDown = false
  private var encoding = PositionEncoding.utf16
  private var clientWatchesFiles = false
  private var clientTakesCodeActionLiterals = false
  private var documents: [String: Document] = [:]
  private var configuration = WorkspaceConfiguration(resolver: .current())
  private var clientIsGone = false

  /// A server reading from `input`, writing the protocol to `output` and its log to `errors`.
  public init(input: Int32 = 0, output: Int32 = 1, errors: Int32 = 2) {
    reader = MessageReader(descriptor: input)
    writer = MessageWriter(descriptor: output)
    log = ServerLog(descriptor: errors)
    encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
  }

  /// Serves until `exit` or the end of the input. Returns the exit code: 0 when `shutdown` came
  /// first, 1 otherwise, as the protocol asks.
  public mutating func run() -> Int32 {
    // A client that closes its end must not kill the server with SIGPIPE mid-write.
    signal(SIGPIPE, SIG_IGN)
    while !clientIsGone {
      switch reader.next() {
      case .message(let body):
        if let code = handle(body) { return code }
      case .malformedHeader(let reason):
        log.write("malformed header: \(reason)")
        sendError(id: nil, .parseError, "malformed message header: \(reason)")
      case .tooLarge(let size):
        log.write("refused a message of \(size) bytes")
        sendError(
          id: nil, .invalidRequest,
          "a message of \(size) bytes is larger than the \(MessageReader.maximumBodySize >> 20) MiB the server accepts")
      case .end:
        return isShuttingDown ? 0 : 1
      }
    }
    return 1
  }

  // MARK: Dispatch

  /// Handles one message body; returns an exit code when the server should stop.
  private mutating func handle(_ body: [UInt8]) -> Int32? {
    let data = Data(body)
    let message: IncomingMessage
    do {
      message = try decoder.decode(IncomingMessage.self, from: data)
    } catch DecodingError.dataCorrupted(let context) where context.codingPath.isEmpty {
      sendError(id: nil, .parseError, "the message is not valid JSON")
      return nil
    } catch {
      sendError(id: nil, .invalidRequest, "the message is not a JSON-RPC request or notification")
      return nil
    }
    if message.method == nil, message.isResponse {
      // The client's answer to our registerCapability request: nothing to do.
      return nil
    }
    guard message.jsonrpc == "2.0" else {
      sendError(id: message.id, .invalidRequest, "the message's jsonrpc must be \"2.0\"")
      return nil
    }
    guard let method = message.method else {
      sendError(id: message.id, .invalidRequest, "the message has no method")
      return nil
    }
    if let id = message.id {
      handleRequest(method, id: id, data: data)
      return nil
    }
    return handleNotification(method, data: data)
  }

  private mutating func handleRequest(_ method: String, id: RequestID, data: Data) {
    if method == "initialize" {
      guard !isInitialized else {
        sendError(id: id, .invalidRequest, "initialize was already received")
        return
      }
      guard let params = decodeParams(InitializeParams.self, of: method, from: data, id: id) else { return }
      initialize(params)
      let codeActions: InitializeResult.ServerCapabilities.CodeActionProvider =
        clientTakesCodeActionLiterals ? .kinds(["quickfix"]) : .supported
      let result = InitializeResult(
        capabilities: .init(positionEncoding: encoding, codeActionProvider: codeActions),
        serverInfo: .init(name: "trailwatch", version: TrailwatchVersion.current))
      send(ResponseMessage(id: id, result: result))
      return
    }
    guard isInitialized else {
      sendError(id: id, .serverNotInitialized, "the server is not initialized: send initialize first")
      return
    }
    guard !isShuttingDown else {
      sendError(id: id, .invalidRequest, "the server is shutting down")
      return
    }
    switch method {
    case "shutdown":
      isShuttingDown = true
      send(ResponseMessage(id: id, result: Int?.none))
    case "textDocument/codeAction":
      guard let params = decodeParams(CodeActionParams.self, of: method, from: data, id: id) else { return }
      send(ResponseMessage(id: id, result: codeActions(params)))
    default:
      sendError(id: id, .methodNotFound, "unknown method '\(method)'")
    }
  }

  private mutating func handleNotification(_ method: String, data: Data) -> Int32? {
    if method == "exit" { return isShuttingDown ? 0 : 1 }
    // Before initialize and after shutdown, notifications are dropped, as the protocol asks.
    guard isInitialized, !isShuttingDown else { return nil }
    switch method {
    case "initialized":
      watchConfiguration()
    case "textDocument/didOpen":
      guard let params = decodeParams(DidOpenTextDocumentParams.self, of: method, from: data) else { break }
      let item = params.textDocument
      let document = Document(uri: item.uri, version: item.version, text: item.text)
      documents[item.uri] = document
      publishWithModule(document)
    case "textDocument/didChange":
      guard let params = decodeParams(DidChangeTextDocumentParams.self, of: method, from: data) else { break }
      guard var document = documents[params.textDocument.uri] else {
        log.write("a change of \(params.textDocument.uri), which is not open, was ignored")
        break
      }
      for change in params.contentChanges { document.apply(change, encoding: encoding) }
      document.version = params.textDocument.version ?? document.version
      documents[document.uri] = document
      publishWithModule(document)
    case "textDocument/didSave":
      guard let params = decodeParams(DidSaveTextDocumentParams.self, of: method, from: data) else { break }
      guard var document = documents[params.textDocument.uri] else { break }
      if let text = params.text { document.bytes = Array(text.utf8) }
      documents[document.uri] = document
      if document.path.hasSuffix("/" + Configuration.fileName) {
        // The configuration itself was saved: every open document may read differently now.
        configuration.invalidate()
        republishAll()
      } else {
        publishWithModule(document)
      }
    case "textDocument/didClose":
      guard let params = decodeParams(DidCloseTextDocumentParams.self, of: method, from: data) else { break }
      let closed = documents.removeValue(forKey: params.textDocument.uri)
      send(OutgoingMessage(
        method: "textDocument/publishDiagnostics",
        params: PublishDiagnosticsParams(uri: params.textDocument.uri, version: nil, diagnostics: [])))
      // The rest of its Terraform module now reads the file from disk again.
      if let closed { publishModule(of: closed) }
    case "workspace/didChangeWatchedFiles":
      guard decodeParams(DidChangeWatchedFilesParams.self, of: method, from: data) != nil else { break }
      configuration.invalidate()
      republishAll()
    default:
      // $/cancelRequest (every answer is already sent), $/setTrace, and anything unknown.
      break
    }
    return nil
  }

  // MARK: Lifecycle

  private mutating func initialize(_ params: InitializeParams) {
    isInitialized = true
    // Relative paths in messages and the configuration's globs read against the workspace's root.
    let root = (params.workspaceFolders?.first?.uri ?? params.rootUri).map(DocumentURI.path(of:)) ?? params.rootPath
    if let root, root.hasPrefix("/") {
      configuration = WorkspaceConfiguration(resolver: PathResolver(workingDirectory: PathResolver.normalize(root)))
    }
    let capabilities = params.capabilities
    encoding = PositionEncoding.negotiate(offered: capabilities?.general?.positionEncodings)
    clientWatchesFiles = capabilities?.workspace?.didChangeWatchedFiles?.dynamicRegistration == true
    clientTakesCodeActionLiterals = capabilities?.textDocument?.codeAction?.codeActionLiteralSupport != nil
  }

  /// Asks the client to report changes of `.trailwatch.yml`, when it can.
  private mutating func watchConfiguration() {
    guard clientWatchesFiles else { return }
    let registration = RegistrationParams.Registration(
      id: "trailwatch-configuration", method: "workspace/didChangeWatchedFiles",
      registerOptions: .init(watchers: [.init(globPattern: "**/.trailwatch.yml")]))
    send(OutgoingMessage(
      id: .string("trailwatch-watch-configuration"), method: "client/registerCapability",
      params: RegistrationParams(registrations: [registration])))
  }

  // MARK: Linting

  /// How to lint a document: its configuration, with any mistakes in it shown to the user once.
  private mutating func options(for document: Document) -> LintOptions {
    let options = configuration.options(for: document.path)
    for message in configuration.takeNewErrors() {
      log.write(message)
      send(OutgoingMessage(
        method: "window/showMessage",
        params: ShowMessageParams(type: 1, message: "trailwatch: \(message) (linting with the defaults until it is fixed)")))
    }
    return options
  }

  /// The document's reported findings: not suppressed, not baselined, and about this document (not
  /// about the configuration's own entries).
  private func findings(of document: Document, options: LintOptions) -> [Finding] {
    // A Terraform file is linted with its module: the other open files of it as the editor has them.
    var openFiles: [String: [UInt8]] = [:]
    for other in documents.values where Linter.shareTerraformModule(other.path, document.path) {
      openFiles[other.path] = other.bytes
    }
    return Linter(options: options).lint(document.bytes, path: document.path, openFiles: openFiles).findings
      .filter { $0.isReported && $0.file == document.path }
  }

  /// Publishes `document`'s diagnostics, then those of the other open files of its Terraform module,
  /// which an edit of it can change (a variable's default, a log group a trail names).
  private mutating func publishWithModule(_ document: Document) {
    publish(document)
    publishModule(of: document)
  }

  /// Publishes the diagnostics of the open files, other than `document`, of its Terraform module.
  private mutating func publishModule(of document: Document) {
    for uri in documents.keys.sorted() where uri != document.uri {
      if let other = documents[uri], Linter.shareTerraformModule(other.path, document.path) { publish(other) }
    }
  }

  private mutating func publish(_ document: Document) {
    let findings = findings(of: document, options: options(for: document))
    let index = LineIndex(document.bytes)
    let diagnostics = findings.map { diagnostic(for: $0, in: document, index: index) }
    send(OutgoingMessage(
      method: "textDocument/publishDiagnostics",
      params: PublishDiagnosticsParams(uri: document.uri, version: document.version, diagnostics: diagnostics)))
  }

  private mutating func republishAll() {
    for uri in documents.keys.sorted() {
      if let document = documents[uri] { publish(document) }
    }
  }

  private func diagnostic(for finding: Finding, in document: Document, index: LineIndex) -> Diagnostic {
    // Finding offsets count from after a byte-order mark; the client's text still has it.
    let shift = SourceText.byteOrderMarkLength(of: document.bytes)
    let start = finding.range.start.offset + shift
    let range = index.range(of: start..<max(start, finding.range.end.offset + shift), in: encoding)
    let severity: Int
    switch finding.severity {
    case .error: severity = 1
    case .warning: severity = 2
    case .note: severity = 3
    }
    let documentation = RuleCatalog.description(of: finding.ruleID)?.documentationURL ?? TrailwatchVersion.informationURI
    return Diagnostic(
      range: range, severity: severity, code: finding.ruleID, codeDescription: .init(href: documentation),
      source: "trailwatch", message: finding.message)
  }

  private mutating func codeActions(_ params: CodeActionParams) -> [CodeAction] {
    guard let document = documents[params.textDocument.uri] else { return [] }
    if let only = params.context?.only, !only.contains(where: { $0.isEmpty || $0 == "quickfix" }) { return [] }
    let options = options(for: document)
    let findings = findings(of: document, options: options)
    let index = LineIndex(document.bytes)
    let fixer = QuickFixer(options: options)
    var actions: [CodeAction] = []
    for finding in findings {
      let diagnostic = diagnostic(for: finding, in: document, index: index)
      guard diagnostic.range.touches(params.range) else { continue }
      for fix in fixer.fixes(for: finding, in: document.bytes, path: document.path, findings: findings) {
        let edits = fix.edits.map { TextEdit(range: index.range(of: $0.range, in: encoding), newText: $0.replacement) }
        actions.append(CodeAction(
          title: fix.title, diagnostics: [diagnostic], isPreferred: fix.isPreferred,
          edit: .init(changes: [document.uri: edits])))
      }
    }
    return actions
  }

  // MARK: Output

  private mutating func send(_ message: some Encodable) {
    guard !clientIsGone else { return }
    do {
      let data = try encoder.encode(message)
      if !writer.write(Array(data)) {
        log.write("the client closed the connection")
        clientIsGone = true
      }
    } catch {
      log.write("could not encode a message: \(error)")
    }
  }

  private mutating func sendError(id: RequestID?, _ code: ErrorCode, _ message: String) {
    send(ErrorResponseMessage(id: id, code: code, message: message))
  }

  /// The params of a message as `Params`; nil (after answering a request with InvalidParams, or
  /// logging a notification) when they do not fit.
  private mutating func decodeParams<Params: Decodable>(
    _ type: Params.Type, of method: String, from data: Data, id: RequestID? = nil
  ) -> Params? {
    do {
      return try decoder.decode(IncomingParams<Params>.self, from: data).params
    } catch {
      let reason = "invalid params for \(method): \(Self.describe(error))"
      if let id {
        sendError(id: id, .invalidParams, reason)
      } else {
        log.write(reason)
      }
      return nil
    }
  }

  private static func describe(_ error: any Error) -> String {
    func path(_ keys: [any CodingKey]) -> String {
      keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
    }
    guard let error = error as? DecodingError else { return "\(error)" }
    switch error {
    case .keyNotFound(let key, let context):
      return "\(path(context.codingPath + [key])) is missing"
    case .typeMismatch(_, let context), .valueNotFound(_, let context):
      return "\(path(context.codingPath)) has the wrong type"
    case .dataCorrupted(let context):
      return "\(path(context.codingPath)) is malformed"
    @unknown default:
      return "\(error)"
    }
  }
}
