/// Byte searches eight bytes at a time, for the scans that run over every byte of every file.
enum ByteScan {
  /// The high bit of each byte of `word` (read little-endian) that equals `byte`, and no other bit.
  @inline(__always)
  static func bytesEqual(_ word: UInt64, to byte: UInt8) -> UInt64 {
    let lows: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
    let zeroWhereEqual = word ^ (0x0101_0101_0101_0101 &* UInt64(byte))
    // Adding 0x7F to the low seven bits sets the high bit of every non-zero byte without a carry into
    // the next byte; what is left unset is a zero byte.
    return ~(((zeroWhereEqual & lows) &+ lows) | zeroWhereEqual | lows)
  }

  /// The eight bytes at `offset`, little-endian; `offset + 8` must be within the buffer.
  @inline(__always)
  static func word(_ base: UnsafePointer<UInt8>, at offset: Int) -> UInt64 {
    UInt64(littleEndian: UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self))
  }

  /// The offset of the first `byte` at or after `start`, or nil.
  static func firstIndex(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
    guard let base = bytes.baseAddress else { return nil }
    let count = bytes.count
    var index = max(start, 0)
    while index &+ 8 <= count {
      let found = bytesEqual(word(base, at: index), to: byte)
      if found != 0 { return index &+ found.trailingZeroBitCount &>> 3 }
      index &+= 8
    }
    while index < count {
      if base[index] == byte { return index }
      index += 1
    }
    return nil
  }
}
