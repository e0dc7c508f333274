import AppraisalModel
import Testing

@Suite("Catalog validation")
struct CatalogValidatorTests {
  @Test("the test model is valid and counted")
  func valid() {
    #expect(CatalogValidator.problems(in: TestModel.catalog).isEmpty)
    #expect(
      TestModel.catalog.counts
        == Catalog.Counts(processAreas: 5, specificGoals: 6, specificPractices: 8, genericGoals: 3, genericPractices: 4)
    )
  }

  @Test("every problem is reported with the path of the bad value")
  func everyProblem() {
    var catalog = TestModel.catalog
    catalog.model.version = ""
    catalog.processAreas[1].id = "AA"
    catalog.processAreas[2].maturityLevel = 7
    catalog.processAreas[0].goals[1].practices = []
    catalog.processAreas[0].goals[0].practices[1].id = "SP 2.2"
    catalog.processAreas[3].goals[0].id = "Goal 1"
    catalog.genericGoals[2].capabilityLevel = 4
    let problems = CatalogValidator.problems(in: catalog).map { "\($0.path): \($0.message)" }
    #expect(
      problems == [
        "model.version: the model version is empty; expected a version such as \"1.3\"",
        "processAreas[0].goals[0].practices[1].id: practice SP 2.2 is listed under SG 1; its first number must be the goal's number",
        "processAreas[0].goals[1].practices: goal AA SG 2 has no practices; expected at least one",
        "processAreas[1].id: duplicate process area id \"AA\"; first defined at index 0",
        "processAreas[2].maturityLevel: process area CC has maturity level 7; expected 2, 3, 4 or 5",
        "processAreas[3].goals[0].id: bad id \"Goal 1\"; expected the form \"SG n\"",
        "genericGoals[2].capabilityLevel: generic goal GG 3 has capability level 4; expected 3 (levels run 1, 2, 3… in order)",
      ])
  }

  @Test("practice references parse and order numerically")
  func references() {
    #expect(PracticeReference(parsing: " SSD  SP 3.2 ") == PracticeReference("SSD", "SP 3.2"))
    #expect(PracticeReference(parsing: "SSD") == nil)
    let sorted = [
      PracticeReference("WP", "SP 1.10"), PracticeReference("WP", "GP 2.1"), PracticeReference("WP", "SP 1.9"),
      PracticeReference("CAM", "SP 2.1"),
    ].sorted()
    #expect(sorted.map(\.description) == ["CAM SP 2.1", "WP SP 1.9", "WP SP 1.10", "WP GP 2.1"])
  }
}
