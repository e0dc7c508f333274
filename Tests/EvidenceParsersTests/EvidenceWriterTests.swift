import AppraisalModel
import EvidenceParsers
import Foundation
import TestSupport
import Testing

@Suite("Evidence writer: what import writes reads back equal")
struct EvidenceWriterTests {
  static let catalog = try! BundledCatalog.load()

  @Test(
    "XML and JSON round trips give an equal appraisal",
    arguments: ["fixtures/evidence/sample.xml", "fixtures/company-a/before.xml", "fixtures/company-a/after.json"])
  func roundTrip(fixture: String) throws {
    let original = try AppraisalReader.read(path: Golden.url(fixture).path, catalog: Self.catalog).appraisal
    for (syntax, text) in [(EvidenceSyntax.xml, EvidenceWriter.xml(original)), (.json, EvidenceWriter.json(original))] {
      let back = try AppraisalReader.read(
        bytes: Array(text.utf8), syntax: syntax, file: "written.\(syntax)", catalog: Self.catalog
      ).appraisal
      #expect(back == original, "\(fixture) written as \(syntax) reads back different")
    }
  }

  @Test("markup and control characters are escaped")
  func escaping() throws {
    var appraisal = try AppraisalReader.read(
      path: Golden.url("fixtures/evidence/sample.xml").path, catalog: Self.catalog
    ).appraisal
    appraisal.evidence[0].note = "a < b & \"c\"\n\ttab \u{1}\u{FFFE}\u{FFFF}"
    appraisal.evidence[0].locator.section = "line one\nline two & <three>"
    for (syntax, text) in [
      (EvidenceSyntax.xml, EvidenceWriter.xml(appraisal)), (.json, EvidenceWriter.json(appraisal)),
    ] {
      let back = try AppraisalReader.read(bytes: Array(text.utf8), syntax: syntax, file: "x", catalog: Self.catalog)
      #expect(back.appraisal.evidence[0].locator.section == "line one\nline two & <three>")
      // XML cannot hold U+0001, U+FFFE or U+FFFF: they become U+FFFD; JSON keeps them.
      #expect(
        back.appraisal.evidence[0].note
          == "a < b & \"c\"\n\ttab " + (syntax == .xml ? "\u{FFFD}\u{FFFD}\u{FFFD}" : "\u{1}\u{FFFE}\u{FFFF}"))
    }
  }
}
