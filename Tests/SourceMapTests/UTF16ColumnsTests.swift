import Testing

@testable import SourceMap

/// Many findings on one line (a minified plan) get their UTF-16 columns in one pass, the same as one
/// by one.
struct UTF16ColumnsTests {
  @Test("utf16Columns(of:) agrees with utf16Column(of:) for positions given in any order, over several lines")
  func agreesWithSingleColumns() {
    let text = SourceText("{\"a\": \"Überwachung 🔍\", \"b\": 1, \"c\": \"✓✓\"}\nplain line\r\n🔍🔍 x\n")
    var positions: [SourcePosition] = []
    for offset in [0, 7, 19, 25, 31, 36, 44, 49, 50, 54, 62, 66] {
      positions.append(text.position(ofOffset: offset))
    }
    positions.append(SourcePosition(line: 9, column: 4, offset: 200))
    let shuffled = [5, 0, 12, 3, 11, 1, 8, 2, 10, 6, 4, 9, 7].map { positions[$0] }
    #expect(text.utf16Columns(of: shuffled) == shuffled.map { text.utf16Column(of: $0) })
    #expect(text.utf16Columns(of: [positions[3], positions[11]]) == [23, 3])
  }
}
