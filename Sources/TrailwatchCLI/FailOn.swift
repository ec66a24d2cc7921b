import ArgumentParser
import Rules

/// The lowest severity that makes the exit code 1.
enum FailOn: String, ExpressibleByArgument, CaseIterable {
  case error, warning, note, never

  var threshold: Severity? {
    switch self {
    case .error: .error
    case .warning: .warning
    case .note: .note
    case .never: nil
    }
  }
}
