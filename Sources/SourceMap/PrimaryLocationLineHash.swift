/// GitHub code scanning's `partialFingerprints.primaryLocationLineHash`: how an alert is recognised
/// again after the lines above it change.
///
/// Computed exactly as github/codeql-action's upload step computes it when a SARIF result has none
/// (src/fingerprints.ts): a rolling hash over UTF-16 code units with base 37 in wrapping 64-bit
/// arithmetic; each line's hash covers the 100 characters that start at its first character, with
/// spaces and tabs skipped, CR and CRLF read as LF (so the window runs on into the following lines),
/// and the end of the file read as one 65535 followed by zeros. The value is the unsigned hash in
/// lowercase hex without leading zeros, `:`, and how many lines of the file up to and including this
/// one have the same hash (`:1` for the first). Computing it ourselves keeps the fingerprints when
/// SARIF is uploaded some other way than upload-sarif, and agrees with upload-sarif when it is.
public enum PrimaryLocationLineHash {
  static let blockSize = 100
  static let base: UInt64 = 37
  static let endOfFile: UInt16 = 65535

  /// The hashes of the wanted 1-based lines of a file, from its bytes exactly as they are on disk
  /// (read as UTF-8, a byte-order mark included, as the upload step reads them).
  public static func hashes(ofFile bytes: [UInt8], lines: Set<Int>) -> [Int: String] {
    hashes(of: String(decoding: bytes, as: UTF8.self).utf16, lines: lines)
  }

  /// The hashes of the wanted 1-based lines of a text given as UTF-16 code units.
  public static func hashes(of units: some Sequence<UInt16>, lines wanted: Set<Int>) -> [Int: String] {
    guard let last = wanted.max(), last >= 1 else { return [:] }
    var state = RollingState(wanted: wanted, lastWanted: last)
    for unit in units {
      state.process(unit)
      if state.isDone { return state.hashes }
    }
    state.process(endOfFile)
    // Flush: the lines near the end see the end-of-file mark and then zeros.
    for _ in 0..<blockSize {
      if state.lineNumbers[state.index] != -1 { state.output() }
      state.update(0)
    }
    return state.hashes
  }

  /// 37^100 in wrapping arithmetic: the weight of the character that leaves the window.
  static let firstMod: UInt64 = {
    var value: UInt64 = 1
    for _ in 0..<blockSize { value = value &* base }
    return value
  }()

  private struct RollingState {
    let wanted: Set<Int>
    let lastWanted: Int
    var window = [UInt64](repeating: 0, count: PrimaryLocationLineHash.blockSize)
    /// The line that starts at each window slot, or -1.
    var lineNumbers = [Int](repeating: -1, count: PrimaryLocationLineHash.blockSize)
    var hash: UInt64 = 0
    var index = 0
    var lineNumber = 0
    var atLineStart = true
    var previousWasCR = false
    var counts: [UInt64: Int] = [:]
    var hashes: [Int: String] = [:]
    /// Every wanted line has its hash; later lines cannot change them.
    var isDone = false

    init(wanted: Set<Int>, lastWanted: Int) {
      self.wanted = wanted
      self.lastWanted = lastWanted
    }

    mutating func process(_ unit: UInt16) {
      var current = unit
      // Spaces and tabs are skipped, and so is the LF of a CRLF.
      if current == 0x20 || current == 0x09 || (previousWasCR && current == 0x0A) {
        previousWasCR = false
        return
      }
      if current == 0x0D {
        current = 0x0A
        previousWasCR = true
      } else {
        previousWasCR = false
      }
      if lineNumbers[index] != -1 { output() }
      if atLineStart {
        atLineStart = false
        lineNumber += 1
        lineNumbers[index] = lineNumber
      }
      if current == 0x0A { atLineStart = true }
      update(UInt64(current))
    }

    mutating func update(_ current: UInt64) {
      let leaving = window[index]
      window[index] = current
      hash = PrimaryLocationLineHash.base &* hash &+ current &- PrimaryLocationLineHash.firstMod &* leaving
      index = (index + 1) % PrimaryLocationLineHash.blockSize
    }

    mutating func output() {
      let count = counts[hash, default: 0] + 1
      counts[hash] = count
      let line = lineNumbers[index]
      if wanted.contains(line) {
        hashes[line] = String(hash, radix: 16) + ":" + String(count)
      }
      if line >= lastWanted { isDone = true }
      lineNumbers[index] = -1
    }
  }
}
