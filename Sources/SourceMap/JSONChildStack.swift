/// The children of all containers the JSON reader has open, innermost last.
///
/// When a container closes, its children move (no retain, no release) into one exactly sized array.
/// A Swift array per open container would instead reallocate as it grows, and slicing a shared Swift
/// array would copy and then destroy every child.
struct JSONChildStack<Element>: ~Copyable {
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

  subscript(index: Int) -> Element {
    precondition(index >= 0 && index < count)
    return storage[index]
  }

  mutating func append(_ element: consuming Element) {
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

  /// Moves the elements from `base` to the top into an array and pops them.
  mutating func popArray(from base: Int) -> [Element] {
    precondition(base >= 0 && base <= count)
    let moved = count - base
    guard moved > 0 else { return [] }
    let source = storage + base
    let array = [Element](unsafeUninitializedCapacity: moved) { buffer, initialized in
      if let target = buffer.baseAddress {
        target.moveInitialize(from: source, count: moved)
        initialized = moved
      }
    }
    count = base
    return array
  }
}
