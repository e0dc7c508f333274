import AppraisalModel
import Testing

@Suite("CMMI V3: practice-area catalog model and its validation")
struct CMMI3PracticeAreaCatalogTests {
  @Test(
    "practice ids <PA> <level>.<n>",
    arguments: [
      ("IRP 2.3", CMMI3PracticeID(practiceArea: "IRP", level: 2, number: 3)),
      ("MPM 5.3", CMMI3PracticeID(practiceArea: "MPM", level: 5, number: 3)),
      ("CAR 3.12", CMMI3PracticeID(practiceArea: "CAR", level: 3, number: 12)),
      ("IRP 6.1", nil), ("IRP 0.1", nil), ("IRP 2.0", nil), ("IRP 2.03", nil), ("irp 2.3", nil), ("IRP  2.3", nil),
      ("IRP2.3", nil), ("IRP 2", nil), ("SP 1.1 x", nil), ("", nil),
    ] as [(String, CMMI3PracticeID?)])
  func practiceID(text: String, expected: CMMI3PracticeID?) {
    #expect(CMMI3PracticeID(text) == expected)
    if let expected { #expect(expected.description == text) }
  }

  @Test("look-ups")
  func lookups() {
    let catalog = CMMI3TestModel.catalog
    #expect(catalog.location(ofPractice: "AA 2.1") == .init(practiceArea: "AA", level: 2))
    #expect(catalog.location(ofPractice: "AA 4.1") == nil)
    #expect(catalog.practiceArea("BB")?.highestLevel == 2)
    #expect(catalog.practiceAreas(inView: "Services").map(\.id) == ["AA", "BB", "GOV", "SV"])
    #expect(catalog.practiceAreas(inView: "Services", includingOptional: ["SAM"]).map(\.id).last == "SAM")
    #expect(catalog.practiceAreas(inView: "Core", includingOptional: ["SAM"]).map(\.id) == ["AA", "BB", "GOV"])
    #expect(catalog.domains == ["Core", "Services", "Suppliers"])
    #expect(catalog.practiceCount == 4 + 2 + 2 + 3 + 2)
    #expect(!catalog.hasModelText)
  }

  @Test("the test catalog is valid")
  func valid() {
    #expect(PracticeAreaCatalogValidator.problems(in: CMMI3TestModel.catalog).isEmpty)
  }

  @Test("structure problems are all reported with their paths")
  func problems() {
    var catalog = CMMI3TestModel.catalog
    catalog.practiceAreas[0].practiceGroups[1].practices[0].id = "AA 3.1"  // listed under level 2
    catalog.practiceAreas[1].practiceGroups[1].level = 1  // BB: level 1 twice
    catalog.practiceAreas[2].id = "AA"
    catalog.views[0].practiceAreas.append("ZZ")
    catalog.views[1].optional = ["AA"]
    let found = PracticeAreaCatalogValidator.problems(in: catalog).map { "\($0.path): \($0.message)" }
    #expect(
      found == [
        "practiceAreas[0].practiceGroups[1].practices[0].id: practice AA 3.1 is listed under AA level 2; expected an "
          + "id AA 2.n",
        "practiceAreas[1].practiceGroups[1].level: practice group level 1 in BB follows level 1; expected each level "
          + "once, ascending",
        "practiceAreas[1].practiceGroups[1].practices[0].id: practice BB 2.1 is listed under BB level 1; expected an "
          + "id BB 1.n",
        "practiceAreas[2].id: duplicate practice area id \"AA\"",
        "practiceAreas[2].practiceGroups[0].practices[0].id: practice GOV 1.1 is listed under AA level 1; expected an "
          + "id AA 1.n",
        "practiceAreas[2].practiceGroups[1].practices[0].id: practice GOV 2.1 is listed under AA level 2; expected an "
          + "id AA 2.n",
        "views[0].practiceAreas[2]: view Core names practice area \"GOV\", which the catalog does not have",
        "views[0].practiceAreas[3]: view Core names practice area \"ZZ\", which the catalog does not have",
        "views[1].practiceAreas[2]: view Services names practice area \"GOV\", which the catalog does not have",
        "views[1].optional[0]: view Services names practice area AA more than once",
      ])
  }

  @Test("titles or statements need a provenance")
  func provenance() {
    var catalog = CMMI3TestModel.catalog
    catalog.practiceAreas[0].practiceGroups[0].practices[0].statement = "(a licensed user's text)"
    #expect(catalog.hasModelText)
    #expect(PracticeAreaCatalogValidator.problems(in: catalog).map(\.path) == [.root])
    catalog.provenance = .init(source: "ISACA CMMI V3.0 model viewer export", licence: "ISACA licence #1234")
    #expect(PracticeAreaCatalogValidator.problems(in: catalog).isEmpty)
  }
}
