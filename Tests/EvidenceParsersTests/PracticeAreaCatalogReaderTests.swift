import AppraisalModel
import EvidenceParsers
import Foundation
import TestSupport
import Testing

@Suite("Practice-area catalog reader (CMMI V3.0 structure)")
struct PracticeAreaCatalogReaderTests {
  @Test("the bundled CMMI V3.0 structure loads: 31 areas, 276 practices")
  func bundled() throws {
    let catalog = try PracticeAreaCatalogReader.loadBundled()
    #expect(catalog.model.id == "CMMI")
    #expect(catalog.model.version == "3.0")
    #expect(catalog.practiceAreas.count == 31)
    #expect(catalog.practiceCount == 276)
    #expect(
      catalog.domains == [
        "Core", "Data", "Development", "People", "Safety", "Security", "Services", "Suppliers", "Virtual",
      ])
    #expect(catalog.practiceAreas.filter { $0.domain == "Core" }.count == 17)
  }

  @Test(
    "views: Core, Services (with SAM optional) and All",
    arguments: [
      ("Core", [String](), 17, 165), ("Services", [], 21, 191), ("Services", ["SAM"], 22, 203), ("All", [], 31, 276),
    ] as [(String, [String], Int, Int)])
  func views(view: String, optional: [String], areas: Int, practices: Int) throws {
    let catalog = try PracticeAreaCatalogReader.loadBundled()
    let selected = catalog.practiceAreas(inView: view, includingOptional: optional)
    #expect(selected.count == areas)
    #expect(selected.reduce(0) { $0 + $1.practiceCount } == practices)
    #expect(catalog.view("Services")?.optional == ["SAM"])
  }

  @Test(
    "practices per level as in the inventory",
    arguments: [
      ("CAR", [1, 2, 5, 2, 1]), ("CM", [1, 6, 0, 0, 0]), ("GOV", [1, 4, 2, 1, 0]), ("II", [1, 2, 3, 1, 0]),
      ("MPM", [2, 6, 6, 5, 3]), ("PLAN", [2, 8, 4, 1, 0]), ("CONT", [1, 3, 3, 0, 0]), ("IRP", [1, 3, 2, 0, 0]),
      ("SDM", [1, 6, 1, 0, 0]), ("STSM", [1, 3, 1, 0, 0]), ("SAM", [4, 5, 2, 1, 0]), ("MST", [2, 4, 3, 1, 0]),
      ("EVW", [2, 2, 2, 0, 0]),
    ] as [(String, [Int])])
  func inventory(area: String, counts: [Int]) throws {
    let catalog = try PracticeAreaCatalogReader.loadBundled()
    let found = try #require(catalog.practiceArea(area))
    #expect((1...5).map { found.group(level: $0)?.practices.count ?? 0 } == counts)
    for group in found.practiceGroups {
      #expect(group.practices.map(\.id) == (1...group.practices.count).map { "\(area) \(group.level).\($0)" })
    }
  }

  @Test("the shipped file carries no model text: no titles, statements or provenance")
  func noModelText() throws {
    let catalog = try PracticeAreaCatalogReader.loadBundled()
    #expect(!catalog.hasModelText)
    #expect(catalog.provenance == nil)
    let text = String(decoding: try Golden.bytes("practice-catalogs/cmmi-3.0-structure.json"), as: UTF8.self)
    #expect(!text.contains("\"title\""))
    #expect(!text.contains("\"statement\""))
  }

  @Test("a licensed user's copy with statements and a provenance loads; without provenance it is refused")
  func importedText() throws {
    let body = """
        "formatVersion": 1, "model": { "id": "CMMI", "version": "3.0" },
        "practiceAreas": [ { "id": "AB", "domain": "Core", "practiceGroups": [
          { "level": 1, "practices": [ { "id": "AB 1.1", "statement": "(the user's licensed text)" } ] } ] } ],
        "views": [ { "id": "All", "practiceAreas": ["AB"] } ]
      """
    let withProvenance = "{\(body), \"provenance\": { \"source\": \"model viewer\", \"licence\": \"licence 42\" } }"
    let catalog = try PracticeAreaCatalogReader.read(bytes: Array(withProvenance.utf8), file: "local.json")
    #expect(catalog.provenance?.licence == "licence 42")
    #expect(catalog.practiceArea("AB")?.group(level: 1)?.practices.first?.statement == "(the user's licensed text)")
    do {
      _ = try PracticeAreaCatalogReader.read(bytes: Array("{\(body)}".utf8), file: "local.json")
      Issue.record("a catalog with statements and no provenance was accepted")
    } catch {
      #expect(error.errorDescription?.contains("no provenance") == true)
    }
  }

  @Test("problems are located and all reported")
  func located() {
    let text = """
      {
        "formatVersion": 1,
        "model": { "id": "CMMI", "version": "3.0" },
        "practiceAreas": [
          { "id": "AB", "domain": "Core", "practiceGroups": [
            { "level": 1, "practices": [ { "id": "AB 2.1" } ] },
            { "level": 7, "practices": [ { "id": "AB 7.1", "name": "x" } ] } ] } ],
        "views": [ { "id": "All", "practiceAreas": ["AB", "CD"] } ]
      }
      """
    do {
      _ = try PracticeAreaCatalogReader.read(bytes: Array(text.utf8), file: "bad.json")
      Issue.record("accepted")
    } catch {
      guard case .invalid(_, let problems) = error else {
        Issue.record("unexpected \(error)")
        return
      }
      #expect(
        problems.map(\.description) == [
          "bad.json:6:44: error: practice AB 2.1 is listed under AB level 1; expected an id AB 1.n",
          "bad.json:7:18: error: \"level\" is the number 7; expected an integer from 1 to 5",
          "bad.json:7:44: error: practice id \"AB 7.1\" is not of the form <PA> <level>.<n>; expected e.g. IRP 2.3",
          "bad.json:7:62: error: unknown member \"name\" in a practice; expected one of id, statement, title",
          "bad.json:8:46: error: view All names practice area \"CD\", which the catalog does not have",
        ])
    }
  }

  @Test("a V1.3 process-area catalog is recognized and refused")
  func processAreaCatalog() throws {
    let bytes = try Golden.bytes("practice-catalogs/cmmi-svc-1.3.json")
    #expect(throws: ReadFailure.self) { try PracticeAreaCatalogReader.read(bytes: bytes, file: "cmmi-svc-1.3.json") }
    do {
      _ = try PracticeAreaCatalogReader.read(bytes: bytes, file: "cmmi-svc-1.3.json")
    } catch {
      #expect(error.errorDescription?.contains("not a practice-area catalog") == true)
    }
  }
}
