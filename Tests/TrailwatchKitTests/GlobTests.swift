import Testing
import TrailwatchKit

/// The globs of `exclude` and of suppressions' `file`.
struct GlobTests {
  @Test("patterns match the paths a user would expect", arguments: [
    ("*.yaml", "a.yaml", true),
    ("*.yaml", "stacks/deep/a.yaml", true),
    ("*.yaml", "a.yml", false),
    ("cdk.out", "cdk.out/Stack.template.json", true),
    ("cdk.out", "app/cdk.out/Stack.template.json", true),
    ("stacks/*.yaml", "stacks/a.yaml", true),
    ("stacks/*.yaml", "stacks/deep/a.yaml", false),
    ("stacks/*.yaml", "other/stacks/a.yaml", false),
    ("stacks/**/*.yaml", "stacks/a.yaml", true),
    ("stacks/**/*.yaml", "stacks/x/y/a.yaml", true),
    ("**/legacy/*.json", "legacy/a.json", true),
    ("**/legacy/*.json", "a/b/legacy/a.json", true),
    ("stacks/**", "stacks/x/y/a.yaml", true),
    ("stacks/", "stacks/a.yaml", true),
    ("stacks/legacy", "stacks/legacy/a.yaml", true),
    ("stacks/legacy", "stacks/legacy-new/a.yaml", false),
    ("./stacks/a.yaml", "stacks/a.yaml", true),
    ("/stacks/a.yaml", "stacks/a.yaml", true),
    ("stack?.yaml", "stack1.yaml", true),
    ("stack?.yaml", "stack/.yaml", false),
    ("env-[a-c].json", "env-b.json", true),
    ("env-[a-c].json", "env-d.json", false),
    ("env-[!a-c].json", "env-d.json", true),
    ("*", "anything/at/all.json", true),
    ("**/**/*.json", "a/b/c/d/e/f/g/h/i/j/k/l/m/n/o/p.yaml", false),
  ])
  func matching(pattern: String, path: String, expected: Bool) throws {
    #expect(try Glob(pattern).matches(path) == expected)
  }

  @Test("a pattern that cannot work is refused with the reason", arguments: [
    ("", "an empty pattern matches nothing"),
    ("stacks/[a", "'[' is never closed with ']'"),
    ("a**b", "'**' must be a whole path segment, as in 'stacks/**/*.yaml'"),
    ("**.json", "'**' must be a whole path segment, as in 'stacks/**/*.yaml'"),
    ("[z-a].json", "the range 'z-a' runs backwards"),
    ("/", "the pattern names no file or directory"),
  ])
  func refused(pattern: String, message: String) {
    #expect(throws: Glob.Failure(message: message)) { try Glob(pattern) }
  }
}
