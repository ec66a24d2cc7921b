// FoundationEssentials where it exists (Linux): the whole of Foundation would load ICU at every start.
#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// The number of cores the run may use.
enum ProcessInfoCores {
  static var count: Int {
    ProcessInfo.processInfo.activeProcessorCount
  }
}
