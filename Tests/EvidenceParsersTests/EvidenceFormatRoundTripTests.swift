import AppraisalModel
import EvidenceParsers
import TestSupport
import Testing

/// Every field ``EvidenceFormat`` declares as generic is read and written from the table alone: set each to a
/// value of its own through the table's key paths, write XML and JSON, read them back. A field added to the
/// table is covered here without a line of test code.
@Suite("Evidence format table: every generic field round-trips")
struct EvidenceFormatRoundTripTests {
  static let catalog = try! BundledCatalog.load()

  /// Sets every generic field of `record` to a distinct value; returns how many were set.
  @discardableResult
  static func fill<Record>(_ record: inout Record, _ fields: [EvidenceField<Record>], tag: String) -> Int {
    var count = 0
    for field in fields {
      let text = field.kind == .date ? "2024-02-\(10 + count)" : "\(tag) \(field.name) value"
      switch field.access {
      case .optionalText(let path): record[keyPath: path] = text
      case .defaultedText(let path, _): record[keyPath: path] = text
      case .text(let path) where field.xml == .attribute && field.kind == .text: record[keyPath: path] += " (edited)"
      case .flag(let path, let standard): record[keyPath: path] = !standard
      case .optionalNumber(let path): record[keyPath: path] = 7 + count
      default: continue
      }
      count += 1
    }
    return count
  }

  @Test("XML and JSON read back every generic field the table declares")
  func genericFields() throws {
    var appraisal = try AppraisalReader.read(
      path: Golden.url("fixtures/evidence/sample.xml").path, catalog: Self.catalog
    ).appraisal
    var filled = Self.fill(&appraisal.header, EvidenceFormat.header, tag: "header")
    filled += Self.fill(&appraisal.coverage, EvidenceFormat.coverage, tag: "coverage")
    filled += Self.fill(&appraisal.evidence[0], EvidenceFormat.evidenceItem, tag: "item")
    filled += Self.fill(&appraisal.evidence[0].locator, EvidenceFormat.locator, tag: "locator")
    filled += Self.fill(&appraisal.observations[0], EvidenceFormat.observation, tag: "observation")
    filled += Self.fill(&appraisal.characterizations[0], EvidenceFormat.characterization, tag: "characterization")
    filled += Self.fill(&appraisal.instantiations[0], EvidenceFormat.instantiation, tag: "instantiation")
    filled += Self.fill(&appraisal.significanceDecisions[0], EvidenceFormat.significance, tag: "significance")
    #expect(filled >= 12, "the fixture leaves generic fields unset: \(filled)")
    // The disclosure's records, one of each, then every generic field of each through the table.
    appraisal.disclosure = Disclosure(
      teamLeader: .init(name: "leader"), teamMembers: [.init(name: "member")], sponsor: .init(name: "sponsor"),
      reportStatus: .draft, locations: ["site"], population: .init(),
      samplingFactors: [.init(name: "factor", rationale: "why")], subgroups: [.init(id: "group")],
      findings: [.init(processArea: "SCON", text: "finding")], globalFindings: ["global"])
    var disclosed = Self.fill(&appraisal.disclosure, EvidenceFormat.disclosure, tag: "disclosure")
    disclosed += Self.fill(&appraisal.disclosure.teamLeader!, EvidenceFormat.person, tag: "leader")
    disclosed += Self.fill(&appraisal.disclosure.teamMembers[0], EvidenceFormat.person, tag: "member")
    disclosed += Self.fill(&appraisal.disclosure.sponsor!, EvidenceFormat.person, tag: "sponsor")
    disclosed += Self.fill(&appraisal.disclosure.population!, EvidenceFormat.population, tag: "population")
    disclosed += Self.fill(&appraisal.disclosure.samplingFactors[0], EvidenceFormat.samplingFactor, tag: "factor")
    disclosed += Self.fill(&appraisal.disclosure.subgroups[0], EvidenceFormat.subgroup, tag: "subgroup")
    disclosed += Self.fill(&appraisal.disclosure.findings[0], EvidenceFormat.finding, tag: "finding")
    #expect(disclosed >= 19, "disclosure fields left unset: \(disclosed)")
    for (syntax, text) in [
      (EvidenceSyntax.xml, EvidenceWriter.xml(appraisal)), (.json, EvidenceWriter.json(appraisal)),
    ] {
      let back = AppraisalReader.decode(bytes: Array(text.utf8), syntax: syntax, file: "written.\(syntax)")
      #expect(back.problems.isEmpty, "\(syntax): \(back.problems)")
      #expect(back.appraisal == appraisal, "\(syntax) reads back different")
      #expect(back.appraisal?.disclosure == appraisal.disclosure, "\(syntax): the disclosure reads back different")
    }
  }
}

@Suite("Evidence format: the scope's profile, reasons and coverage rule in every syntax")
struct ScopeSyntaxTests {
  static let catalog = try! BundledCatalog.load()

  @Test("XML and JSON write and read back the target profile, out-of-scope reasons and the coverage rule")
  func writtenAndRead() throws {
    var appraisal = try AppraisalReader.read(
      path: Golden.url("fixtures/company-a/after.xml").path, catalog: Self.catalog
    ).appraisal
    appraisal.scope.areaTargets = [.init(processArea: "SCON", level: 2), .init(processArea: "SD", level: 3)]
    appraisal.scope.outOfScope = [.init(processArea: "OT", reason: "training is bought from the parent company")]
    appraisal.coverage.rule = .perArea
    for (syntax, text) in [
      (EvidenceSyntax.xml, EvidenceWriter.xml(appraisal)), (.json, EvidenceWriter.json(appraisal)),
    ] {
      let back = AppraisalReader.decode(bytes: Array(text.utf8), syntax: syntax, file: "written.\(syntax)")
      #expect(back.problems.isEmpty, "\(syntax): \(back.problems)")
      #expect(back.appraisal?.scope == appraisal.scope, "\(syntax)")
      #expect(back.appraisal?.coverage == appraisal.coverage, "\(syntax)")
    }
    var staged = appraisal
    staged.target = .maturityLevel(2)
    staged.scope.areaTargets = []
    staged.scope.specificGoalsOnly = true
    let back = AppraisalReader.decode(
      bytes: Array(EvidenceWriter.xml(staged).utf8), syntax: .xml, file: "staged.xml")
    #expect(back.appraisal?.scope.specificGoalsOnly == true)
  }

  @Test("CSV settings rows: areaTarget, outOfScope, specificGoalsOnly and the coverage rule; a bad rule is named")
  func csvRows() {
    let csv = """
      formatVersion,1
      id,t
      name,T
      organizationalUnit,U
      date,2026-01-01
      model,CMMI-SVC
      modelVersion,1.3
      representation,continuous
      targetLevel,1
      processAreas,SCON,SD
      areaTarget,SD,2
      outOfScope,OT,bought in
      coverage,true,1/2,per-area
      instantiation,u1,Unit,service

      practice,instantiation,evidenceId,indicator,document,section,version,date,url,note,imported,characterization,\
      characterizationNote,weakness,weaknessImpact,strength
      SD SP 1.1,u1,E1,artifact,doc,,,,,,,,,,,

      """
    let read = AppraisalReader.decode(bytes: Array(csv.utf8), syntax: .csv, file: "t.csv")
    #expect(read.problems.isEmpty, "\(read.problems)")
    #expect(read.appraisal?.scope.areaTargets == [.init(processArea: "SD", level: 2)])
    #expect(read.appraisal?.scope.outOfScope == [.init(processArea: "OT", reason: "bought in")])
    #expect(read.appraisal?.coverage.rule == .perArea)

    let bad = csv.replacingOccurrences(of: "1/2,per-area", with: "1/2,strict")
      .replacingOccurrences(of: "areaTarget,SD,2", with: "areaTarget,SD,9")
    let problems = AppraisalReader.decode(bytes: Array(bad.utf8), syntax: .csv, file: "t.csv").problems.map(
      \.description)
    #expect(problems.contains { $0.contains("\"level\" is \"9\"; expected an integer from 1 to 5") }, "\(problems)")
    #expect(
      problems.contains { $0.contains("rule is \"strict\"; expected one of per-area, scampi-1.3") }, "\(problems)")
  }
}
