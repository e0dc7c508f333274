import AppraisalModel
import EvidenceParsers
import Foundation
import TestSupport
import Testing

@Suite("Statement import: a licensed user's titles and statements merged into a local structure catalog")
struct StatementImportTests {
  static let bundled = try! PracticeAreaCatalogReader.loadBundled()
  static let provenance = PracticeAreaCatalog.Provenance(source: "Invented test text", licence: "None (test data)")

  static func merge(_ text: String, into catalog: PracticeAreaCatalog = bundled) throws(ReadFailure)
    -> PracticeAreaCatalog
  {
    try StatementImport.merge(csv: Array(text.utf8), file: "s.csv", into: catalog, provenance: provenance)
  }

  static func problems(_ text: String, into catalog: PracticeAreaCatalog = bundled) -> [String] {
    do {
      _ = try merge(text, into: catalog)
      return []
    } catch {
      return error.problems.map(\.description)
    }
  }

  @Test("the example CSV, written and read back, has its titles, statements and provenance, and the same structure")
  func roundTrip() throws {
    let merged = try StatementImport.merge(
      csvPath: Golden.url("fixtures/cmmi3/statements-example.csv").path, into: Self.bundled,
      provenance: Self.provenance)
    let text = PracticeAreaCatalogWriter.json(merged, schema: "../docs/schemas/practice-area-catalog.schema.json")
    let read = try PracticeAreaCatalogReader.read(bytes: Array(text.utf8), file: "local.json")
    #expect(read == merged)
    #expect(read.provenance == Self.provenance)
    #expect(read.practiceArea("IRP")?.title == "Example title for IRP (invented for tests)")
    #expect(read.practiceArea("CONT")?.title == "Example title for CONT (invented for tests)")
    let irp = read.practiceArea("IRP")!.practiceGroups.flatMap(\.practices)
    #expect(irp.first { $0.id == "IRP 1.1" }?.statement == "Example statement for IRP 1.1 (invented for tests)")
    #expect(
      irp.first { $0.id == "IRP 2.1" }?.statement
        == "Example statement for IRP 2.1, with a comma and \"quotes\" (invented for tests)")
    #expect(irp.first { $0.id == "IRP 2.2" }?.statement == nil)
    let cont = read.practiceArea("CONT")!.practiceGroups[0].practices[0]
    #expect(cont.title == "Example practice title (invented)")
    // Only text was added: the same areas, groups, practice ids and views as the bundled structure.
    #expect(read.model.reference == Self.bundled.model.reference! + StatementImport.localCopyNote)
    var stripped = read
    stripped.provenance = nil
    stripped.model.reference = Self.bundled.model.reference
    stripped.practiceAreas = read.practiceAreas.map { area in
      var area = area
      area.title = nil
      area.practiceGroups = area.practiceGroups.map { group in
        PracticeGroup(level: group.level, practices: group.practices.map { .init(id: $0.id) })
      }
      return area
    }
    #expect(stripped == Self.bundled)
    #expect(read.hasModelText && !Self.bundled.hasModelText)
  }

  @Test("the bundled structure, written without text, reads back equal")
  func writerRoundTrip() throws {
    let text = PracticeAreaCatalogWriter.json(Self.bundled)
    #expect(try PracticeAreaCatalogReader.read(bytes: Array(text.utf8), file: "copy.json") == Self.bundled)
    #expect(!text.contains("provenance"))
  }

  @Test("every bad row is reported at its cell, with the value and what was expected (golden messages)")
  func invalidRows() throws {
    let path = "fixtures/cmmi3/statements-invalid.csv"
    do {
      _ = try StatementImport.merge(
        csvPath: Golden.url(path).path, into: Self.bundled, provenance: Self.provenance)
      Issue.record("expected a failure")
    } catch {
      let message = (error.errorDescription ?? "").replacingOccurrences(of: Golden.url(path).path, with: path)
      try Golden.check(message + "\n", against: "fixtures/cmmi3/statements-invalid.expected")
    }
  }

  @Test(
    "header problems: no id column, an unknown or repeated column, no text column, an empty file, no rows",
    arguments: [
      (
        "title,statement\nIRP,x,\n",
        ["s.csv:1:1: error: the header row has no \"id\" column; expected the columns id, title, statement"]
      ),
      (
        "id,title,comment,title\nIRP,x,,\n",
        [
          "s.csv:1:10: error: unknown column \"comment\"; expected one of id, title, statement",
          "s.csv:1:18: error: column \"title\" appears twice; expected it once",
        ]
      ),
      (
        "id\nIRP\n",
        ["s.csv:1:1: error: the header row has neither \"title\" nor \"statement\"; expected at least one of them"]
      ),
      ("", ["s.csv:1:1: error: the file is empty; expected a header row naming the columns id, title, statement"]),
      (
        "id,title,statement\n",
        ["s.csv:1:1: error: no row after the header; expected one row per practice area title or practice statement"]
      ),
      (
        "id,title\n\"IRP,x\n",
        [
          "s.csv:2:1: error: quoted cell is not closed before the end of the file; expected a closing '\"'"
        ]
      ),
    ])
  func header(text: String, expected: [String]) {
    #expect(Self.problems(text) == expected)
  }

  @Test("a missing statement cell is located after the row's last cell")
  func shortRow() {
    #expect(
      Self.problems("id,title,statement\nIRP 1.1\n")
        == ["s.csv:2:9: error: empty statement for IRP 1.1; expected the practice's statement"])
  }

  @Test("text already imported under another provenance is refused; the same provenance may add to it")
  func otherProvenance() throws {
    var licensed = try Self.merge("id,title\nIRP,Invented title\n")
    #expect(try Self.merge("id,title\nCONT,Another invented title\n", into: licensed).practiceArea("IRP")?.title != nil)
    licensed.provenance = .init(source: "Someone else's copy", licence: "Theirs")
    #expect(
      Self.problems("id,title\nCONT,Another invented title\n", into: licensed) == [
        "cmmi-3.0-structure.json: error: the catalog already carries text from \"Someone else's copy\" under "
          + "\"Theirs\"; expected the same --source and --licence, or the bundled structure catalog"
      ])
  }
}
