import Reporters
import Testing

struct ReportPathTests {
  @Test(
    "paths become repository-relative",
    arguments: [
      ("./stacks/audit.yaml", "stacks/audit.yaml"),
      ("stacks//./audit.yaml", "stacks/audit.yaml"),
      ("stacks/old/../audit.yaml", "stacks/audit.yaml"),
      ("../elsewhere/a.yaml", "../elsewhere/a.yaml"),
      ("/work/repo/stacks/a.yaml", "stacks/a.yaml"),
      ("/work/repo/../other/a.yaml", "/work/other/a.yaml"),
      ("/work/repository/a.yaml", "/work/repository/a.yaml"),
      ("<stdin>", "<stdin>"),
    ])
  func relative(path: String, expected: String) {
    #expect(ReportPath.relative(path, workingDirectory: "/work/repo/") == expected)
  }

  @Test(
    "URIs are percent-encoded; absolute paths outside the root are file URIs",
    arguments: [
      ("stacks/audit.yaml", "stacks/audit.yaml", true),
      ("stacks/my stack #1.yaml", "stacks/my%20stack%20%231.yaml", true),
      ("équipe/journal.yaml", "%C3%A9quipe/journal.yaml", true),
      ("a:b/100%.yaml", "a%3Ab/100%25.yaml", true),
      ("/tmp/x y.yaml", "file:///tmp/x%20y.yaml", false),
      ("/work/repo/a.yaml", "a.yaml", true),
    ])
  func uri(path: String, expected: String, relative: Bool) {
    let result = ReportPath.uri(path, workingDirectory: "/work/repo")
    #expect(result.uri == expected)
    #expect(result.isRelative == relative)
  }
}
