/// The children of the collections a reader still has open, innermost last, in one buffer that is
/// reused as collections come and go: a finished collection moves its tail out (no retain, no
/// release) into an array of exactly its size, instead of growing an array of its own by doubling as
/// its children arrive. Shared by the YAML and JSON readers.
final class ChildPool<Element> {
  private var storage: UnsafeMutablePointer<Element>
  private var capacity: Int
  private(set) var count = 0

  init() {
    capacity = 64
    storage = UnsafeMutablePointer<Element>.allocate(capacity: capacity)
  }

  deinit {
    storage.deinitialize(count: count)
    storage.deallocate()
  }

  func append(_ element: consuming Element) {
    if count == capacity {
      let grown = UnsafeMutablePointer<Element>.allocate(capacity: capacity * 2)
      grown.moveInitialize(from: storage, count: count)
      storage.deallocate()
      storage = grown
      capacity *= 2
    }
    (storage + count).initialize(to: element)
    count += 1
  }

  /// The element at `position`, which must be below `count`.
  subscript(position: Int) -> Element {
    // Borrowed in place: reading one field must not copy the whole element.
    unsafeAddress {
      precondition(position >= 0 && position < count, "pool index out of range")
      return UnsafePointer(storage + position)
    }
  }

  /// Moves the elements from `base` to the end out of the pool.
  func takeTail(from base: Int) -> [Element] {
    let taken = count - base
    guard taken > 0 else { return [] }
    let source = storage + base
    // Not `Array(unsafeUninitializedCapacity:)`: that calls into the standard library unspecialized,
    // which looks the array's type metadata up on every call.
    var result: [Element] = []
    result.reserveCapacity(taken)
    for position in 0..<taken {
      result.append((source + position).move())
    }
    count = base
    return result
  }
}
