import AppraisalModel
import Testing

@testable import ITSMImport

@Suite("Evidence importer: ITSM records to imported evidence through mapping rules")
struct EvidenceImporterTests {
  static let catalog = TestModel.catalog

  static func rule(
    _ id: String, _ kind: ITSMRecord.Kind, _ practice: PracticeReference, minimum: Int = 1,
    when conditions: [ImportMapping.Condition] = []
  ) -> ImportMapping.Rule {
    ImportMapping.Rule(
      id: id, kind: kind, conditions: conditions, practice: practice, indicator: .directArtifact,
      minimumRecords: minimum, rationale: "because")
  }

  static let resolved = ImportMapping.Condition(field: "state", test: .oneOf(["resolved", "closed"]))
  static let categorized = ImportMapping.Condition(field: "category", test: .present(true))

  static func incident(
    _ id: String, _ group: String, _ state: ITSMRecord.State, category: String? = nil,
    closed: String? = nil
  ) -> ITSMRecord {
    var fields: [String: String] = [:]
    fields["category"] = category
    fields["closed"] = closed
    return ITSMRecord(kind: .incident, id: id, group: group, state: state, fields: fields)
  }

  @Test("records meeting every condition of a rule count for its practice, per group, above the minimum")
  func rulesCountPerGroup() {
    let practice = TestModel.catalog.processAreas[0].goals[0].practices[0]
    let reference = PracticeReference(TestModel.catalog.processAreas[0].id, practice.id)
    let mapping = ImportMapping(
      model: "M", modelVersion: "1", title: "t",
      rules: [
        Self.rule("resolved", .incident, reference, minimum: 2, when: [Self.resolved]),
        Self.rule("categorized", .incident, reference, when: [Self.categorized]),
      ])
    var importer = EvidenceImporter(mapping: mapping, tool: "Tool X")
    importer.add(Self.incident("I1", "Desk", .closed, closed: "2026-01-02"), from: "a.xml")
    importer.add(Self.incident("I2", "Desk", .resolved, category: "net", closed: "2026-02-01"), from: "a.xml")
    importer.add(Self.incident("I3", "Hosting Ops", .inProgress, category: "db"), from: "b.xml")
    importer.add(Self.incident("I4", "Hosting Ops", .closed), from: "b.xml")
    importer.add(ITSMRecord(kind: .change, id: "C1", group: "Desk", state: .closed), from: "b.xml")
    #expect(importer.recordCount == 5)
    // C1 matches no rule; I4 matches "resolved" although Hosting Ops stays below its minimum of two.
    #expect(importer.unmatchedCount == 1)
    #expect(importer.latestDate == "2026-02-01")
    let units = importer.instantiations(kind: .team)
    #expect(units.map(\.id) == ["desk", "hosting-ops"])
    let items = importer.evidence(kind: .team)
    #expect(
      items.map(\.id) == [
        "IMP-tool-x-resolved-desk", "IMP-tool-x-categorized-desk", "IMP-tool-x-categorized-hosting-ops",
      ])
    #expect(items.allSatisfy { $0.imported })
    #expect(items[0].locator.section == "2 records: I1, I2")
    #expect(items[0].locator.date == "2026-02-01")
    #expect(items[0].locator.document == "Tool X incident records (a.xml, b.xml)")
  }

  @Test("merging keeps existing instantiations and replaces items imported before")
  func merging() {
    let reference = PracticeReference(
      TestModel.catalog.processAreas[0].id, TestModel.catalog.processAreas[0].goals[0].practices[0].id)
    let mapping = ImportMapping(
      model: "M", modelVersion: "1", title: "t", rules: [Self.rule("any", .incident, reference)])
    var importer = EvidenceImporter(mapping: mapping, tool: "T")
    importer.add(Self.incident("I1", "Desk", .closed), from: "a.xml")
    var existing = Appraisal(
      header: .init(id: "a", name: "a", organizationalUnit: "u", date: "2026-01-01", model: "M", modelVersion: "1"),
      scope: AppraisalScope(processAreas: []), target: .capabilityLevel(1),
      instantiations: [Instantiation(id: "desk", name: "Service desk (team)", kind: .team)])
    existing.evidence = importer.evidence(kind: .service)
    let merged = importer.merged(into: existing, kind: .service)
    #expect(merged.instantiations.map(\.name) == ["Service desk (team)"])
    #expect(merged.evidence.count == 1)
  }

  @Test("slugs are lower-case ASCII with single dashes")
  func slugs() {
    let mapping = ImportMapping(model: "M", modelVersion: "1", title: "t", rules: [])
    var importer = EvidenceImporter(mapping: mapping, tool: "T")
    for group in ["Störung — München", "Störung  München", "!!!"] {
      importer.add(Self.incident("x", group, .new), from: "f")
    }
    #expect(importer.instantiations(kind: .team).map(\.id) == ["st-rung-m-nchen", "st-rung-m-nchen-2", "group"])
  }

  @Test("a mapping names only catalog practices, known fields and artifacts")
  func mappingProblems() {
    let mapping = ImportMapping(
      model: "Other", modelVersion: "9", title: "t",
      rules: [
        ImportMapping.Rule(
          id: "r", kind: .incident, conditions: [.init(field: "colour", test: .present(true))],
          practice: PracticeReference("XYZ", "SP 1.1"), indicator: .affirmation, minimumRecords: 0, rationale: ""),
        Self.rule("r", .incident, PracticeReference("XYZ", "SP 1.1")),
      ])
    let messages = mapping.problems(against: TestModel.catalog).map(\.message)
    #expect(messages.count == 7)
    #expect(messages.contains { $0.contains("rule id \"r\" appears twice") })
    #expect(messages.contains { $0.contains("unknown field \"colour\"") })
    #expect(messages.contains { $0.contains("expected an artifact") })
  }
}
