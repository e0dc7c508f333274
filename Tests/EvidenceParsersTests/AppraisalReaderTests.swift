import AppraisalModel
import EvidenceParsers
import Foundation
import TestSupport
import Testing

@Suite("Appraisal reader: XML, JSON and CSV")
struct AppraisalReaderTests {
  static let catalog = try! BundledCatalog.load()

  static func load(_ relative: String) throws -> Appraisal {
    try AppraisalReader.read(path: Golden.url(relative).path, catalog: catalog).appraisal
  }

  @Test(
    "the three syntaxes load to equal models",
    arguments: [
      "fixtures/evidence/sample", "fixtures/company-a/before", "fixtures/company-a/after", "fixtures/company-a/later",
    ])
  func threeSyntaxes(stem: String) throws {
    let xml = try Self.load(stem + ".xml")
    let json = try Self.load(stem + ".json")
    let csv = try Self.load(stem + ".csv")
    #expect(xml == json)
    // The observations' ids too: CSV has them in its weaknessId and strengthId columns.
    #expect(json == csv)
    #expect(!xml.evidence.isEmpty)
  }

  @Test("the sample's values arrive intact")
  func sampleValues() throws {
    let sample = try Self.load("fixtures/evidence/sample.xml")
    #expect(sample.header.name == "Sample gap analysis — Ünit Ops")
    #expect(sample.header.organizationalUnit == "Ünit Ops, Zürich")
    #expect(sample.scope.processAreas == ["IRP", "SD"])
    #expect(sample.scope.notApplicable == [.init(processArea: "SAM", reason: "no supplier agreements in the unit")])
    #expect(!sample.scope.includesAdditions)
    #expect(sample.target == .capabilityLevel(1))
    #expect(sample.coverage == CoveragePolicy(isEnabled: true, minimumShare: .init(1, 2)))
    #expect(
      sample.instantiations[0] == Instantiation(id: "desk", name: "Service desk", kind: .team, subgroup: "front office")
    )
    #expect(sample.instantiations[1].processAreas == ["IRP"])
    #expect(
      sample.evidence[0]
        == EvidenceItem(
          id: "S-0001", practice: .init("IRP", "SP 2.1"), instantiation: "desk", indicator: .directArtifact,
          locator: .init(
            document: "Incident records export", section: "all priorities", version: "export 7", date: "2026-10-31",
            url: "https://itsm.example/incidents?q=2026-10"),
          note: "1,240 incidents, all with category"))
    #expect(sample.evidence.map(\.indicator).filter { $0 == .artifact }.count == 2)
    #expect(sample.observations.map(\.kind) == [.weakness, .strength, .weakness])
    #expect(sample.observations[1].text == "categorization scheme agreed with customers, \"ITIL-style\"")
    #expect(sample.observations[2].impact == .major)
    #expect(
      sample.characterizations == [
        .init(
          practice: .init("IRP", "SP 2.2"), instantiation: "hosting", value: .partiallyImplemented,
          note: "confirmed in the follow-up session")
      ])
    #expect(sample.aggregationDecisions.first?.value == .largelyImplemented)
    #expect(sample.significanceDecisions.first?.significant == false)
  }

  static let invalidFiles: [String] = {
    let folder = Golden.url("fixtures/invalid/evidence")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.filter { !$0.hasSuffix(".expected") }.sorted()
  }()

  @Test("every invalid evidence file gives its golden error list", arguments: invalidFiles)
  func invalid(name: String) throws {
    let relative = "fixtures/invalid/evidence/\(name)"
    let bytes = try Golden.bytes(relative)
    let syntax = try #require(EvidenceSyntax(path: name))
    do {
      _ = try AppraisalReader.read(bytes: bytes, syntax: syntax, file: relative, catalog: Self.catalog)
      Issue.record("\(relative) was accepted")
    } catch {
      try Golden.check((error.errorDescription ?? "") + "\n", against: relative + ".expected")
    }
  }

  @Test("at least one invalid case per syntax")
  func corpusCoversSyntaxes() {
    for syntax in ["xml", "json", "csv"] {
      #expect(Self.invalidFiles.filter { $0.hasSuffix(".\(syntax)") }.count >= 2)
    }
  }

  @Test("the same reference problems are found in every syntax")
  func sameSemanticProblems() throws {
    var messages: [String: [String]] = [:]
    for syntax in [EvidenceSyntax.xml, .json, .csv] {
      let relative = "fixtures/invalid/evidence/semantic-references.\(syntax.rawValue)"
      let bytes = try Golden.bytes(relative)
      do {
        _ = try AppraisalReader.read(bytes: bytes, syntax: syntax, file: relative, catalog: Self.catalog)
      } catch {
        messages[syntax.rawValue] = error.problems.map(\.message).sorted()
      }
    }
    #expect(messages["xml"]?.count ?? 0 >= 12)
    #expect(messages["xml"] == messages["json"])
    // CSV puts a pair's characterization in a column, so a second value is a conflict between rows
    // rather than a second record; every other problem is worded the same.
    let isSecondValue: (String) -> Bool = { $0.hasPrefix("second characterization of IRP SP 2.2 in hosting") }
    #expect(messages["json"]?.filter { !isSecondValue($0) } == messages["csv"]?.filter { !$0.contains("IRP SP 2.2") })
    #expect(messages["csv"]?.contains { $0.contains("IRP SP 2.2") && $0.contains("hosting") } == true)
  }

  @Test(
    "the JSON Schema and the XSD accept every valid fixture and reject every structurally invalid one (Python)",
    .enabled(
      if: OptionalTools.schemaPackages,
      "Python packages jsonschema and xmlschema missing (pip install jsonschema xmlschema); the XSD is still checked by EvidenceXSDTests"
    ))
  func schemas() throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", Golden.url("scripts/check-schemas.py").path]
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 0, "scripts/check-schemas.py:\n\(output)")
    #expect(output.contains(" passed, 0 failed"))
  }
}

@Suite("CSV observation ids")
struct CSVObservationIDTests {
  static let head = """
    formatVersion,1
    id,t
    name,T
    organizationalUnit,OU
    date,2011-09-30
    model,CMMI-SVC
    modelVersion,1.3
    methodClass,SCAMPI C
    representation,continuous
    targetLevel,1
    processAreas,SCON
    instantiation,shop,Shop,service

    practice,instantiation,evidenceId,indicator,document,section,version,date,url,note,imported,\
    characterization,characterizationNote,weakness,weaknessImpact,strength,weaknessId,strengthId

    """

  static func decode(_ rows: String) -> AppraisalDecoding {
    AppraisalReader.decode(bytes: Array((head + rows).utf8), syntax: .csv, file: "t.csv")
  }

  @Test("weaknessId and strengthId give the observations their ids")
  func ids() throws {
    let decoding = Self.decode("SCON SP 2.3,shop,,,,,,,,,,,,no evaluation,major,trained,W-1,S-1\n")
    #expect(decoding.problems.isEmpty, "\(decoding.problems)")
    let observations = try #require(decoding.appraisal).observations
    #expect(observations.map(\.id) == ["W-1", "S-1"])
    #expect(observations.map(\.kind) == [.weakness, .strength])
  }

  @Test("an id without its text is an error at its cell")
  func idWithoutText() {
    let decoding = Self.decode("SCON SP 2.3,shop,,,,,,,,,,,,,,,W-1,S-1\n")
    let messages = decoding.problems.map(\.description)
    #expect(messages.contains { $0.contains("\"weaknessId\" is \"W-1\" but \"weakness\" is empty") }, "\(messages)")
    #expect(messages.contains { $0.contains("\"strengthId\" is \"S-1\" but \"strength\" is empty") }, "\(messages)")
  }
}
