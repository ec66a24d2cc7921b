import Rules

/// JUnit XML for the test-report views of Jenkins, GitLab (`artifacts: reports: junit:`) and Azure
/// Pipelines.
///
/// Each linted file is a test suite with one test case per rule, so every file shows up, passing
/// or not, and the count of passing checks means something. A rule's findings in a file at or above
/// `--fail-on` make its test case fail: one `<failure>` (the first finding in its message, all of
/// them in its text, as `path:line:col: severity: message [TW101]` lines); findings below the
/// threshold are listed in the test case's `<system-out>`.
public struct JUnitReporter: Reporter {
  public var rules: [RuleDescription]
  public var failOn: Severity?
  /// Absolute paths inside it are written relative to it.
  public var workingDirectory: String?

  public init(rules: [RuleDescription] = RuleCatalog.descriptions, failOn: Severity?, workingDirectory: String? = nil) {
    self.rules = rules
    self.failOn = failOn
    self.workingDirectory = workingDirectory
  }

  struct TestSuite: Equatable {
    var name: String
    var cases: [TestCase]

    var failures: Int { cases.filter { $0.failure != nil }.count }
  }

  struct TestCase: Equatable {
    var name: String
    var classname: String
    var file: String
    var failure: Failure?
    var output: String?
  }

  struct Failure: Equatable {
    var message: String
    var type: String
    var text: String
  }

  public func render(_ report: LintReport) -> String {
    let suites = suites(report)
    let tests = suites.reduce(0) { $0 + $1.cases.count }
    let failures = suites.reduce(0) { $0 + $1.failures }
    var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    xml += "<testsuites name=\"trailwatch\" tests=\"\(tests)\" failures=\"\(failures)\" errors=\"0\">\n"
    for suite in suites {
      xml += "  <testsuite name=\"\(XMLEscaping.attribute(suite.name))\" tests=\"\(suite.cases.count)\""
      xml += " failures=\"\(suite.failures)\" errors=\"0\">\n"
      for test in suite.cases {
        xml += "    <testcase name=\"\(XMLEscaping.attribute(test.name))\""
        xml += " classname=\"\(XMLEscaping.attribute(test.classname))\" file=\"\(XMLEscaping.attribute(test.file))\""
        guard test.failure != nil || test.output != nil else {
          xml += "/>\n"
          continue
        }
        xml += ">\n"
        if let failure = test.failure {
          xml += "      <failure message=\"\(XMLEscaping.attribute(failure.message))\""
          xml += " type=\"\(XMLEscaping.attribute(failure.type))\">\(XMLEscaping.text(failure.text))</failure>\n"
        }
        if let output = test.output {
          xml += "      <system-out>\(XMLEscaping.text(output))</system-out>\n"
        }
        xml += "    </testcase>\n"
      }
      xml += "  </testsuite>\n"
    }
    return xml + "</testsuites>\n"
  }

  func suites(_ report: LintReport) -> [TestSuite] {
    // A suppressed finding is accepted: its check passes.
    let byFile = Dictionary(grouping: report.reportedFindings, by: \.file)
    return report.lintedFiles.map { file in
      let path = ReportPath.relative(file, workingDirectory: workingDirectory)
      let findings = byFile[file] ?? []
      let known = Set(rules.map(\.id))
      var checks = rules.map { (id: $0.id, name: $0.name) }
      for finding in findings where !known.contains(finding.ruleID) && !checks.contains(where: { $0.id == finding.ruleID }) {
        checks.append((finding.ruleID, finding.ruleName))
      }
      let cases = checks.map { check in
        let mine = findings.filter { $0.ruleID == check.id }
        let failing = mine.filter { finding in failOn.map { finding.severity >= $0 } ?? false }
        let passing = mine.filter { finding in !(failOn.map { finding.severity >= $0 } ?? false) }
        var failure: Failure?
        if let first = failing.first {
          let worst = failing.map(\.severity).max() ?? first.severity
          var message = "\(line(first, path: path, withRule: false))"
          if failing.count > 1 { message += " (and \(failing.count - 1) more)" }
          failure = Failure(
            message: message, type: worst.rawValue,
            text: failing.map { line($0, path: path, withRule: true) }.joined(separator: "\n"))
        }
        let output = passing.isEmpty ? nil : passing.map { line($0, path: path, withRule: true) }.joined(separator: "\n")
        return TestCase(name: "\(check.id) \(check.name)", classname: path, file: path, failure: failure, output: output)
      }
      return TestSuite(name: path, cases: cases)
    }
  }

  private func line(_ finding: Finding, path: String, withRule: Bool) -> String {
    let start = finding.range.start
    if withRule {
      return "\(path):\(start.line):\(start.column): \(finding.severity.rawValue): \(finding.message) [\(finding.ruleID)]"
    }
    return "\(path):\(start.line):\(start.column): \(finding.message)"
  }
}
