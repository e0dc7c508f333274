import Foundation
import TestSupport
import Testing

/// `appraise import` end to end on the built binary: the evidence it writes (golden), its located warnings
/// and record errors (golden), that the result rates, and its errors.
@Suite("import command")
struct ImportCommandTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  static func fixture(_ name: String) -> String { root.appendingPathComponent("fixtures/itsm/" + name).path }

  static func temporary(_ name: String) -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent("import-\(UUID().uuidString)-\(name)").path
  }

  /// Relative file names in messages, so goldens do not depend on the checkout's place.
  static func relative(_ text: String) -> String { text.replacingOccurrences(of: root.path + "/", with: "") }

  /// One run per tool directory, as fixtures/itsm/README.md describes: the files, and the number of records
  /// the README expects of them together.
  static let runs: [String: (files: [String], records: Int)] = [
    "jira-sm": (["search.json", "issues.xml", "partial-export.xml"], 28),
    "manageengine": (["requests.json", "problems.json", "changes.json"], 23),
    "freshservice": (["groups.json", "tickets.json", "problems.json", "changes.json", "releases.json"], 35),
    "bmc-helix": (
      ["incidents.csv", "problems.json", "changes.csv", "service-requests.json", "simplified-tickets.json"], 32
    ),
  ]

  @Test(
    "ServiceNow XML and Table API exports become evidence that rates", arguments: ["xml", "json"])
  func serviceNow(syntax: String) throws {
    let output = Self.temporary("servicenow.\(syntax)")
    defer { try? FileManager.default.removeItem(atPath: output) }
    let files = [
      "incident.xml", "problem.xml", "change_request.xml", "task_sla.xml", "kb_knowledge.xml",
      "table-api-incident.json",
    ].map { Self.fixture("servicenow/" + $0) }
    let result = try AppraiseRunner.run(
      ["import", "--from", "servicenow"] + files + ["--output", output, "--skip-bad-records"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("50 records"))
    let written = try String(contentsOfFile: output, encoding: .utf8)
    try ReportGoldenTests.check(written, "import-servicenow.\(syntax)")
    try ReportGoldenTests.check(Self.relative(result.stderr), "import-servicenow.warnings.txt")
    #expect(written.contains("imported"))
    // Non-ASCII group names pass through unchanged.
    #expect(written.contains("Rechenzentrum München"))
    let rated = try AppraiseRunner.run(["rate", output, "--format", "json"])
    #expect(rated.status == 0, "\(rated.stderr)")
  }

  @Test("each tool's fixtures, imported together, become evidence that rates", arguments: runs.keys.sorted())
  func tool(tool: String) throws {
    let run = try #require(Self.runs[tool])
    let output = Self.temporary("\(tool).xml")
    defer { try? FileManager.default.removeItem(atPath: output) }
    // The fixtures hold a few unusable records on purpose (fixtures/itsm/README.md).
    let result = try AppraiseRunner.run(
      ["import", "--from", tool] + run.files.map { Self.fixture("\(tool)/\($0)") }
        + ["--output", output, "--skip-bad-records"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("\(run.records) records"), "\(result.stdout)")
    let written = try String(contentsOfFile: output, encoding: .utf8)
    try ReportGoldenTests.check(written, "import-\(tool).xml")
    try ReportGoldenTests.check(Self.relative(result.stderr), "import-\(tool).warnings.txt")
    // Every message is located (file:line[:col]) at its record, but for the closing note on affirmations.
    let lines = Self.relative(result.stderr).split(separator: "\n")
    #expect(lines.last?.hasPrefix("import: note: imported evidence is artifacts only; record affirmations") == true)
    for line in lines.dropLast() {
      #expect(line.hasPrefix("fixtures/itsm/\(tool)/"), "\(line)")
      #expect(line.contains(": warning: ") || line.contains(": error: "), "\(line)")
    }
    #expect(written.contains("imported=\"true\""))
    let rated = try AppraiseRunner.run(["rate", output, "--format", "json"])
    #expect(rated.status == 0, "\(rated.stderr)")
  }

  /// The malformed fixture of each tool that is rejected as a whole: where it breaks.
  static let rejected: [(tool: String, file: String, location: String)] = [
    ("servicenow", "servicenow/incident-malformed.xml", "incident-malformed.xml:44:35: error: "),
    ("jira-sm", "jira-sm/search-malformed.json", "search-malformed.json:243:4: error: "),
    ("manageengine", "manageengine/requests-malformed.json", "requests-malformed.json:168:5: error: "),
  ]

  @Test(
    "a malformed export is a located error, exit 65, and nothing is written",
    arguments: rejected.map { [$0.tool, $0.file, $0.location] })
  func malformed(_ run: [String]) throws {
    let output = Self.temporary("bad.xml")
    defer { try? FileManager.default.removeItem(atPath: output) }
    let result = try AppraiseRunner.run(["import", "--from", run[0], Self.fixture(run[1]), "--output", output])
    #expect(result.status == 65, "\(result.stderr)")
    #expect(result.stderr.contains(run[2]), "\(result.stderr)")
    #expect(!FileManager.default.fileExists(atPath: output))
  }

  @Test("a rejected file among good ones: exit 65, the good files' records are not written either")
  func rejectedAmongGood() throws {
    let output = Self.temporary("bad.xml")
    defer { try? FileManager.default.removeItem(atPath: output) }
    let result = try AppraiseRunner.run([
      "import", "--from", "servicenow", Self.fixture("servicenow/problem.xml"),
      Self.fixture("servicenow/incident-malformed.xml"), "--output", output,
    ])
    #expect(result.status == 65)
    #expect(result.stderr.contains("incident-malformed.xml:44:35: error: "))
    #expect(result.stderr.contains("problem.xml:98:38: warning: PRB0040006"))
    #expect(!FileManager.default.fileExists(atPath: output))
  }

  /// Freshservice's and BMC's malformed fixtures break single records, not the file: the records are
  /// skipped with located errors, the others imported (docs/itsm-import.md, "Errors and warnings").
  static let recordErrorRuns: [(tool: String, files: [String], errors: [String], records: Int)] = [
    (
      "freshservice", ["groups.json", "tickets-malformed.json"],
      [
        "tickets-malformed.json:37:5: error: ticket without id: skipped",
        "tickets-malformed.json:70:5: error: ticket id is the string \"abc\"; expected a number: skipped",
      ], 2
    ),
    ("bmc-helix", ["changes-malformed.csv"], ["changes-malformed.csv:3: error: row has 4 cells, the header 17"], 2),
  ]

  @Test(
    "records with errors are skipped, located, and the others imported",
    arguments: recordErrorRuns.map { $0.tool })
  func recordErrors(tool: String) throws {
    let run = try #require(Self.recordErrorRuns.first { $0.tool == tool })
    let output = Self.temporary("\(tool).xml")
    defer { try? FileManager.default.removeItem(atPath: output) }
    let arguments =
      ["import", "--from", tool] + run.files.map { Self.fixture("\(tool)/\($0)") } + ["--output", output]
    // By default a record that cannot be used fails the import: exit 65, located errors, nothing written.
    let strict = try AppraiseRunner.run(arguments)
    #expect(strict.status == 65, "\(strict.stderr)")
    for error in run.errors { #expect(strict.stderr.contains(error), "\(strict.stderr)") }
    #expect(strict.stderr.components(separatedBy: ": error: ").count - 1 == run.errors.count)
    #expect(strict.stderr.contains("pass --skip-bad-records"))
    #expect(!FileManager.default.fileExists(atPath: output))
    // Asked to, it imports the others and reports each left-out record as a warning.
    let result = try AppraiseRunner.run(arguments + ["--skip-bad-records"])
    #expect(result.status == 0, "\(result.stderr)")
    for error in run.errors {
      var skipped = error.replacingOccurrences(of: ": error: ", with: ": warning: record skipped: ")
      if skipped.hasSuffix(": skipped") { skipped.removeLast(": skipped".count) }
      #expect(result.stderr.contains(skipped), "\(result.stderr)")
    }
    #expect(!result.stderr.contains(": error: "))
    #expect(result.stdout.contains("\(run.records) records"), "\(result.stdout)")
    #expect(FileManager.default.fileExists(atPath: output))
  }

  /// Files that break as a whole, for the tools whose malformed fixtures only break records.
  static let brokenFiles: [(tool: String, name: String, content: String, location: String)] = [
    ("freshservice", "tickets.json", "{\"tickets\": [{\"id\": 1, \"type\": \"Incident\"", ":1:"),
    ("bmc-helix", "incidents.csv", "Incident Number,Status\nINC1,\"New\nINC2,Closed\n", ":2:"),
    ("bmc-helix", "people.csv", "Login ID,Full Name\njdoe,Jane Doe\n", ":1:1: error: the header has none"),
    (
      "manageengine", "requests.json",
      "{\"response_status\": {\"status_code\": 4000, \"status\": \"failed\"}, \"requests\": []}",
      ":1:21: error: response_status 4000"
    ),
    (
      "jira-sm", "search.json", "{\"startAt\": 0, \"values\": []}",
      ":1:1: error: found an object with \"startAt\", \"values\" without \"issues\""
    ),
    // A wrong top-level key names what was found as well as what was expected.
    (
      "servicenow", "incident.json", "{\"data\": [{\"number\": \"INC1\"}]}",
      ":1:1: error: found an object with \"data\" without \"result\""
    ),
  ]

  @Test(
    "a file that breaks as a whole, for every tool: exit 65, located, nothing written",
    arguments: brokenFiles.indices)
  func brokenFile(index: Int) throws {
    let broken = Self.brokenFiles[index]
    try Self.withExport(broken.name, broken.content) { input, output in
      let result = try AppraiseRunner.run(["import", "--from", broken.tool, input, "--output", output])
      #expect(result.status == 65, "\(result.stderr)")
      #expect(result.stderr.contains(input + broken.location), "\(result.stderr)")
      #expect(!FileManager.default.fileExists(atPath: output))
    }
  }

  /// Writes `content` to a scratch export named `name` and runs `body` with its path and an output path;
  /// both files are removed afterwards.
  static func withExport(_ name: String, _ content: String, _ body: (String, String) throws -> Void) throws {
    let input = temporary(name)
    let output = temporary("out.xml")
    defer {
      try? FileManager.default.removeItem(atPath: input)
      try? FileManager.default.removeItem(atPath: output)
    }
    try content.write(toFile: input, atomically: true, encoding: .utf8)
    try body(input, output)
  }

  /// Per tool, an export with one good record and one whose id has the wrong JSON type, and the error.
  static let wrongIDTypes: [(tool: String, name: String, content: String, error: String)] = [
    (
      "servicenow", "result.json",
      """
      {"result": [{"number": "INC1", "sys_class_name": "incident", "state": "1", "assignment_group": "Desk"},
      {"number": 10001, "sys_class_name": "incident", "state": "1", "assignment_group": "Desk"}]}
      """,
      ":2:1: error: incident record: number is the number 10001; expected a string: skipped"
    ),
    (
      "jira-sm", "search.json",
      """
      {"issues": [{"key": "SD-1", "fields": {"issuetype": {"name": "Incident"}, "project": {"key": "SD"}}},
      {"key": 2, "fields": {"issuetype": {"name": "Incident"}, "project": {"key": "SD"}}}]}
      """,
      ":2:1: error: issue key is the number 2; expected a string: skipped"
    ),
    (
      "manageengine", "requests.json",
      """
      {"response_status": {"status_code": 2000}, "requests": [{"id": 101, "group": {"name": "Desk"}},
      {"id": [102], "group": {"name": "Desk"}}]}
      """,
      ":2:1: error: request id is an array; expected a string or a number: skipped"
    ),
    (
      "freshservice", "tickets.json",
      """
      {"tickets": [{"id": 1, "type": "Incident", "status": 2},
      {"id": "2", "type": "Incident", "status": 2}]}
      """,
      ":2:1: error: ticket id is the string \"2\"; expected a number: skipped"
    ),
    (
      "bmc-helix", "incidents.json",
      """
      {"entries": [{"values": {"Incident Number": "INC1", "Status": "New", "Assigned Group": "Desk"}},
      {"values": {"Incident Number": 2, "Status": "New", "Assigned Group": "Desk"}}]}
      """,
      ":2:1: error: entry Incident Number is the number 2; expected a string: skipped"
    ),
  ]

  @Test(
    "an id of the wrong JSON type is a located record error in every profile; --skip-bad-records skips it",
    arguments: wrongIDTypes.indices)
  func wrongIDType(index: Int) throws {
    let run = Self.wrongIDTypes[index]
    try Self.withExport(run.name, run.content) { input, output in
      let arguments = ["import", "--from", run.tool, input, "--output", output]
      let strict = try AppraiseRunner.run(arguments)
      #expect(strict.status == 65, "\(strict.stderr)")
      #expect(strict.stderr.contains(input + run.error), "\(strict.stderr)")
      #expect(!FileManager.default.fileExists(atPath: output))
      let skipping = try AppraiseRunner.run(arguments + ["--skip-bad-records"])
      #expect(skipping.status == 0, "\(skipping.stderr)")
      let warning = run.error.replacingOccurrences(of: ": error: ", with: ": warning: record skipped: ")
        .replacingOccurrences(of: ": skipped", with: "")
      #expect(skipping.stderr.contains(input + warning), "\(skipping.stderr)")
      #expect(skipping.stdout.contains("1 records"), "\(skipping.stdout)")
      #expect(FileManager.default.fileExists(atPath: output))
    }
  }

  @Test("a problem of many records is printed once with a count and ids; a duplicate id is warned once, counted once")
  func repeatedAndDuplicates() throws {
    let tickets = ((1...5).map { $0 } + [1]).map {
      "{\"id\": \($0), \"type\": \"Incident\", \"status\": 77, \"group_id\": null}"
    }
    try Self.withExport("tickets.json", "{\"tickets\": [\n" + tickets.joined(separator: ",\n") + "]}") {
      input, output in
      let result = try AppraiseRunner.run(["import", "--from", "freshservice", input, "--output", output])
      #expect(result.status == 0, "\(result.stderr)")
      #expect(result.stdout.contains(": 5 records (5 incident)"), "\(result.stdout)")
      #expect(result.stdout.hasSuffix("; 1 duplicate record counted once\n"), "\(result.stdout)")
      let lines = result.stderr.split(separator: "\n").map(String.init)
      #expect(
        lines == [
          "\(input):2:1: warning: unknown ticket status '77' (5 records: INC-1, INC-2, INC-3, …)",
          "\(input):2:1: warning: group_id is null: group 'unassigned' (5 records: INC-1, INC-2, INC-3, …)",
          "\(input):7:1: warning: 1 duplicate record (an id read before in this import) counted once, the first kept: INC-1",
          "import: note: imported evidence is artifacts only; record affirmations (interviews, questionnaires) for IRP: "
            + "their goals stay Not Rated until the units provide both artifacts and affirmations (data coverage)",
        ], "\(result.stderr)")
    }
  }

  @Test("exports without a single record: exit 65, said in the user's terms, nothing written")
  func noRecords() throws {
    let output = Self.temporary("empty.xml")
    defer { try? FileManager.default.removeItem(atPath: output) }
    let groups = Self.fixture("freshservice/groups.json")
    let result = try AppraiseRunner.run(["import", "--from", "freshservice", groups, "--output", output])
    #expect(result.status == 65, "\(result.stderr)")
    #expect(
      result.stderr.contains(
        "import: no record was read from \(groups); expected at least one Freshservice record"),
      "\(result.stderr)")
    #expect(!FileManager.default.fileExists(atPath: output))
  }

  @Test("an export that does not exist: exit 66")
  func missing() throws {
    let output = Self.temporary("x.xml")
    let result = try AppraiseRunner.run([
      "import", "--from", "freshservice", Self.fixture("freshservice/nothing.json"), "--output", output,
    ])
    #expect(result.status == 66, "\(result.stderr)")
    #expect(!FileManager.default.fileExists(atPath: output))
  }

  @Test("--merge into the file it writes keeps that file's evidence, in either syntax", arguments: ["xml", "json"])
  func merge(syntax: String) throws {
    let output = Self.temporary("merged.\(syntax)")
    defer { try? FileManager.default.removeItem(atPath: output) }
    let incidents = try AppraiseRunner.run([
      "import", "--from", "servicenow", Self.fixture("servicenow/incident.xml"), "--skip-bad-records", "--output",
      output,
    ])
    #expect(incidents.status == 0, "\(incidents.stderr)")
    let merged = try AppraiseRunner.run([
      "import", "--from", "servicenow", Self.fixture("servicenow/problem.xml"), "--merge", output, "--output", output,
    ])
    #expect(merged.status == 0, "\(merged.stderr)")
    let written = try String(contentsOfFile: output, encoding: .utf8)
    #expect(written.contains("IMP-servicenow-incident-recorded-service-desk"))
    #expect(written.contains("IMP-servicenow-problem-root-cause-rechenzentrum-münchen"))
    let validated = try AppraiseRunner.run(["validate", output])
    #expect(validated.stdout.contains("53 evidence items"), "\(validated.stdout)")
  }

  @Test("--merge keeps the disclosure facts of the appraisal it merges into")
  func mergeKeepsDisclosure() throws {
    let disclosure = """
        <disclosure startDate="2026-10-26" endDate="2026-11-02" reportStatus="draft">
          <teamLeader name="Dana Whitfield" role="lead appraiser"/>
          <location>Zürich</location>
          <finding processArea="IRP" goal="SG 2">incidents are analysed late</finding>
          <globalFinding>tools are old</globalFinding>
        </disclosure>

      """
    // The sample without its judgments, which the imported units would leave without the values they judge.
    var sample = try String(
      contentsOf: Self.root.appendingPathComponent("fixtures/evidence/sample.xml"), encoding: .utf8)
    let judgments = try #require(sample.range(of: "  <judgments>"))
    sample.replaceSubrange(judgments.lowerBound..<sample.range(of: "</appraisal>")!.lowerBound, with: "")
    sample = sample.replacingOccurrences(of: "  <instantiations>", with: disclosure + "  <instantiations>")
    let output = Self.temporary("merged-disclosure.xml")
    defer { try? FileManager.default.removeItem(atPath: output) }
    try Data(sample.utf8).write(to: URL(fileURLWithPath: output))
    let merged = try AppraiseRunner.run([
      "import", "--from", "servicenow", Self.fixture("servicenow/problem.xml"), "--merge", output, "--output", output,
    ])
    #expect(merged.status == 0, "\(merged.stderr)")
    let written = try String(contentsOfFile: output, encoding: .utf8)
    #expect(written.contains(disclosure), "\(written.prefix(3000))")
    #expect(written.contains("IMP-servicenow-problem-root-cause-rechenzentrum-münchen"))
  }

  /// The sample appraisal without its judgments (which imported units would leave without the values
  /// they judge), written to a scratch file: a hand-made appraisal with the units the team sampled.
  static func handMade() throws -> String {
    var sample = try String(
      contentsOf: Self.root.appendingPathComponent("fixtures/evidence/sample.xml"), encoding: .utf8)
    let judgments = try #require(sample.range(of: "  <judgments>"))
    sample.replaceSubrange(judgments.lowerBound..<sample.range(of: "</appraisal>")!.lowerBound, with: "")
    let path = Self.temporary("hand-made.xml")
    try Data(sample.utf8).write(to: URL(fileURLWithPath: path))
    return path
  }

  @Test("--merge with --map-group counts ITSM groups in the team's units; an unmapped group is added with a warning")
  func mapGroup() throws {
    let output = try Self.handMade()
    defer { try? FileManager.default.removeItem(atPath: output) }
    let merged = try AppraiseRunner.run([
      "import", "--from", "servicenow", Self.fixture("servicenow/problem.xml"), "--merge", output, "--output", output,
      "--map-group", "Service Desk=desk", "--map-group", "Rechenzentrum München=Hosting service",
    ])
    #expect(merged.status == 0, "\(merged.stderr)")
    let written = try String(contentsOfFile: output, encoding: .utf8)
    // The team's two units are kept; the mapped groups' records are counted in them.
    #expect(written.contains("<instantiation id=\"desk\" name=\"Service desk\""))
    #expect(written.contains("IMP-servicenow-problem-root-cause-hosting\""), "\(written)")
    #expect(written.contains("instantiation=\"desk\" indicator="))
    #expect(!written.contains("service-desk") && !written.contains("rechenzentrum"))
    // The group without a mapping is added as before, with a warning naming --map-group.
    #expect(written.contains("<instantiation id=\"réseau-télécom\" name=\"Réseau &amp; Télécom\""))
    #expect(
      merged.stderr.contains(
        "\(output): warning: ITSM group \"Réseau & Télécom\" matches no instantiation of the appraisal (by id or name): "
          + "added as the new unit \"réseau-télécom\"; to count its records in one of the appraisal's units, pass "
          + "--map-group 'Réseau & Télécom=UNIT' or add it to the mapping file's groupMap"), "\(merged.stderr)")
    #expect(merged.stderr.components(separatedBy: "matches no instantiation").count == 2)
  }

  @Test("--map-group naming a unit the appraisal lacks: exit 65, the units named, nothing written")
  func mapGroupUnknownUnit() throws {
    let appraisal = try Self.handMade()
    let output = Self.temporary("out.xml")
    defer { try? FileManager.default.removeItem(atPath: appraisal) }
    let result = try AppraiseRunner.run([
      "import", "--from", "servicenow", Self.fixture("servicenow/problem.xml"), "--merge", appraisal, "--output",
      output, "--map-group", "Service Desk=front office",
    ])
    #expect(result.status == 65, "\(result.stderr)")
    #expect(
      result.stderr.contains(
        "import: group map: \"Service Desk\" maps to \"front office\", which is neither the id nor the name of an "
          + "instantiation of the appraisal merged into; expected one of desk, hosting; nothing was written"),
      "\(result.stderr)")
    #expect(!FileManager.default.fileExists(atPath: output))
  }

  @Test("usage errors: unknown tool, wrong output type, output naming an export, --map-group misused")
  func usage() throws {
    let file = Self.fixture("servicenow/incident.xml")
    for arguments in [
      ["--from", "remedy9", file, "--output", Self.temporary("x.xml")],
      ["--from", "servicenow", file, "--output", Self.temporary("x.csv")],
      ["--from", "servicenow", file, "--output", file],
      // --map-group needs an appraisal to map onto, and GROUP=UNIT.
      ["--from", "servicenow", file, "--output", Self.temporary("x.xml"), "--map-group", "Service Desk=desk"],
      [
        "--from", "servicenow", file, "--output", Self.temporary("x.xml"), "--merge", Self.temporary("m.xml"),
        "--map-group", "Service Desk",
      ],
    ] {
      let result = try AppraiseRunner.run(["import"] + arguments)
      #expect(result.status == 64, "\(arguments): \(result.stderr)")
    }
  }

  @Test("--jira-type imports a service desk run in Jira Software; a malformed entry is a usage error")
  func jiraType() throws {
    let output = Self.temporary("software.xml")
    defer { try? FileManager.default.removeItem(atPath: output) }
    let file = Self.fixture("jira-sm/software-search.json")
    let plain = try AppraiseRunner.run(["import", "--from", "jira-sm", file, "--output", output])
    #expect(plain.status == 65, "\(plain.stderr)")
    #expect(plain.stderr.contains("pass --jira-type 'Outage=incident'"), "\(plain.stderr)")
    let result = try AppraiseRunner.run(
      ["import", "--from", "jira-sm", file, "--output", output]
        + ["--jira-type", "Outage=incident", "--jira-type", "Support Request=service-request"]
        + ["--jira-type", "bug=incident", "--jira-type", "Task=service-request"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("5 records (2 incident, 3 service-request)"), "\(result.stdout)")
    #expect(result.stderr.contains("warning: partial export: the page holds issues 1–6 of the 9"), "\(result.stderr)")
    for entry in ["Outage", "Outage=sla"] {
      let refused = try AppraiseRunner.run(
        ["import", "--from", "jira-sm", file, "--output", output, "--jira-type", entry])
      #expect(refused.status == 64, "\(refused.stderr)")
      #expect(refused.stderr.contains("--jira-type \(entry) is not NAME=KIND"), "\(refused.stderr)")
    }
  }
}
