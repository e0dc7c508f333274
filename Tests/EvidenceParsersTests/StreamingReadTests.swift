import AppraisalModel
import EvidenceParsers
import Foundation
import TestSupport
import Testing

@Suite("Streaming XML read: evidence counted, not kept")
struct StreamingReadTests {
  static let catalog = try! BundledCatalog.load()

  @Test("same ratings as a full read, with no evidence item kept", arguments: ["before", "after"])
  func sameRatings(stem: String) throws {
    let path = Golden.url("fixtures/company-a/\(stem).xml").path
    let full = try AppraisalReader.read(path: path, catalog: Self.catalog).appraisal
    let streamed = try AppraisalReader.read(path: path, catalog: Self.catalog, streaming: true).appraisal
    #expect(streamed.evidence.isEmpty)
    #expect(streamed.evidenceTally?.itemCount == full.evidence.count)
    #expect(streamed.evidenceCount == full.evidenceCount)
    #expect(streamed.observations == full.observations)
    let a = AppraisalRater.rate(full, catalog: Self.catalog)
    let b = AppraisalRater.rate(streamed, catalog: Self.catalog)
    #expect(a.processAreas == b.processAreas)
    #expect(a.notes == b.notes)
  }

  @Test(
    "a file with problems falls back to the full read and reports the same located problems",
    arguments: ["semantic-references.xml", "xml-bad-values.xml", "xml-malformed.xml"])
  func fallback(name: String) throws {
    let path = Golden.url("fixtures/invalid/evidence/\(name)").path
    var messages: [[LocatedProblem]] = []
    for streaming in [false, true] {
      do {
        _ = try AppraisalReader.read(path: path, catalog: Self.catalog, streaming: streaming)
        Issue.record("\(name) was accepted")
      } catch {
        messages.append(error.problems)
      }
    }
    #expect(messages.count == 2)
    #expect(messages.first == messages.last)
    #expect(messages.first?.isEmpty == false)
  }

  /// fixtures/evidence/sample.xml with its root start tag replaced by `root` and `<item id="S-0001"`
  /// by `item`, written to a temporary file.
  static func sample(root: String, item: String = #"<item id="S-0001""#) throws -> String {
    var text = try String(contentsOf: Golden.url("fixtures/evidence/sample.xml"), encoding: .utf8)
    text = text.replacingOccurrences(of: #"<appraisal formatVersion="1">"#, with: root)
    text = text.replacingOccurrences(of: #"<item id="S-0001""#, with: item)
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("ns-\(UUID().uuidString).xml").path
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  /// The problems of reading `path` fully and streaming (empty when it was read).
  static func problems(_ path: String) -> [[String]] {
    [false, true].map { (streaming: Bool) -> [String] in
      do throws(ReadFailure) {
        _ = try AppraisalReader.read(path: path, catalog: Self.catalog, streaming: streaming)
        return []
      } catch {
        return error.problems.map { "\($0.location?.line ?? 0): \($0.message)" }
      }
    }
  }

  static let xsi = #"xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance""#

  @Test("xsi:noNamespaceSchemaLocation and xsi:schemaLocation are accepted on any element, streamed or not")
  func schemaLocations() throws {
    let root = #"<appraisal formatVersion="1" \#(Self.xsi) xsi:noNamespaceSchemaLocation="evidence.xsd">"#
    let path = try Self.sample(root: root)
    defer { try? FileManager.default.removeItem(atPath: path) }
    #expect(Self.problems(path) == [[], []])
    // On the root only, the items are still counted as they stream past.
    let streamed = try AppraisalReader.read(path: path, catalog: Self.catalog, streaming: true).appraisal
    #expect(streamed.evidenceTally?.itemCount == 8)
    // On an item, the streaming read leaves it to the ordinary read, which accepts it; elements may be in
    // the evidence namespace or in none.
    let onItem = try Self.sample(
      root: #"<appraisal formatVersion="1" xmlns="urn:appraise:evidence:1" \#(Self.xsi)>"#,
      item: #"<item xmlns="" xsi:schemaLocation="urn:appraise:evidence:1 evidence.xsd" id="S-0001""#)
    defer { try? FileManager.default.removeItem(atPath: onItem) }
    #expect(Self.problems(onItem) == [[], []])
  }

  @Test(
    "a root or item in a foreign namespace, other xsi: attributes and prefixed attributes are errors, streamed or not",
    arguments: [
      (
        #"<appraisal formatVersion="1" xmlns="http://example.com/other">"#, #"<item id="S-0001""#,
        [
          "2: the root element <appraisal> is in namespace \"http://example.com/other\"; expected no namespace or "
            + "urn:appraise:evidence:1 (see docs/evidence-format.md)"
        ]
      ),
      (
        #"<appraisal formatVersion="1">"#, #"<item xmlns="urn:other" id="S-0001""#,
        [
          "13: element <item> is in namespace \"urn:other\"; expected no namespace or urn:appraise:evidence:1 "
            + "(see docs/evidence-format.md)"
        ]
      ),
      (
        #"<appraisal formatVersion="1" \#(xsi) xsi:type="appraisal">"#, #"<item id="S-0001""#,
        [
          "2: unknown attribute xsi:type (namespace \"http://www.w3.org/2001/XMLSchema-instance\") on <appraisal>; "
            + "expected one of formatVersion, unprefixed; of the XML Schema instance attributes only "
            + "xsi:noNamespaceSchemaLocation and xsi:schemaLocation are accepted"
        ]
      ),
      (
        #"<appraisal formatVersion="1" xmlns:o="urn:other">"#, #"<item o:id="S-0001""#,
        [
          "13: missing attribute id",
          "13: unknown attribute o:id (namespace \"urn:other\") on <item>; expected one of id, imported, indicator, "
            + "instantiation, practice, unprefixed",
        ]
      ),
    ])
  func foreignNames(root: String, item: String, expected: [String]) throws {
    let path = try Self.sample(root: root, item: item)
    defer { try? FileManager.default.removeItem(atPath: path) }
    #expect(Self.problems(path) == [expected, expected])
  }
}
