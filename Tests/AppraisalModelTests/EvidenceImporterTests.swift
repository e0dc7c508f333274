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

  @Test(
    "ids keep letters of any script, lower-cased, with single dashes; names stay as they are",
    arguments: [
      ("Störung — München", "störung-münchen"), ("Rechenzentrum München", "rechenzentrum-münchen"),
      ("Mu\u{308}nchen", "mu\u{308}nchen"), ("東京 DC", "東京-dc"), ("Москва/ЦОД", "москва-цод"), ("!!!", "group"),
    ])
  func slugs(name: String, id: String) {
    let mapping = ImportMapping(model: "M", modelVersion: "1", title: "t", rules: [])
    var importer = EvidenceImporter(mapping: mapping, tool: "T")
    importer.add(Self.incident("x", name, .new), from: "f")
    let unit = importer.instantiations(kind: .team)[0]
    #expect(unit.id == id)
    #expect(unit.name == name)
  }

  @Test("names that make the same id get numbered ids")
  func slugCollisions() {
    let mapping = ImportMapping(model: "M", modelVersion: "1", title: "t", rules: [])
    var importer = EvidenceImporter(mapping: mapping, tool: "T")
    for group in ["Störung — München", "Störung  München"] {
      importer.add(Self.incident("x", group, .new), from: "f")
    }
    #expect(importer.instantiations(kind: .team).map(\.id) == ["störung-münchen", "störung-münchen-2"])
  }

  static func handMade() -> Appraisal {
    Appraisal(
      header: .init(id: "a", name: "a", organizationalUnit: "u", date: "2026-01-01", model: "M", modelVersion: "1"),
      scope: AppraisalScope(processAreas: []), target: .capabilityLevel(1),
      instantiations: [
        Instantiation(id: "desk", name: "Service desk (team)", kind: .team),
        Instantiation(id: "hosting", name: "Hosting", kind: .service),
      ])
  }

  static func anyIncident() -> ImportMapping {
    let reference = PracticeReference(
      TestModel.catalog.processAreas[0].id, TestModel.catalog.processAreas[0].goals[0].practices[0].id)
    return ImportMapping(model: "M", modelVersion: "1", title: "t", rules: [Self.rule("any", .incident, reference)])
  }

  @Test("merged with a group map, groups go to the team's units (by id or name) and are counted together there")
  func mergingWithGroupMap() throws {
    var importer = EvidenceImporter(mapping: Self.anyIncident(), tool: "T")
    importer.add(Self.incident("I1", "Service Desk EU", .closed, closed: "2026-01-03"), from: "a.xml")
    importer.add(Self.incident("I2", "Service Desk US", .closed, closed: "2026-01-05"), from: "a.xml")
    importer.add(Self.incident("I3", "Hosting", .closed), from: "a.xml")
    importer.add(Self.incident("I4", "Rechenzentrum München", .closed), from: "a.xml")
    let result = try importer.merge(
      into: Self.handMade(), kind: .service,
      groupMap: ["Service Desk EU": "desk", "Service Desk US": "Service desk (team)"])
    // The team's units are kept; "Hosting" matches a unit by name; only the unmatched group is added.
    #expect(result.appraisal.instantiations.map(\.id) == ["desk", "hosting", "rechenzentrum-münchen"])
    #expect(result.added.map(\.name) == ["Rechenzentrum München"])
    let items = result.appraisal.evidence
    #expect(items.map(\.id) == ["IMP-t-any-desk", "IMP-t-any-hosting", "IMP-t-any-rechenzentrum-münchen"])
    #expect(items[0].locator.section == "2 records: I1, I2")
    #expect(items[0].locator.date == "2026-01-05")
  }

  @Test("a group map naming a unit the appraisal lacks fails, naming the group, the unit and the units there are")
  func unknownUnit() {
    var importer = EvidenceImporter(mapping: Self.anyIncident(), tool: "T")
    importer.add(Self.incident("I1", "Service Desk EU", .closed), from: "a.xml")
    #expect(throws: EvidenceImporter.UnknownUnit(group: "Service Desk EU", unit: "front", known: ["desk", "hosting"])) {
      _ = try importer.merge(into: Self.handMade(), kind: .service, groupMap: ["Service Desk EU": "front"])
    }
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
