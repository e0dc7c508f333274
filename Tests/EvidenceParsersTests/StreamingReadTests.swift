import AppraisalModel
import EvidenceParsers
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
}
