import Testing

@testable import AppraisalModel

@Suite("Source map: compact by shape, same answers as a dictionary of paths")
struct SourceMapTests {
  static let evidence = ModelPath.root.appending("evidence")

  @Test("records of a top-level array, their members and members of members are found exactly")
  func shapes() {
    var map = SourceMap(file: "f.json")
    for index in 0..<1000 {
      let item = Self.evidence.appending(index)
      map.record(item, line: index + 10, column: 3)
      map.record(member: "practice", of: item, line: index + 10, column: 7)
      map.record(item.appending("locator").appending("date"), line: index + 10, column: nil)
    }
    let item = Self.evidence.appending(417)
    #expect(map.location(of: item) == SourceLocation(file: "f.json", line: 427, column: 3))
    #expect(map.location(of: item.appending("practice")) == SourceLocation(file: "f.json", line: 427, column: 7))
    #expect(
      map.location(of: item.appending("locator").appending("date")) == SourceLocation(file: "f.json", line: 427))
    // Not recorded: the nearest recorded ancestor.
    #expect(map.location(of: item.appending("indicator")) == SourceLocation(file: "f.json", line: 427, column: 3))
    #expect(map.location(of: item.appending("locator")) == SourceLocation(file: "f.json", line: 427, column: 3))
    #expect(map.location(of: Self.evidence.appending(5000)) == nil)
    #expect(map.location(of: .root) == nil)
  }

  @Test("other paths, values out of the compact range, and overwriting")
  func others() {
    var map = SourceMap(file: "f.xml")
    let header = ModelPath.root.appending("header")
    map.record(header, line: 2, column: nil)
    map.record(header.appending("date"), line: 2, column: 40)
    let area = ModelPath.root.appending("instantiations").appending(1).appending("processAreas").appending(0)
    map.record(area, line: 9, column: nil)
    let deep = Self.evidence.appending(0).appending("a").appending("b").appending("c")
    map.record(deep, line: 12, column: 1)
    let huge = Self.evidence.appending(1)
    map.record(huge, line: 7, column: 1)
    map.record(huge, line: Int(UInt32.max) + 5, column: 2)
    map.record(member: "practice", of: Self.evidence.appending(2), line: 3, column: 4)
    map.record(member: "practice", of: Self.evidence.appending(2), line: 5, column: 6)
    #expect(map.location(of: header.appending("date")) == SourceLocation(file: "f.xml", line: 2, column: 40))
    #expect(map.location(of: header.appending("name")) == SourceLocation(file: "f.xml", line: 2))
    #expect(map.location(of: area) == SourceLocation(file: "f.xml", line: 9))
    #expect(map.location(of: deep) == SourceLocation(file: "f.xml", line: 12, column: 1))
    #expect(map.location(of: huge) == SourceLocation(file: "f.xml", line: Int(UInt32.max) + 5, column: 2))
    #expect(
      map.location(of: Self.evidence.appending(2).appending("practice"))
        == SourceLocation(file: "f.xml", line: 5, column: 6))
  }

  @Test("a copy is a value: recording into one leaves the other as it was")
  func copies() {
    var map = SourceMap(file: "f.csv")
    map.record(Self.evidence.appending(0), line: 1, column: 1)
    var copy = map
    copy.record(Self.evidence.appending(0), line: 2, column: 2)
    copy.record(member: "id", of: Self.evidence.appending(0), line: 3, column: 3)
    map.record(Self.evidence.appending(1), line: 4, column: 4)
    #expect(map.location(of: Self.evidence.appending(0)) == SourceLocation(file: "f.csv", line: 1, column: 1))
    #expect(
      map.location(of: Self.evidence.appending(0).appending("id")) == SourceLocation(file: "f.csv", line: 1, column: 1))
    #expect(copy.location(of: Self.evidence.appending(0)) == SourceLocation(file: "f.csv", line: 2, column: 2))
    #expect(copy.location(of: Self.evidence.appending(1)) == nil)
    #expect(map.location(of: Self.evidence.appending(1)) == SourceLocation(file: "f.csv", line: 4, column: 4))
  }

  @Test("recording off keeps nothing")
  func off() {
    var map = SourceMap(file: "f.csv", recording: false)
    map.record(Self.evidence.appending(0), line: 1, column: 1)
    map.record(member: "id", of: Self.evidence.appending(0), line: 1, column: 1)
    #expect(map.location(of: Self.evidence.appending(0).appending("id")) == nil)
  }
}
