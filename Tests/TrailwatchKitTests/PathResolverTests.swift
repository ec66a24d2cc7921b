import Testing
import TrailwatchKit

/// Paths relative to the working directory, a configuration or a baseline.
struct PathResolverTests {
  let resolver = PathResolver(workingDirectory: "/repo/app")

  @Test("paths are normalized lexically", arguments: [
    ("./stacks//a.yaml", "stacks/a.yaml"),
    ("stacks/../b.yaml", "b.yaml"),
    ("../x/./y", "../x/y"),
    ("/a/../../b", "/b"),
    (".", "."),
  ])
  func normalize(path: String, expected: String) {
    #expect(PathResolver.normalize(path) == expected)
  }

  @Test("relative paths are read against the working directory")
  func absolute() {
    #expect(resolver.absolute("stacks/a.yaml") == "/repo/app/stacks/a.yaml")
    #expect(resolver.absolute("../.trailwatch.yml") == "/repo/.trailwatch.yml")
    #expect(resolver.absolute("/etc/x") == "/etc/x")
    #expect(resolver.directory(of: "../.trailwatch.yml") == "/repo")
  }

  @Test("a path relative to another directory")
  func relative() {
    #expect(resolver.relative("stacks/a.yaml", to: "/repo") == "app/stacks/a.yaml")
    #expect(resolver.relative("/repo/other/b.yaml", to: "/repo/app") == "../other/b.yaml")
    #expect(resolver.relative("/repo/app", to: "/repo/app") == ".")
    #expect(resolver.display("/repo/.trailwatch.yml") == "../.trailwatch.yml")
  }

  @Test("patterns match relative to their directory and as given")
  func patterns() throws {
    let patterns = PathPatterns(globs: [try Glob("app/stacks/*.yaml")], directory: "/repo")
    #expect(patterns.matches("stacks/a.yaml", resolver: resolver))
    #expect(patterns.matches("/repo/app/stacks/a.yaml", resolver: resolver))
    #expect(!patterns.matches("stacks/deep/a.yaml", resolver: resolver))
    let given = PathPatterns(globs: [try Glob("stacks/*.yaml")], directory: "/elsewhere")
    #expect(given.matches("./stacks/a.yaml", resolver: resolver))
  }
}
