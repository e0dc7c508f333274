import Testing

@testable import AppraisalModel

@Suite("Catalog look-ups by typed id")
struct CatalogLookupTests {
  @Test("process-area ids match without regard to case", arguments: ["AA", "aa", "Aa"])
  func ignoringCase(_ id: String) {
    #expect(TestModel.catalog.processArea(ignoringCase: id)?.id == "AA")
  }

  @Test(
    "the closest id is suggested only when it is close",
    arguments: [("AX", "AA"), ("ax", "AA"), ("A", "AA"), ("XYZQ", nil), ("", nil)] as [(String, String?)])
  func closest(_ typed: String, _ expected: String?) {
    #expect(TestModel.catalog.closestProcessAreaID(to: typed) == expected)
  }

  @Test("edit distance", arguments: [("SCON", "SCOM", 1), ("SSD", "SD", 1), ("CAM", "CAR", 1), ("", "IRP", 3)])
  func distance(_ a: String, _ b: String, _ expected: Int) {
    #expect(Catalog.editDistance(Array(a), Array(b)) == expected)
  }
}
