import AppraisalModel
import Foundation
import TestSupport
import Testing

@testable import EvidenceParsers
@testable import ITSMImport

/// Every ITSM fixture read as fixtures/itsm/README.md says (one run per tool directory, the malformed files
/// separately), checked against the README's expected results: records by kind, group and state, the
/// normalized records (kind, id, group, state), and the numbers of warnings, record errors and rejected files.
@Suite("ITSM fixtures: the normalized records fixtures/itsm/README.md expects")
struct ITSMFixtureTests {
  /// What the README expects of one file.
  struct Expected {
    var records = 0
    var byKind: [String: Int] = [:]
    var byGroup: [String: Int] = [:]
    var byState: [String: Int] = [:]
    var warnings = 0
    var errors = 0
    var fileError = false
    var rows: [[String]] = []
  }

  /// The README's per-file sections, by relative path (`servicenow/incident.xml`).
  static let expected: [String: Expected] = {
    let text = try! String(contentsOf: Golden.url("fixtures/itsm/README.md"), encoding: .utf8)
    var result: [String: Expected] = [:]
    var current: String?
    func counts(_ list: Substring) -> [String: Int] {
      var counts: [String: Int] = [:]
      for part in list.split(separator: ",") {
        let words = part.trimmingCharacters(in: .whitespaces)
        guard let space = words.lastIndex(of: " "), let count = Int(words[words.index(after: space)...]) else {
          continue
        }
        counts[words[..<space].replacingOccurrences(of: "`", with: ""), default: 0] += count
      }
      return counts
    }
    func bold(_ line: Substring) -> Int {
      let parts = line.components(separatedBy: "**")
      return parts.count > 1 ? Int(parts[1]) ?? 0 : 0
    }
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      if line.hasPrefix("### `") {
        current = String(line.dropFirst(5).prefix(while: { $0 != "`" }))
        result[current!] = Expected()
        continue
      }
      guard let file = current else { continue }
      if line.hasPrefix("- records: ") {
        result[file]!.records = bold(line)
        if let dash = line.range(of: "by kind: ") { result[file]!.byKind = counts(line[dash.upperBound...]) }
      } else if line.hasPrefix("- by group: ") {
        result[file]!.byGroup = counts(line.dropFirst("- by group: ".count))
      } else if line.hasPrefix("- by state: ") {
        result[file]!.byState = counts(line.dropFirst("- by state: ".count))
      } else if line.hasPrefix("- warnings: ") {
        result[file]!.warnings = bold(line)
      } else if line.hasPrefix("- errors (record skipped): ") {
        result[file]!.errors = bold(line)
      } else if line.hasPrefix("- **file error**") {
        result[file]!.fileError = true
      } else if line.hasPrefix("| "), !line.hasPrefix("| kind"), !line.hasPrefix("|---") {
        let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
          .map { $0.replacingOccurrences(of: "`", with: "") }
        if cells.count == 4 { result[file]!.rows.append(cells) }
      }
    }
    return result
  }()

  /// What one run made of each of its files.
  struct Outcome {
    var records: [ITSMRecord] = []
    var result: ITSMFileResult
  }

  /// Reads `files` (relative to fixtures/itsm/<tool>) as one import.
  static func run(_ tool: ITSMTool, _ directory: String, _ files: [String], options: ITSMImportOptions = .init())
    -> [String: Outcome]
  {
    let paths = files.map { Golden.url("fixtures/itsm/\(directory)/\($0)").path }
    var records: [String: [ITSMRecord]] = [:]
    let results = ITSMImportReader.read(paths: paths, tool: tool, options: options) { record, file in
      records[file, default: []].append(record)
    }
    var outcomes: [String: Outcome] = [:]
    for (name, result) in zip(files, results) {
      outcomes["\(directory)/\(name)"] = Outcome(records: records[result.file] ?? [], result: result)
    }
    return outcomes
  }

  /// The runs of fixtures/itsm/README.md: every file of a tool directory together, malformed files alone
  /// (with the lookup file Freshservice needs to name groups).
  static let runs: [(ITSMTool, String, [String])] = [
    (
      .servicenow, "servicenow",
      [
        "incident.xml", "problem.xml", "change_request.xml", "task_sla.xml", "kb_knowledge.xml",
        "table-api-incident.json",
      ]
    ),
    (.servicenow, "servicenow", ["incident-malformed.xml"]),
    (.jiraSM, "jira-sm", ["search.json", "issues.xml"]),
    (.jiraSM, "jira-sm", ["search-malformed.json"]),
    (.jiraSM, "jira-sm", ["software-search.json", "partial-export.xml"]),
    (.manageengine, "manageengine", ["requests.json", "problems.json", "changes.json"]),
    (.manageengine, "manageengine", ["requests-malformed.json"]),
    (.freshservice, "freshservice", ["groups.json", "tickets.json", "problems.json", "changes.json", "releases.json"]),
    (.freshservice, "freshservice", ["groups.json", "tickets-malformed.json"]),
    (.bmcHelix, "bmc-helix", ["incidents.csv", "problems.json", "changes.csv"]),
    (.bmcHelix, "bmc-helix", ["changes-malformed.csv"]),
    (.bmcHelix, "bmc-helix", ["service-requests.json", "simplified-tickets.json"]),
  ]

  /// Options of the runs that need some, by their first file.
  static let runOptions: [String: ITSMImportOptions] = [
    "jira-sm/software-search.json": ITSMImportOptions(jiraTypes: ITSMJiraTests.softwareTypes)
  ]

  static let outcomes: [String: Outcome] = {
    var all: [String: Outcome] = [:]
    for (tool, directory, files) in runs {
      let options = runOptions["\(directory)/\(files[0])"] ?? .init()
      for (file, outcome) in run(tool, directory, files, options: options) where all[file] == nil {
        all[file] = outcome
      }
    }
    return all
  }()

  @Test("the README covers every fixture file")
  func covered() {
    let files = Set(Self.runs.flatMap { run in run.2.map { "\(run.1)/\($0)" } })
    #expect(Set(Self.expected.keys) == files)
  }

  @Test("records, warnings and errors of each fixture as the README expects", arguments: expected.keys.sorted())
  func fixture(file: String) throws {
    let expected = try #require(Self.expected[file])
    let outcome = try #require(Self.outcomes[file])
    let detail = outcome.result.problems.map(\.description).joined(separator: "\n")
    #expect((outcome.result.failure != nil) == expected.fileError, "\(outcome.result.failure.debugDescription)")
    #expect(outcome.records.count == expected.records)
    #expect(outcome.records.count == outcome.result.recordCount)
    func tally(_ key: (ITSMRecord) -> String) -> [String: Int] {
      outcome.records.reduce(into: [:]) { $0[key($1), default: 0] += 1 }
    }
    if !expected.byKind.isEmpty { #expect(tally(\.kind.rawValue) == expected.byKind) }
    if !expected.byGroup.isEmpty { #expect(tally(\.group) == expected.byGroup) }
    if !expected.byState.isEmpty { #expect(tally(\.state.rawValue) == expected.byState) }
    let rows = outcome.records.map { [$0.kind.rawValue, $0.id, $0.group, $0.state.rawValue] }
    if !expected.rows.isEmpty { #expect(rows == expected.rows) }
    #expect(outcome.result.problems.filter { $0.severity == .warning }.count == expected.warnings, "\(detail)")
    #expect(outcome.result.problems.filter { $0.severity == .error }.count == expected.errors, "\(detail)")
    // Every problem is located at its record.
    for problem in outcome.result.problems { #expect(problem.location != nil, "\(problem)") }
  }

  @Test("the README's totals")
  func totals() {
    let records = Self.outcomes.values.map(\.records.count).reduce(0, +)
    let warnings = Self.outcomes.values.map { $0.result.problems.filter { $0.severity == .warning }.count }
      .reduce(0, +)
    let errors = Self.outcomes.values.map { $0.result.problems.filter { $0.severity == .error }.count }.reduce(0, +)
    let rejected = Self.outcomes.values.filter { $0.result.failure != nil }.count
    #expect(records == 177)
    #expect(warnings == 42)
    #expect(errors == 8)
    #expect(rejected == 3)
  }
}

extension ITSMFixtureTests {
  /// The records and results of importing files written to a fresh temporary directory, in order.
  static func readTemporary(
    _ tool: ITSMTool, _ files: [(name: String, content: String)], options: ITSMImportOptions = .init()
  ) throws -> (records: [ITSMRecord], results: [ITSMFileResult]) {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("itsm-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    var paths: [String] = []
    for file in files {
      let url = directory.appendingPathComponent(file.name)
      try Data(file.content.utf8).write(to: url)
      paths.append(url.path)
    }
    var records: [ITSMRecord] = []
    let results = ITSMImportReader.read(paths: paths, tool: tool, options: options) { record, _ in
      records.append(record)
    }
    return (records, results)
  }

  /// The records of fixture files read as one import.
  static func records(
    _ tool: ITSMTool, _ directory: String, _ files: [String], options: ITSMImportOptions = .init()
  ) -> (records: [ITSMRecord], results: [ITSMFileResult]) {
    var records: [ITSMRecord] = []
    let results = ITSMImportReader.read(
      paths: files.map { Golden.url("fixtures/itsm/\(directory)/\($0)").path }, tool: tool, options: options
    ) { record, _ in records.append(record) }
    return (records, results)
  }

  /// The record errors of the results as `line:column: message`.
  static func locatedErrors(_ results: [ITSMFileResult]) -> [String] {
    results.flatMap(\.problems).filter { $0.severity == .error }.map {
      "\($0.location?.line ?? 0):\($0.location?.column ?? 0): \($0.message)"
    }
  }

  /// The messages of the results' problems, without their locations.
  static func messages(_ results: [ITSMFileResult], _ severity: ModelProblem.Severity = .warning) -> [String] {
    results.flatMap(\.problems).filter { $0.severity == severity }.map(\.message)
  }
}
