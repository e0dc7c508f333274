import AppraisalModel
import EvidenceParsers
import Foundation
import TestSupport
import Testing

/// The CMMI V3.0 evidence format (docs/cmmi-3-evidence-format.md): the three syntaxes of the fixture load to
/// one appraisal, which validates and rates; invalid files give their golden error lists; the method sniffer
/// tells V3 files from SCAMPI V1.3 ones.
@Suite("CMMI V3.0 evidence reader")
struct CMMI3AppraisalReaderTests {
  static func catalog() throws -> PracticeAreaCatalog { try PracticeAreaCatalogReader.loadBundled() }

  static func load(_ relative: String) throws -> CMMI3Appraisal {
    try CMMI3AppraisalReader.read(path: Golden.url(relative).path, catalog: catalog())
  }

  @Test("XML, JSON and CSV of the fixture load to equal appraisals, with everything in them")
  func syntaxesAgree() throws {
    let xml = try Self.load("fixtures/cmmi3/services-gap.xml")
    #expect(try Self.load("fixtures/cmmi3/services-gap.json") == xml)
    #expect(try Self.load("fixtures/cmmi3/services-gap.csv") == xml)

    #expect(xml.header.model == "CMMI" && xml.header.modelVersion == "3.0")
    #expect(xml.type == .benchmark && xml.representation == .capability && xml.view == "Services")
    #expect(xml.selectedAreas == ["IRP", "CONT", "SDM", "STSM", "GOV", "II"])
    #expect(xml.optionalAreas.isEmpty)
    #expect(xml.target.level == 2 && xml.target.practiceAreas == [.init(practiceArea: "IRP", level: 3)])
    #expect(xml.projects.map(\.id) == ["shop", "payments", "portal"])
    #expect(xml.projects[2].outOfScope == ["CONT"] && xml.projects[2].organizationalProcesses == ["op-incident"])
    #expect(xml.organizationalProcesses.map(\.id) == ["op-incident", "op-release"])
    let continuity = try #require(xml.practiceInputs.first { $0.practice == "CONT 2.1" && $0.project == "payments" })
    #expect(continuity.weaknesses.count == 2)
    #expect(continuity.weaknesses[0].id == "W-CONT-1" && continuity.weaknesses[1].id == nil)
    let release = try #require(
      xml.organizationalProcessValues.first { $0.practice == "II 2.2" && $0.process == "op-release" })
    #expect(release.value == .partiallyMeets && release.weaknesses.count == 2)
    #expect(xml.teamOUValues.map(\.practice) == ["IRP 2.2"])
    #expect(
      xml.practiceGroupDecisions.map { "\($0.practiceArea) \($0.level) \($0.value.rawValue)" } == ["CONT 2 Satisfied"])
    #expect(xml.teamProjectValues.map { "\($0.practice) \($0.project) \($0.value.code)" } == ["II 2.2 shop LM"])
  }

  @Test(
    "the fixture validates and rates: FM, LM, PM, DM and NY project values, a flagged judgment, the team's records used"
  )
  func rates() throws {
    let catalog = try Self.catalog()
    let appraisal = try Self.load("fixtures/cmmi3/services-gap.xml")
    #expect(CMMI3Validator.problems(in: appraisal, catalog: catalog).isEmpty)
    let result = CMMI3Rater.rate(appraisal, catalog: catalog)
    let values = Set(result.projectValues.compactMap(\.value))
    for value in [ProjectCharacterization.fullyMeets, .largelyMeets, .partiallyMeets, .doesNotMeet, .notYet] {
      #expect(values.contains(value), "no project value \(value.code)")
    }
    #expect(result.projectValue("CONT 2.1", "portal")?.value == .outOfScope)
    #expect(result.flags.contains { $0.kind == .judgmentNeeded && $0.subject.contains("IRP 3.1") })
    #expect(result.ouValue("IRP 3.1")?.judgmentNeeded == true)
    #expect(result.ouValue("IRP 2.2")?.value == .largelyMeets)
    #expect(result.ouValue("IRP 2.2")?.teamJustification != nil)
    #expect(result.practiceGroup("CONT", level: 2)?.teamJustification != nil)
    #expect(result.projectValue("II 2.2", "shop")?.value == .largelyMeets)
    #expect(result.projectValue("II 2.2", "payments")?.value == .partiallyMeets)
    #expect(result.capabilityLevel("IRP")?.target == 3)
    #expect(result.capabilityLevel("IRP")?.level == 2)
  }

  @Test("the evaluation fixture gives weakness risks and no ratings")
  func evaluation() throws {
    let catalog = try Self.catalog()
    let appraisal = try Self.load("fixtures/cmmi3/evaluation.xml")
    #expect(appraisal.type == .evaluation)
    let result = CMMI3Rater.rate(appraisal, catalog: catalog)
    #expect(Set(result.risks.map(\.risk)) == [.low, .medium, .high, .notYet])
    #expect(result.ouValues.isEmpty && result.practiceGroups.isEmpty)
  }

  @Test(
    "the method is detected from the start of each syntax",
    arguments: [
      ("fixtures/cmmi3/services-gap.xml", EvidenceMethod.cmmi30), ("fixtures/cmmi3/services-gap.json", .cmmi30),
      ("fixtures/cmmi3/services-gap.csv", .cmmi30), ("fixtures/cmmi3/evaluation.xml", .cmmi30),
      ("fixtures/company-a/after.xml", .scampi13), ("fixtures/company-a/after.json", .scampi13),
      ("fixtures/company-a/after.csv", .scampi13),
    ])
  func detect(_ relative: String, _ method: EvidenceMethod) throws {
    #expect(try EvidenceMethod.detect(path: Golden.url(relative).path) == method)
  }

  @Test("an unknown method is refused at its place; a declaration beyond the first 64 KiB is not looked for")
  func detectLimits() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cmmi3-\(getpid())-\(UUID())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let unknown = folder.appendingPathComponent("x.csv")
    try Data("formatVersion,1\nmethod,cmmi-2.0\n".utf8).write(to: unknown)
    #expect(throws: ReadFailure.self) { try EvidenceMethod.detect(path: unknown.path) }
    do throws(ReadFailure) {
      _ = try EvidenceMethod.detect(path: unknown.path)
    } catch {
      #expect(
        error.problems.map(\.description) == [
          "\(unknown.path):2:8: error: method \"cmmi-2.0\" is not known; expected \"cmmi-3.0\" "
            + "(a file without a method is a SCAMPI V1.3 appraisal)"
        ])
    }
    let late = folder.appendingPathComponent("late.json")
    let padding = String(repeating: "x", count: EvidenceMethod.prefixLimit)
    try Data("{\"$schema\": \"\(padding)\", \"method\": \"cmmi-3.0\"}".utf8).write(to: late)
    #expect(try EvidenceMethod.detect(path: late.path) == .scampi13)
    let early = folder.appendingPathComponent("early.json")
    try Data("{\"method\": \"cmmi-3.0\", \"$schema\": \"\(padding)\"}".utf8).write(to: early)
    #expect(try EvidenceMethod.detect(path: early.path) == .cmmi30)
  }

  /// The invalid V3 files (fixtures/invalid/cmmi3), each with `name.ext.expected` beside it.
  static let invalidFiles: [String] = {
    let folder = Golden.url("fixtures/invalid/cmmi3").path
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    return names.filter { !$0.hasSuffix(".expected") }.sorted()
  }()

  @Test("the invalid corpus has a case in each syntax")
  func corpus() {
    for ext in ["xml", "json", "csv"] { #expect(Self.invalidFiles.contains { $0.hasSuffix(".\(ext)") }, "\(ext)") }
  }

  @Test("every invalid file gives its golden error list", arguments: invalidFiles)
  func invalid(_ name: String) throws {
    let relative = "fixtures/invalid/cmmi3/\(name)"
    #expect(try EvidenceMethod.detect(path: relative) == .cmmi30)
    let catalog = try Self.catalog()
    do throws(ReadFailure) {
      _ = try CMMI3AppraisalReader.read(path: relative, catalog: catalog)
      Issue.record("\(relative) was accepted")
    } catch {
      try Golden.check((error.errorDescription ?? "") + "\n", against: "\(relative).expected")
    }
  }

  @Test("the XSD accepts the XML fixtures and rejects the structurally invalid ones")
  func xsd() throws {
    let schema = Golden.url("docs/schemas/cmmi3-evidence.xsd").path
    for relative in ["fixtures/cmmi3/services-gap.xml", "fixtures/cmmi3/evaluation.xml"] {
      #expect(try XSDValidator.problems(in: Golden.url(relative).path, schema: schema).isEmpty, "\(relative)")
    }
    for name in Self.invalidFiles where name.hasSuffix(".xml") {
      let rejected = try !XSDValidator.problems(in: Golden.url("fixtures/invalid/cmmi3/\(name)").path, schema: schema)
        .isEmpty
      #expect(rejected == !name.hasPrefix("semantic-"), "\(name)")
    }
    // The V3 schema is not the SCAMPI one: a SCAMPI file is rejected.
    #expect(!(try XSDValidator.problems(in: Golden.url("fixtures/company-a/after.xml").path, schema: schema)).isEmpty)
  }

  @Test(
    "the JSON Schema accepts the JSON fixture and rejects the structurally invalid JSON (scripts/check-schemas.py)",
    .enabled(
      if: OptionalTools.schemaPackages,
      "Python packages jsonschema and xmlschema missing (pip install jsonschema xmlschema)"
    ))
  func jsonSchema() throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", Golden.url("scripts/check-schemas.py").path]
    process.currentDirectoryURL = Golden.root
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    for line in [
      "ok    fixtures/cmmi3/services-gap.json (accepted)", "ok    fixtures/cmmi3/services-gap.xml (accepted)",
      "ok    fixtures/invalid/cmmi3/bad-input-values.json (rejected)",
      "ok    fixtures/invalid/cmmi3/semantic-team-ou-value.json (accepted)",
    ] {
      #expect(output.contains(line), "\(line)\n\(output)")
    }
  }

  /// A workbook whose first sheet holds `rows` as inline strings (the parts of the hand-made sample, its
  /// sheet replaced).
  static func workbook(_ rows: [[String]]) throws -> [UInt8] {
    func escaped(_ text: String) -> String {
      text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
    }
    var sheet = "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
    for (index, row) in rows.enumerated() {
      sheet += "<row r=\"\(index + 1)\">"
      for (column, text) in row.enumerated() where !text.isEmpty {
        let reference = "\(SourceLocation.columnLetters(column + 1))\(index + 1)"
        sheet += "<c r=\"\(reference)\" t=\"inlineStr\"><is><t>\(escaped(text))</t></is></c>"
      }
      sheet += "</row>"
    }
    sheet += "</sheetData></worksheet>"
    let parts = try XLSXReaderTests.sampleParts().map { part in
      part.0 == "xl/worksheets/sheet1.xml" ? (part.0, Array(sheet.utf8)) : part
    }
    return try XLSXReaderTests.zip(parts)
  }

  @Test("an .xlsx workbook carrying the CSV layout loads to the same appraisal; its problems are located by cell")
  func workbook() throws {
    let catalog = try Self.catalog()
    let rows = try CSVTokenizer.rows(Golden.bytes("fixtures/cmmi3/services-gap.csv")).map { $0.cells.map(\.value) }
    let bytes = try Self.workbook(rows)
    let appraisal = try CMMI3AppraisalReader.read(bytes: bytes, syntax: .xlsx, file: "w.xlsx", catalog: catalog)
    #expect(appraisal == (try Self.load("fixtures/cmmi3/services-gap.xml")))
    #expect(try EvidenceMethod.detect(bytes: bytes, syntax: .xlsx, file: "w.xlsx") == .cmmi30)

    var broken = rows
    let row = try #require(broken.firstIndex { $0.first == "IRP 2.1" })
    broken[row][2] = "yes"
    let brokenBytes = try Self.workbook(broken)
    do throws(ReadFailure) {
      _ = try CMMI3AppraisalReader.read(bytes: brokenBytes, syntax: .xlsx, file: "w.xlsx", catalog: catalog)
      Issue.record("the broken workbook was accepted")
    } catch {
      let sheet = try #require(error.problems.first?.location?.sheet)
      #expect(
        error.problems.map(\.description) == [
          "w.xlsx:\(sheet)!C\(row + 1): error: \"artifact\" is \"yes\"; expected one of \"0\", \"1\", \"NY\""
        ])
    }
  }

  @Test("a SCAMPI V1.3 file given to the V3 reader is refused with located problems")
  func scampiFile() throws {
    #expect(throws: ReadFailure.self) {
      try CMMI3AppraisalReader.read(path: Golden.url("fixtures/company-a/after.json").path, catalog: Self.catalog())
    }
  }

  @Test("JSON inputs may be the numbers 1 and 0 as well as the strings")
  func numericInputs() throws {
    let path = Golden.url("fixtures/cmmi3/services-gap.json").path
    let text = try String(contentsOfFile: path, encoding: .utf8)
    let numeric = text.replacingOccurrences(of: "\"artifact\": \"1\"", with: "\"artifact\": 1")
      .replacingOccurrences(of: "\"affirmation\": \"0\"", with: "\"affirmation\": 0")
    #expect(numeric != text)
    let read = try CMMI3AppraisalReader.read(
      bytes: Array(numeric.utf8), syntax: .json, file: "numeric.json", catalog: try Self.catalog())
    #expect(read == (try Self.load("fixtures/cmmi3/services-gap.json")))
  }

}
