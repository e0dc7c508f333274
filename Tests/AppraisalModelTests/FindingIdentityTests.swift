import AppraisalModel
import Testing

@Suite("Finding identity across appraisals")
struct FindingIdentityTests {
  static let peer = PracticeReference("SSD", "SP 3.2")

  static func weakness(
    _ text: String, id: String? = nil, practice: PracticeReference = peer, unit: String = "shop"
  ) -> Observation {
    Observation(id: id, kind: .weakness, practice: practice, instantiation: unit, text: text)
  }

  @Test("normalized text: case folded, punctuation removed, white space collapsed")
  func normalize() {
    #expect(FindingIdentity.normalize("Peer reviews are not performed.") == "peer reviews are not performed")
    #expect(FindingIdentity.normalize("  peer reviews are  not\tperformed ") == "peer reviews are not performed")
    #expect(FindingIdentity.normalize("Tests: none — \"ad hoc\"!") == "tests none ad hoc")
  }

  @Test("the same id matches whatever the text says")
  func byID() {
    let old = FindingIdentity.findings([Self.weakness("structural fixes are tracked for P1 only", id: "W-7")])
    let new = FindingIdentity.findings([Self.weakness("only priority-1 problems get structural fixes", id: "W-7")])
    #expect(FindingIdentity.match(old[0], new[0]) == .id)
    #expect(FindingIdentity.pair(old, new) == [.init(old: 0, new: 0, match: .id)])
  }

  @Test("normalized text matches without an id")
  func byText() {
    let old = FindingIdentity.findings([Self.weakness("Peer reviews are not performed.")])
    let new = FindingIdentity.findings([Self.weakness("peer reviews are  not performed")])
    #expect(FindingIdentity.match(old[0], new[0]) == .text)
    #expect(FindingIdentity.pair(old, new) == [.init(old: 0, new: 0, match: .text)])
  }

  @Test("another practice never matches, neither by text nor by id")
  func otherPractice() {
    let other = PracticeReference("SSD", "SP 3.3")
    let old = FindingIdentity.findings([Self.weakness("Peer reviews are not performed.", id: "W-1")])
    let new = FindingIdentity.findings([Self.weakness("Peer reviews are not performed.", id: "W-1", practice: other)])
    #expect(FindingIdentity.match(old[0], new[0]) == nil)
    #expect(FindingIdentity.pair(old, new) == [.init(old: nil, new: 0), .init(old: 0, new: nil)])
  }

  @Test("different wording without an id is two findings; a strength never matches a weakness")
  func noMatch() {
    let old = FindingIdentity.findings([Self.weakness("peer reviews are not performed")])
    let new = FindingIdentity.findings([Self.weakness("peer reviews are performed for designs only")])
    #expect(FindingIdentity.match(old[0], new[0]) == nil)
    let strength = Finding(Observation(kind: .strength, practice: Self.peer, instantiation: "shop", text: old[0].text))
    #expect(FindingIdentity.match(old[0], strength) == nil)
  }

  @Test("within one appraisal, one finding per wording or id, merged over instantiations")
  func merged() {
    let findings = FindingIdentity.findings([
      Self.weakness("Peer reviews are not performed.", unit: "shop"),
      Self.weakness("peer reviews are not performed", unit: "payments"),
      Self.weakness("reviews are skipped", id: "W-2", unit: "shop"),
      Self.weakness("reviews are skipped under time pressure", id: "W-2", unit: "portal"),
    ])
    #expect(findings.count == 2)
    #expect(findings[0].instantiations == ["shop", "payments"])
    #expect(findings[0].text == "Peer reviews are not performed.")
    #expect(findings[1].ids == ["W-2"])
    #expect(findings[1].instantiations == ["shop", "portal"])
  }

  @Test("compare: a reworded weakness with the same id is neither closed nor new")
  func compareReworded() {
    var before = TestModel.appraisal(
      areas: ["AA"], target: .capabilityLevel(1), overrides: ["AA SP 2.1@u1": .largelyImplemented])
    var after = before
    after.header.date = "2027-06-01"
    before.observations = [
      Observation(id: "W-9", kind: .weakness, practice: .init("AA", "SP 2.1"), instantiation: "u1", text: "old words")
    ]
    after.observations = [
      Observation(id: "W-9", kind: .weakness, practice: .init("AA", "SP 2.1"), instantiation: "u1", text: "new words")
    ]
    let comparison = AppraisalComparator.compare(
      before: AppraisalRater.rate(before, catalog: TestModel.catalog),
      after: AppraisalRater.rate(after, catalog: TestModel.catalog))
    #expect(comparison.closedWeaknesses.isEmpty)
    #expect(comparison.newWeaknesses.isEmpty)
    #expect(
      comparison.rewordedWeaknesses.map { "\($0.before.text) → \($0.after.text) \($0.match)" } == [
        "old words → new words id"
      ])
  }
}
