import Testing

@testable import TrailwatchKit

struct BatchPlanTests {
  /// Batches cover every file once, in order, without gaps or empty batches.
  private func expectCovers(_ plan: BatchPlan, count: Int) {
    #expect(plan.batches.first?.lowerBound ?? 0 == 0)
    #expect(plan.batches.last?.upperBound ?? 0 == count)
    for (batch, next) in zip(plan.batches, plan.batches.dropFirst()) {
      #expect(batch.upperBound == next.lowerBound)
    }
    #expect(plan.batches.allSatisfy { !$0.isEmpty })
  }

  @Test("no files, no batches")
  func empty() {
    #expect(BatchPlan(sizes: [], jobs: 4).batches.isEmpty)
  }

  @Test("a few small files are one batch: handing them to another thread would cost more than linting them")
  func smallRunIsOneBatch() {
    let plan = BatchPlan(sizes: Array(repeating: 5_000, count: 20), jobs: 2)
    #expect(plan.batches == [0..<20])
  }

  @Test("many small files travel together, in many more batches than jobs", arguments: [1, 2, 8])
  func manySmallFiles(jobs: Int) {
    let sizes = (0..<10_000).map { 2_000 + ($0 * 7919) % 9_000 }
    let plan = BatchPlan(sizes: sizes, jobs: jobs)
    expectCovers(plan, count: sizes.count)
    let weights = plan.batches.map { batch in sizes[batch].reduce(0) { $0 + $1 + BatchPlan.weightPerFile } }
    #expect(weights.dropLast().allSatisfy { $0 >= BatchPlan.minimumWeight })
    if jobs > 1 { #expect(plan.batches.count >= jobs * 8) }
  }

  @Test("a large file is a batch of its own, so large files are linted side by side")
  func largeFilesAlone() {
    let sizes = [10, 50_000_000, 20, 50_000_000, 30]
    let plan = BatchPlan(sizes: sizes, jobs: 2)
    expectCovers(plan, count: sizes.count)
    #expect(plan.batches.contains { $0.contains(1) && !$0.contains(3) })
    #expect(plan.batches.count >= 2)
  }
}
