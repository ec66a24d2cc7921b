import Foundation
import Reporters
import Rules
import Testing

#if canImport(FoundationXML)
  import FoundationXML
#endif

struct JUnitReporterTests {
  /// Reads the report back with a real XML parser: elements with their attributes and text.
  final class Reader: NSObject, XMLParserDelegate {
    struct Element {
      var name: String
      var attributes: [String: String]
      var text = ""
    }
    var elements: [Element] = []
    var open: [Int] = []

    func parser(
      _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
      attributes: [String: String] = [:]
    ) {
      elements.append(Element(name: name, attributes: attributes))
      open.append(elements.count - 1)
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
      if let current = open.last { elements[current].text += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
      open.removeLast()
    }

    static func read(_ xml: String) throws -> [Element] {
      let parser = XMLParser(data: Data(xml.utf8))
      let reader = Reader()
      parser.delegate = reader
      guard parser.parse() else {
        throw parser.parserError ?? CocoaError(.coderReadCorrupt)
      }
      return reader.elements
    }
  }

  @Test("every linted file is a suite with one test case per rule; findings fail their rule's case")
  func structure() throws {
    let rules = RuleCatalog.descriptions.filter { ["TW001", "TW101", "TW102"].contains($0.id) }
    let reporter = JUnitReporter(rules: rules, failOn: .warning)
    let report = Fixture.report([Fixture.finding(file: "b.yaml")], lintedFiles: ["a.yaml", "b.yaml"])
    let elements = try Reader.read(reporter.render(report))
    let suites = elements.filter { $0.name == "testsuite" }
    #expect(suites.map { $0.attributes["name"] } == ["a.yaml", "b.yaml"])
    #expect(suites.map { $0.attributes["failures"] } == ["0", "1"])
    #expect(elements.filter { $0.name == "testcase" }.count == 6)
    let root = try #require(elements.first)
    #expect(root.name == "testsuites")
    #expect(root.attributes["tests"] == "6")
    #expect(root.attributes["failures"] == "1")
    let failure = try #require(elements.first { $0.name == "failure" })
    #expect(failure.attributes["message"] == "b.yaml:13:3: trail 'AuditTrail' has no CloudWatchLogsLogGroupArn")
    #expect(failure.attributes["type"] == "error")
    #expect(failure.text == "b.yaml:13:3: error: trail 'AuditTrail' has no CloudWatchLogsLogGroupArn [TW101]")
  }

  @Test("findings below --fail-on are listed in the case's output and do not fail it")
  func threshold() throws {
    let rules = RuleCatalog.descriptions.filter { ["TW001", "TW101"].contains($0.id) }
    let findings = [
      Fixture.finding(severity: .note, message: "unknown", line: 5), Fixture.finding(severity: .error, line: 13),
    ]
    let strict = try Reader.read(JUnitReporter(rules: rules, failOn: .note).render(Fixture.report(findings)))
    #expect(strict.first { $0.name == "failure" }?.attributes["message"] == "stacks/audit.yaml:5:3: unknown (and 1 more)")
    #expect(strict.first { $0.name == "failure" }?.attributes["type"] == "error")
    #expect(!strict.contains { $0.name == "system-out" })
    let errorsOnly = try Reader.read(JUnitReporter(rules: rules, failOn: .error).render(Fixture.report(findings)))
    #expect(errorsOnly.first { $0.name == "system-out" }?.text == "stacks/audit.yaml:5:3: note: unknown [TW101]")
    let never = try Reader.read(JUnitReporter(rules: rules, failOn: nil).render(Fixture.report(findings)))
    #expect(!never.contains { $0.name == "failure" })
    #expect(never.first?.attributes["failures"] == "0")
  }

  /// Markup characters, quotes, line breaks and control characters in paths and messages.
  @Test(
    "paths and messages with markup, quotes and control characters stay well-formed and read back",
    arguments: [
      ("stacks/<b>&\"q\".yaml", "a < b && c > \"d\" 'e'", "a < b && c > \"d\" 'e'"),
      ("stacks/tab\there.yaml", "line one\nline two\r\nthree", "line one\nline two\r\nthree"),
      ("stacks/bell\u{7}.yaml", "nul \u{0} esc \u{1B} ffff \u{FFFF}", "nul \\u0000 esc \\u001B ffff \\uFFFF"),
      ("stacks/été 🛡.yaml", "]]> <![CDATA[ x", "]]> <![CDATA[ x"),
    ])
  func escaping(path: String, message: String, readBack: String) throws {
    let reporter = JUnitReporter(rules: RuleCatalog.descriptions.filter { ["TW001", "TW101"].contains($0.id) }, failOn: .warning)
    let xml = reporter.render(Fixture.report([Fixture.finding(message: message, file: path)]))
    let elements = try Reader.read(xml)
    let expectedPath = path.replacingOccurrences(of: "\u{7}", with: "\\u0007")
    #expect(elements.first { $0.name == "testsuite" }?.attributes["name"] == expectedPath)
    #expect(elements.first { $0.name == "testcase" }?.attributes["file"] == expectedPath)
    let failure = try #require(elements.first { $0.name == "failure" })
    #expect(failure.attributes["message"] == "\(expectedPath):13:3: \(readBack)")
    #expect(failure.text == "\(expectedPath):13:3: error: \(readBack) [TW101]")
  }

  @Test("no linted files is an empty, well-formed report")
  func empty() throws {
    let xml = JUnitReporter(failOn: .warning).render(Fixture.report([]))
    #expect(xml == "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"trailwatch\" tests=\"0\" failures=\"0\" errors=\"0\">\n</testsuites>\n")
    #expect(try Reader.read(xml).count == 1)
  }
}
