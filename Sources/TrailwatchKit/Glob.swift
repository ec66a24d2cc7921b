/// A path pattern from the configuration: `*` and `?` within one path segment, `[a-z]` and `[!a-z]`
/// sets, and `**` as a whole segment for any number of directories.
///
/// A pattern without `/` is matched against the name of the file or of any directory above it, as in
/// `.gitignore` (`*.generated.json`, `cdk.out`); a pattern with `/` against the whole path
/// (`stacks/legacy/*.yaml`). A trailing `/` stands for everything under the directory.
public struct Glob: Sendable, Equatable, CustomStringConvertible {
  /// Why a pattern cannot be used.
  public struct Failure: Error, Sendable, Equatable {
    public var message: String

    public init(message: String) {
      self.message = message
    }
  }

  enum Token: Sendable, Equatable {
    case character(Character)
    case anyRun
    case anyOne
    case set([ClosedRange<Character>], negated: Bool)
  }

  enum Segment: Sendable, Equatable {
    case anyDirectories
    case tokens([Token])
  }

  public let pattern: String
  let segments: [Segment]
  /// Whether the pattern has no `/` and so matches a single name at any depth.
  let matchesNames: Bool

  public var description: String { pattern }

  public init(_ pattern: String) throws(Failure) {
    self.pattern = pattern
    var body = Substring(pattern)
    guard !body.isEmpty else { throw Failure(message: "an empty pattern matches nothing") }
    matchesNames = !body.contains("/")
    while body.hasPrefix("./") { body = body.dropFirst(2) }
    if body.hasPrefix("/") { body = body.drop { $0 == "/" } }
    var parts = body.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
    if body.hasSuffix("/") { parts.append("**") }
    guard !parts.isEmpty else { throw Failure(message: "the pattern names no file or directory") }
    var segments: [Segment] = []
    for part in parts {
      if part == "**" {
        if segments.last != .anyDirectories { segments.append(.anyDirectories) }
        continue
      }
      if part.contains("**") {
        throw Failure(message: "'**' must be a whole path segment, as in 'stacks/**/*.yaml'")
      }
      segments.append(.tokens(try Self.tokens(part)))
    }
    self.segments = segments
  }

  private static func tokens(_ part: String) throws(Failure) -> [Token] {
    var tokens: [Token] = []
    let characters = Array(part)
    var index = 0
    while index < characters.count {
      let character = characters[index]
      switch character {
      case "*": tokens.append(.anyRun)
      case "?": tokens.append(.anyOne)
      case "[":
        var cursor = index + 1
        let negated = cursor < characters.count && (characters[cursor] == "!" || characters[cursor] == "^")
        if negated { cursor += 1 }
        var ranges: [ClosedRange<Character>] = []
        // A `]` right after the opening bracket is a member, as in every glob dialect.
        var first = true
        while cursor < characters.count, characters[cursor] != "]" || first {
          first = false
          let low = characters[cursor]
          if cursor + 2 < characters.count, characters[cursor + 1] == "-", characters[cursor + 2] != "]" {
            let high = characters[cursor + 2]
            guard low <= high else { throw Failure(message: "the range '\(low)-\(high)' runs backwards") }
            ranges.append(low...high)
            cursor += 3
          } else {
            ranges.append(low...low)
            cursor += 1
          }
        }
        guard cursor < characters.count else { throw Failure(message: "'[' is never closed with ']'") }
        tokens.append(.set(ranges, negated: negated))
        index = cursor
      default:
        tokens.append(.character(character))
      }
      index += 1
    }
    return tokens
  }

  /// Whether a relative, `/`-separated path matches: the path itself, or (for a pattern that names a
  /// directory) any directory above it.
  public func matches(_ path: String) -> Bool {
    let components = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
    guard !components.isEmpty else { return false }
    if matchesNames {
      return components.contains { matches(name: $0) }
    }
    for count in 1...components.count where matches(components: components[0..<count]) {
      return true
    }
    return false
  }

  private func matches(name: String) -> Bool {
    guard segments.count == 1, case .tokens(let tokens) = segments[0] else { return false }
    return Self.matches(tokens[...], Array(name)[...])
  }

  private func matches(components: ArraySlice<String>) -> Bool {
    // Positions (segment, component) already shown not to match: keeps `**/**/…` from going exponential.
    var failed = Set<Int>()
    let width = components.count + 1
    func match(_ segment: Int, _ component: Int) -> Bool {
      if segment == segments.count { return component == components.endIndex }
      let key = segment * width + (component - components.startIndex)
      if failed.contains(key) { return false }
      var result = false
      switch segments[segment] {
      case .anyDirectories:
        var next = component
        while !result && next <= components.endIndex {
          result = match(segment + 1, next)
          next += 1
        }
      case .tokens(let tokens):
        result = component < components.endIndex && Self.matches(tokens[...], Array(components[component])[...])
          && match(segment + 1, component + 1)
      }
      if !result { failed.insert(key) }
      return result
    }
    return match(0, components.startIndex)
  }

  /// One segment against one name; `*` backtracks to the last star only, which is enough for globs.
  private static func matches(_ tokens: ArraySlice<Token>, _ name: ArraySlice<Character>) -> Bool {
    var t = tokens.startIndex
    var n = name.startIndex
    var star: (token: Int, name: Int)?
    while n < name.endIndex {
      if t < tokens.endIndex {
        switch tokens[t] {
        case .anyRun:
          star = (t, n)
          t += 1
          continue
        case .anyOne:
          t += 1
          n += 1
          continue
        case .character(let character) where character == name[n]:
          t += 1
          n += 1
          continue
        case .set(let ranges, let negated) where ranges.contains(where: { $0.contains(name[n]) }) != negated:
          t += 1
          n += 1
          continue
        default:
          break
        }
      }
      guard let last = star else { return false }
      t = last.token + 1
      n = last.name + 1
      star = (last.token, last.name + 1)
    }
    while t < tokens.endIndex, tokens[t] == .anyRun { t += 1 }
    return t == tokens.endIndex
  }
}
