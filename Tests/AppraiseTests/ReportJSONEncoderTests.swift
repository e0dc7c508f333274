import Foundation
import Testing

@testable import AppraiseKit

@Suite("Report JSON encoder")
struct ReportJSONEncoderTests {
  struct Sample: Encodable {
    var name: String
    var count: Int
    var flag: Bool
    var missing: String?
    var items: [String]
    var nested: [String: Int]
  }

  @Test("sorted keys, absent optionals left out, empty containers, escapes")
  func output() throws {
    let value = Sample(
      name: "a \"quoted\" \\ path/to\ttab\nline\u{01} Zürich", count: -3, flag: true, missing: nil, items: [],
      nested: ["b": 2, "a": 1])
    let text = try ReportJSONEncoder().encode(value)
    #expect(
      text == """
        {
          "count" : -3,
          "flag" : true,
          "items" : [],
          "name" : "a \\"quoted\\" \\\\ path/to\\ttab\\nline\\u0001 Zürich",
          "nested" : {
            "a" : 1,
            "b" : 2
          }
        }

        """)
  }

  @Test("what it writes, Foundation reads back to the same values")
  func roundTrip() throws {
    let value = Sample(
      name: "x\u{1F}y \"z\" — ✔", count: 42, flag: false, missing: "here", items: ["1", "two"], nested: [:])
    let text = try ReportJSONEncoder().encode(value)
    let object = try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    #expect(object["name"] as? String == value.name)
    #expect(object["count"] as? Int == 42)
    #expect(object["missing"] as? String == "here")
    #expect(object["items"] as? [String] == ["1", "two"])
    #expect((object["nested"] as? [String: Int])?.isEmpty == true)
  }
}
