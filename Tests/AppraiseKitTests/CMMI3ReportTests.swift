import AppraisalModel
import AppraiseKit
import EvidenceParsers
import Foundation
import TestSupport
import Testing

/// The CMMI V3.0 report (docs/cmmi-3-report.md) through the public API: every format of a Services gap
/// analysis and of its Evaluation variant against golden files (`APPRAISE_RECORD_GOLDEN=1` records them and
/// fails), the JSON against docs/schemas/cmmi3-report.schema.json, the workbook read back sheet by sheet,
/// and every default labelled as such in every format.
@Suite("CMMI V3.0 report")
struct CMMI3ReportTests {
  static let benchmark = CMMI3ReportFixture.report()
  static let evaluation = CMMI3ReportFixture.report(type: .evaluation)

  static func ending(_ format: ReportFormat) -> String {
    switch format {
    case .text: "txt"
    case .markdown: "md"
    default: format.rawValue
    }
  }

  static func text(_ report: CMMI3Report, _ format: ReportFormat) throws -> String {
    let rendered = try AppraisalPipeline.render(report, format: format)
    guard case .text(let text) = rendered else {
      Issue.record("\(format) rendered as binary")
      return ""
    }
    return text
  }

  // MARK: - Goldens

  @Test("every text format of the gap analysis matches its golden file", arguments: ReportFormat.textFormats)
  func benchmarkGolden(_ format: ReportFormat) throws {
    try Golden.check(
      try Self.text(Self.benchmark, format),
      against: "Tests/AppraiseKitTests/Golden/cmmi3-benchmark.\(Self.ending(format))")
  }

  @Test("every text format of the Evaluation matches its golden file", arguments: ReportFormat.textFormats)
  func evaluationGolden(_ format: ReportFormat) throws {
    try Golden.check(
      try Self.text(Self.evaluation, format),
      against: "Tests/AppraiseKitTests/Golden/cmmi3-evaluation.\(Self.ending(format))")
  }

  @Test("every text format of the capability variant matches its golden file", arguments: ReportFormat.textFormats)
  func capabilityGolden(_ format: ReportFormat) throws {
    try Golden.check(
      try Self.text(CMMI3ReportFixture.capabilityReport(), format),
      against: "Tests/AppraiseKitTests/Golden/cmmi3-capability.\(Self.ending(format))")
  }

  @Test("the print layout (what --format pdf prints) matches its golden file, cover first")
  func printGolden() throws {
    let html = HTMLRenderer(print: PrintSettings(paper: .a4)).render(Self.benchmark)
    try Golden.check(html, against: "Tests/AppraiseKitTests/Golden/cmmi3-benchmark.print.html")
    let cover = try #require(html.range(of: "<section class=\"cover\">"))
    let summary = try #require(html.range(of: "Executive summary"))
    #expect(cover.lowerBound < summary.lowerBound)
    let statement = CMMI3Report.methodStatement.replacingOccurrences(of: "'", with: "&#39;")
    #expect(html.components(separatedBy: statement).count == 3, "on the cover and in the executive summary")
    #expect(html.contains("@page"))
  }

  @Test(
    "the workbook's sheets read back match their golden dump", arguments: [("benchmark", false), ("evaluation", true)])
  func workbookGolden(name: String, evaluation: Bool) throws {
    let report = evaluation ? Self.evaluation : Self.benchmark
    let rendered = try AppraisalPipeline.render(report, format: .xlsx)
    #expect(rendered.isBinary)
    #expect(rendered.bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]))
    #expect(try AppraisalPipeline.render(report, format: .xlsx) == rendered, "the same bytes twice")
    let sheets = try Self.sheets(rendered.bytes)
    #expect(sheets.map(\.name) == ["Summary", "Project values", "Practice groups", "Flags"])
    let dump = sheets.map { sheet in
      "## \(sheet.name)\n" + sheet.rows.map { $0.joined(separator: "\t") }.joined(separator: "\n") + "\n"
    }.joined(separator: "\n")
    try Golden.check(dump, against: "Tests/AppraiseKitTests/Golden/cmmi3-\(name).xlsx.txt")
  }

  /// Every sheet of a workbook as rows of cell texts, through the evidence reader's XLSX layer.
  static func sheets(_ bytes: [UInt8]) throws -> [(name: String, rows: [[String]])] {
    var workbook = try XLSXWorkbook(bytes: bytes)
    var sheets: [(name: String, rows: [[String]])] = []
    for index in workbook.sheets.indices {
      var reader = try workbook.rows(of: index)
      var rows: [[String]] = []
      while let row = try reader.nextRow() { rows.append(row.cells.map(\.value)) }
      sheets.append((workbook.sheets[index].name, rows))
    }
    return sheets
  }

  @Test(
    "--format pdf prints the V3 report through Chromium: the cover first, the report from page 2",
    .enabled(
      if: OptionalTools.required || (OptionalTools.command("chromium") && OptionalTools.command("pdftotext")),
      "chromium or poppler-utils not installed: apt-get install -y chromium poppler-utils"),
    .timeLimit(.minutes(3)))
  func pdf() throws {
    let rendered = try AppraisalPipeline.render(Self.benchmark, format: .pdf, paper: .letter)
    #expect(rendered.isBinary && rendered.bytes.starts(with: Array("%PDF-".utf8)))
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("cmmi3-\(UUID().uuidString).pdf")
    try Data(rendered.bytes).write(to: file)
    defer { try? FileManager.default.removeItem(at: file) }
    func page(_ number: Int) throws -> String {
      let process = Process()
      process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
      process.arguments = ["pdftotext", "-layout", "-f", "\(number)", "-l", "\(number)", file.path, "-"]
      let pipe = Pipe()
      process.standardOutput = pipe
      try process.run()
      let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
      process.waitUntilExit()
      return text
    }
    let cover = try page(1)
    #expect(cover.contains("CMMI V3.0 APPRAISAL REPORT"), "\(cover)")
    #expect(cover.contains("Benchmark: a maturity or capability rating, valid 3 years."))
    #expect(try page(2).contains("Executive summary"))
  }

  // MARK: - Schema

  @Test(
    "the JSON of every variant validates against docs/schemas/cmmi3-report.schema.json",
    .enabled(if: OptionalTools.schemaPackages, "python3 with jsonschema not installed: pip install jsonschema"))
  func schema() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cmmi3-schema-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    var files: [String] = []
    for (name, report) in [
      ("benchmark", Self.benchmark), ("evaluation", Self.evaluation),
      ("capability", CMMI3ReportFixture.capabilityReport()),
    ] {
      let file = folder.appendingPathComponent("\(name).json")
      try Data(try Self.text(report, .json).utf8).write(to: file)
      files.append(file.path)
    }
    // A document the schema must refuse, so the check cannot pass by accepting everything.
    let broken = folder.appendingPathComponent("broken.json")
    try Data(#"{"reportFormat": 1, "kind": "cmmi3"}"#.utf8).write(to: broken)
    let script = """
      import json, sys, jsonschema
      schema = json.load(open(sys.argv[1]))
      jsonschema.Draft202012Validator.check_schema(schema)
      validator = jsonschema.Draft202012Validator(schema)
      for path in sys.argv[2:-1]:
          for error in validator.iter_errors(json.load(open(path))):
              print(path, "/".join(map(str, error.path)), error.message); sys.exit(1)
      if validator.is_valid(json.load(open(sys.argv[-1]))):
          print("the broken document passed"); sys.exit(1)
      """
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments =
      ["python3", "-c", script, Golden.url("docs/schemas/cmmi3-report.schema.json").path] + files + [broken.path]
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 0, "\(output)")
  }

  // MARK: - Content

  @Test("the fixture gives every project value, a judgment-needed OU value and team decisions")
  func fixtureCoverage() {
    let result = Self.benchmark.result
    let codes = Set(result.projectValues.compactMap(\.value))
    #expect(codes == Set(ProjectCharacterization.allCases))
    #expect(result.projectValues.contains { $0.value == nil })
    #expect(result.ouValues.contains { $0.judgmentNeeded && $0.isDefault })
    #expect(result.ouValues.contains { !$0.isDefault })
    #expect(result.practiceGroups.contains { !$0.isDefault })
    #expect(Set(result.practiceGroups.map(\.value)) == Set(PracticeGroupRating.Value.allCases))
    #expect(result.maturityLevel?.level == 1)
    #expect(Set(Self.evaluation.result.risks.map(\.risk)) == Set(WeaknessRisk.allCases))
  }

  @Test("the sections come in the documented order", arguments: [ReportFormat.text, .markdown, .html])
  func order(_ format: ReportFormat) throws {
    let text = try Self.text(Self.benchmark, format)
    let sections = [
      "Executive summary", "Appraisal", "Levels", "Practice group ratings", "OU characterizations",
      "Project characterizations", "Weaknesses", "Appendix A: Defaults the tool proposed",
      "Appendix B: Rules applied", "Appendix C: Input files and tool",
    ]
    let positions = try sections.map { try #require(text.range(of: $0)?.lowerBound, "\($0) missing") }
    #expect(positions == positions.sorted())
  }

  @Test(
    "every flagged default is listed with its kind, subject and reason",
    arguments: [ReportFormat.text, .markdown, .html])
  func defaultsListed(_ format: ReportFormat) throws {
    let text = try Self.text(Self.benchmark, format)
    let flags = Self.benchmark.result.flags
    #expect(!flags.isEmpty)
    for flag in flags {
      let reason = format == .html ? flag.reason.replacingOccurrences(of: "'", with: "&#39;") : flag.reason
      #expect(text.contains(flag.kind.rawValue) && text.contains(flag.subject), "\(flag.subject)")
      #expect(
        format == .markdown || text.contains(reason), "\(flag.subject): \(flag.reason)")
    }
    #expect(text.contains("default (team decides)") && text.contains("team decision"))
    for status in ["as published", "flagged default by analogy"] { #expect(text.contains(status)) }
  }

  @Test("JSON marks every default: default: true on proposed values, false on the team's")
  func jsonDefaults() throws {
    let json = try #require(
      JSONSerialization.jsonObject(with: Data(try Self.text(Self.benchmark, .json).utf8)) as? [String: Any])
    let result = Self.benchmark.result
    let ou = try #require(json["ouValues"] as? [[String: Any]])
    #expect(ou.map { $0["default"] as? Bool } == result.ouValues.map { $0.isDefault && $0.proposed != nil })
    #expect(
      ou.filter { $0["default"] as? Bool == true }.count
        == result.flags.filter { [.ouCharacterization, .judgmentNeeded].contains($0.kind) }.count)
    let groups = try #require(json["practiceGroups"] as? [[String: Any]])
    #expect(groups.map { $0["default"] as? Bool } == result.practiceGroups.map(\.isDefault))
    let values = try #require(json["projectValues"] as? [[String: Any]])
    let defaulted = values.filter { $0["default"] as? Bool == true }.map { "\($0["practice"]!) in \($0["project"]!)" }
    #expect(
      defaulted == result.flags.filter { $0.kind == .organizationalProcess }.map(\.subject),
      "every GOV/II value from the organizational processes, and only those")
    let flags = try #require(json["flags"] as? [[String: Any]])
    #expect(flags.count == result.flags.count && flags.allSatisfy { $0["default"] as? Bool == true })
    let rules = try #require(json["rules"] as? [[String: Any]])
    #expect(Set(rules.compactMap { $0["status"] as? String }) == ["as-published", "flagged-default"])
  }

  @Test("CSV: a default column, yes on every flagged default; a flag row for every default")
  func csvDefaults() throws {
    let csv = try Self.text(Self.benchmark, .csv)
    let lines = csv.dropFirst().components(separatedBy: "\r\n")
    #expect(lines[0] == CMMI3Report.csvColumns.joined(separator: ","))
    let result = Self.benchmark.result
    let flagRows = lines.filter { $0.hasPrefix("flag,") }
    #expect(flagRows.count == result.flags.count)
    let ouRows = lines.filter { $0.hasPrefix("ouValue,") }
    #expect(ouRows.count == result.ouValues.count)
    #expect(
      ouRows.filter { $0.contains(",yes,yes,proposed,") || $0.contains(",yes,no,proposed,") }.count
        == result.flags.filter { [.ouCharacterization, .judgmentNeeded].contains($0.kind) }.count)
    #expect(lines.contains { $0.hasPrefix("rule,OU characterization,flagged-default,") })
  }

  @Test("an Evaluation: no ratings and no levels, weakness-risk values instead")
  func evaluationContent() throws {
    let text = try Self.text(Self.evaluation, .text)
    #expect(text.contains("No ratings; weakness-risk values"))
    #expect(text.contains(AppraisalType.evaluation.summary))
    #expect(!text.contains("Maturity level"))
    let json = try #require(
      JSONSerialization.jsonObject(with: Data(try Self.text(Self.evaluation, .json).utf8)) as? [String: Any])
    #expect(json["maturityLevel"] == nil && json["capabilityLevels"] == nil)
    #expect((json["practiceGroups"] as? [Any])?.isEmpty == true)
    let values = try #require(json["projectValues"] as? [[String: Any]])
    #expect(values.contains { $0["risk"] as? String == "H" })
    let rules = try #require(json["rules"] as? [[String: Any]]).compactMap { $0["rule"] as? String }
    #expect(rules.contains("Evaluation mapping") && !rules.contains("Practice group rating"))
  }

  @Test("areas are named by acronym; a title appears only when the catalog carries one")
  func titles() throws {
    #expect(!(try Self.text(Self.benchmark, .text)).contains("Incident Resolution"))
    var report = Self.benchmark
    let index = try #require(report.catalog.practiceAreas.firstIndex { $0.id == "IRP" })
    report.catalog.practiceAreas[index].title = "Incident Resolution and Prevention"
    #expect(try Self.text(report, .text).contains("IRP Incident Resolution and Prevention"))
  }

  @Test("a capability appraisal reports each area's capability level against its target")
  func capability() throws {
    let report = CMMI3ReportFixture.capabilityReport()
    let text = try Self.text(report, .text)
    #expect(text.contains("capability level 2 (per area: SDM CL 1)"))
    #expect(text.contains("Capability target reached by"))
    let json = try #require(
      JSONSerialization.jsonObject(with: Data(try Self.text(report, .json).utf8)) as? [String: Any])
    let levels = try #require(json["capabilityLevels"] as? [[String: Any]])
    #expect(levels.count == 6 && json["maturityLevel"] == nil)
    #expect(levels.first { $0["practiceArea"] as? String == "SDM" }?["target"] as? Int == 1)
  }
}
