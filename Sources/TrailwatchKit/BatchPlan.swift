/// The files of a run cut into batches of consecutive files of about equal weight: the units of
/// parallel work.
///
/// Handing work to another thread costs tens of microseconds, as much as linting a small template, so
/// small files travel in batches of a few hundred kilobytes; and there are many more batches than
/// jobs, so the cores stay evenly busy to the end of the run, however the sizes are spread.
struct BatchPlan {
  private(set) var batches: [Range<Int>] = []

  /// A batch weighs at least this much, unless it is the last one.
  static let minimumWeight = 256 * 1024
  /// Each job gets about this many batches when there is enough work.
  static let batchesPerJob = 32
  /// Opening and reading a file costs about as much as linting this many more bytes.
  static let weightPerFile = 2048

  init(sizes: [Int], jobs: Int) {
    let weights = sizes.map { max($0, 0) + Self.weightPerFile }
    let total = weights.reduce(0, +)
    let target = max(total / max(jobs * Self.batchesPerJob, 1), Self.minimumWeight)
    var start = 0
    var weight = 0
    for (index, fileWeight) in weights.enumerated() {
      weight += fileWeight
      if weight >= target {
        batches.append(start..<index + 1)
        start = index + 1
        weight = 0
      }
    }
    if start < weights.count {
      batches.append(start..<weights.count)
    }
  }
}
