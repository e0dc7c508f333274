import AppraisalModel
import EvidenceParsers
import Foundation
import ITSMImport
import Testing

/// What every tool shares when an export repeats itself: a problem that hits many records is reported once
/// with a count and the first record ids, a record read twice is counted once with one warning, and a
/// JSON export with the wrong top-level key names the keys it has.
@Suite("ITSM import: repeated problems, duplicate ids, a wrong top-level key")
struct ITSMRepeatedProblemTests {
  /// Writes `contents` (file name → text) to a scratch folder, reads them as one import from `tool`, and
  /// removes them.
  static func read(
    _ tool: ITSMTool, _ contents: [(String, String)], policy: BadRecordPolicy = .skip
  ) throws -> (records: [ITSMRecord], results: [ITSMFileResult]) {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("repeated-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    var paths: [String] = []
    for (name, text) in contents {
      let path = folder.appendingPathComponent(name).path
      try Data(text.utf8).write(to: URL(fileURLWithPath: path))
      paths.append(path)
    }
    var records: [ITSMRecord] = []
    let results = ITSMImportReader.read(paths: paths, tool: tool, policy: policy) { record, _ in records.append(record)
    }
    return (records, results)
  }

  static func warnings(_ results: [ITSMFileResult]) -> [String] {
    results.flatMap(\.problems).filter { $0.severity == .warning }.map(\.message)
  }

  static func ticket(_ id: Int, status: Int = 2) -> String {
    "{\"id\": \(id), \"type\": \"Incident\", \"status\": \(status), \"group_id\": null}"
  }

  @Test("a warning that hits many records is reported once, at the first, with a count and the first three ids")
  func repeatedWarning() throws {
    let tickets = (1...5).map { Self.ticket($0, status: 77) }.joined(separator: ",\n")
    let (records, results) = try Self.read(.freshservice, [("tickets.json", "{\"tickets\": [\n\(tickets)]}")])
    #expect(records.count == 5)
    let warnings = Self.warnings(results)
    #expect(warnings.contains("unknown ticket status '77' (5 records: INC-1, INC-2, INC-3, …)"), "\(warnings)")
    #expect(warnings.contains("group_id is null: group 'unassigned' (5 records: INC-1, INC-2, INC-3, …)"))
    #expect(warnings.count == 2, "\(warnings)")
    // Located at the first record it hits.
    #expect(results[0].problems.allSatisfy { $0.location?.line == 2 })
  }

  @Test("a problem of one record keeps its usual form; two records list both ids without an ellipsis")
  func fewRecords() throws {
    let text =
      "{\"tickets\": [\n\(Self.ticket(1, status: 77)),\n\(Self.ticket(2, status: 78)),\n\(Self.ticket(3, status: 78))]}"
    let (_, results) = try Self.read(.freshservice, [("tickets.json", text)])
    let warnings = Self.warnings(results)
    #expect(warnings.contains("INC-1: unknown ticket status '77'"), "\(warnings)")
    #expect(warnings.contains("unknown ticket status '78' (2 records: INC-2, INC-3)"), "\(warnings)")
  }

  @Test("records a profile skips with their id in the message are summarised too, the id taken out of the wording")
  func repeatedSkips() throws {
    let alerts = (50...53).map { "{\"id\": \($0), \"type\": \"Alert\", \"status\": 2}" }.joined(separator: ",\n")
    let text = "{\"tickets\": [\n\(Self.ticket(1)),\n\(alerts),\n{\"id\": 60, \"type\": \"Outage\", \"status\": 2}]}"
    let (records, results) = try Self.read(.freshservice, [("tickets.json", text)])
    #expect(records.count == 1)
    let warnings = Self.warnings(results)
    #expect(
      warnings.contains(
        "ticket …: type 'Alert' is neither Incident nor Service Request: skipped (4 records: 50, 51, 52, …)"),
      "\(warnings)")
    // A skip of one record keeps its usual wording.
    #expect(warnings.contains("ticket 60: type 'Outage' is neither Incident nor Service Request: skipped"))
  }

  @Test("records without an id that break the same way: one message with the count and their lines")
  func repeatedRecordErrors() throws {
    let broken = Array(repeating: "{\"type\": \"Incident\", \"status\": 2}", count: 4).joined(separator: ",\n")
    let text = "{\"tickets\": [\n\(Self.ticket(1)),\n\(broken)]}"
    let (records, skipping) = try Self.read(.freshservice, [("tickets.json", text)])
    #expect(records.count == 1)
    #expect(
      Self.warnings(skipping).contains("record skipped: ticket without id (4 records, at lines 3, 4, 5, …)"),
      "\(Self.warnings(skipping))")
    #expect(skipping[0].recordErrorCount == 4)
    let (_, refusing) = try Self.read(.freshservice, [("tickets.json", text)], policy: .refuse)
    let errors = refusing.flatMap(\.problems).filter { $0.severity == .error }.map(\.message)
    #expect(errors == ["ticket without id: skipped (4 records, at lines 3, 4, 5, …)"])
  }

  @Test("the same id twice in one import, in one file or across files: one warning, counted once, the first kept")
  func duplicates() throws {
    let first = "{\"tickets\": [\n\(Self.ticket(1)),\n\(Self.ticket(1, status: 5)),\n\(Self.ticket(2))]}"
    let second = "{\"tickets\": [\n\(Self.ticket(2)),\n\(Self.ticket(3)),\n\(Self.ticket(1))]}"
    let (records, results) = try Self.read(.freshservice, [("a.json", first), ("b.json", second)])
    #expect(records.map(\.id) == ["INC-1", "INC-2", "INC-3"])
    // The first INC-1 (status 2, open) is kept, not the second (closed).
    #expect(records[0].state != .closed)
    #expect(results.map(\.recordCount) == [2, 1])
    #expect(results.map(\.duplicateCount) == [1, 2])
    let duplicates = results.flatMap(\.problems).filter { $0.message.contains("duplicate") }
    #expect(duplicates.count == 1)
    #expect(
      duplicates.first?.message
        == "3 duplicate records (an id read before in this import) counted once, the first kept: INC-1, INC-2")
    #expect(duplicates.first?.location?.line == 3)
    #expect(duplicates.first?.file.hasSuffix("a.json") == true)
  }

  @Test("duplicates in a ServiceNow Table API export are counted once through the pipeline too")
  func duplicatesThroughPipeline() throws {
    let record =
      "{\"number\": \"INC1\", \"sys_class_name\": \"incident\", \"state\": \"1\", \"assignment_group\": \"Desk\"}"
    let other =
      "{\"number\": \"INC2\", \"sys_class_name\": \"incident\", \"state\": \"1\", \"assignment_group\": \"Desk\"}"
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dup-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("incident.json").path
    try Data("{\"result\": [\n\(record),\n\(other),\n\(record)]}".utf8).write(to: URL(fileURLWithPath: path))
    var problems: [String] = []
    let imported = try ITSMImportPipeline.run(
      ITSMImportRequest(tool: .servicenow, files: [path]), catalog: ITSMImportPipelineTests.catalog,
      today: "2026-12-07"
    ) { problems.append($0.message) }
    #expect(imported.read.importer.recordCount == 2)
    #expect(imported.read.duplicateCount == 1)
    #expect(imported.read.summary(output: "o.xml").hasSuffix("; 1 duplicate record counted once"))
    #expect(
      problems == ["1 duplicate record (an id read before in this import) counted once, the first kept: INC1"],
      "\(problems)")
  }

  @Test(
    "a JSON export with the wrong top-level key names the keys found as well as the one expected",
    arguments: [
      ("{\"data\": []}", "found an object with \"data\" without \"result\""),
      ("{}", "found an object with no keys without \"result\""),
      ("[]", "found an array without \"result\""),
      (
        "{\"a\": 1, \"b\": 2, \"c\": 3, \"d\": 4, \"e\": 5, \"f\": 6}",
        "found an object with \"a\", \"b\", \"c\", \"d\", \"e\", … without \"result\""
      ),
    ])
  func wrongTopLevelKey(text: String, message: String) throws {
    let (_, results) = try Self.read(.servicenow, [("incident.json", text)])
    guard case .invalid(_, let problems)? = results[0].failure else {
      Issue.record("not rejected: \(results[0])")
      return
    }
    #expect(problems.map(\.message).first?.hasPrefix(message) == true, "\(problems.map(\.message))")
  }
}
