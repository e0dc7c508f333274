import AppraisalModel
import Testing

/// An import carries artifacts only, so a first rating leaves every goal Not Rated: the rating's notes say
/// which areas wait for affirmations, without changing any rating.
@Suite("Imported evidence: the note on areas that have imported artifacts and no affirmation")
struct ImportedEvidenceNoteTests {
  static func item(
    _ id: String, _ practice: String, _ indicator: EvidenceItem.Indicator, imported: Bool
  ) -> EvidenceItem {
    let parts = practice.split(separator: " ", maxSplits: 1).map(String.init)
    return EvidenceItem(
      id: id, practice: PracticeReference(parts[0], parts[1]), instantiation: "u1", indicator: indicator,
      locator: .init(document: "records"), imported: imported)
  }

  static func appraisal(_ evidence: [EvidenceItem]) -> Appraisal {
    Appraisal(
      header: TestModel.header, scope: AppraisalScope(processAreas: ["AA", "BB", "CC"]),
      target: .capabilityLevel(1), instantiations: TestModel.units, evidence: evidence)
  }

  static let mixed = [
    item("E1", "AA SP 1.1", .directArtifact, imported: true),
    item("E2", "AA SP 2.1", .indirectArtifact, imported: true),
    item("E3", "BB SP 1.1", .directArtifact, imported: true),
    item("E4", "BB SP 1.1", .affirmation, imported: false),
    item("E5", "CC SP 1.1", .directArtifact, imported: false),
  ]

  @Test("only areas whose every item is an imported artifact are listed")
  func areas() {
    #expect(Self.appraisal(Self.mixed).areasWithImportedArtifactsOnly == ["AA"])
    #expect(Self.appraisal([]).areasWithImportedArtifactsOnly.isEmpty)
    #expect(Appraisal.affirmationsHint(areas: []) == nil)
  }

  @Test("rating adds the note for such areas left Not Rated; an affirmation removes it")
  func rateNote() {
    let result = AppraisalRater.rate(Self.appraisal(Self.mixed), catalog: TestModel.catalog)
    let area = result.processAreas.first { $0.processArea == "AA" }
    #expect(area?.goals.allSatisfy { $0.value == .notRated } == true)
    #expect(
      result.notes.contains {
        $0.hasPrefix("imported evidence is artifacts only; record affirmations (interviews, questionnaires) for AA:")
      }, "\(result.notes)")
    // With an affirmation for AA there is nothing to say.
    var affirmed = Self.mixed
    affirmed.append(Self.item("E6", "AA SP 1.1", .affirmation, imported: false))
    let withAffirmation = AppraisalRater.rate(Self.appraisal(affirmed), catalog: TestModel.catalog)
    #expect(!withAffirmation.notes.contains { $0.hasPrefix("imported evidence is artifacts only") })
  }
}
