import Foundation

/// The number of cores the run may use.
enum ProcessInfoCores {
  static var count: Int {
    ProcessInfo.processInfo.activeProcessorCount
  }
}
