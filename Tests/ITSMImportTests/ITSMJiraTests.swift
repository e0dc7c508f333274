import AppraisalModel
import Foundation
import TestSupport
import Testing

@testable import EvidenceParsers
@testable import ITSMImport

/// Jira Service Management normalization (docs/itsm-import.md, "Jira Service Management").
@Suite("ITSM import: Jira Service Management")
struct ITSMJiraTests {
  static func record(_ records: [ITSMRecord], _ id: String) throws -> ITSMRecord {
    try #require(records.first { $0.id == id }, "no record \(id)")
  }

  @Test("search JSON: kinds, project key groups, resolution, request type, dates in UTC")
  func search() throws {
    let (records, _) = ITSMFixtureTests.records(.jiraSM, "jira-sm", ["search.json"])
    let first = try Self.record(records, "ITSM-101")
    #expect(first.kind == .incident && first.state == .resolved && first.group == "ITSM")
    #expect(first.fields["resolution"] == "Done" && first.fields["priority"] == "High")
    #expect(first.fields["category"] == "Störung melden")
    #expect(first.fields["opened"] == "2026-01-12" && first.fields["resolved"] == "2026-01-12")
    #expect(try Self.record(records, "ITSM-102").fields["resolution"] == nil)
    #expect(try Self.record(records, "ITSM-104").kind == .serviceRequest)
    #expect(try Self.record(records, "ITSM-105").kind == .serviceRequest)
  }

  @Test("the continuity-test label comes before the issue type; its name is an option")
  func continuityLabel() throws {
    let (records, _) = ITSMFixtureTests.records(.jiraSM, "jira-sm", ["search.json"])
    #expect(try Self.record(records, "NETZ-9").kind == .continuityTest)
    let (other, results) = ITSMFixtureTests.records(
      .jiraSM, "jira-sm", ["search.json"], options: ITSMImportOptions(continuityLabel: "notfalltest"))
    #expect(!other.contains { $0.id == "NETZ-9" })
    #expect(
      ITSMFixtureTests.messages(results).contains(
        "NETZ-9: issue type 'Task' is not an ITSM record type: skipped "
          + "(to import it, pass --jira-type 'Task=incident' or problem, change, service-request)"))
  }

  @Test("SLA fields become sla records: completed, ongoing breached, paused")
  func slas() throws {
    let (records, _) = ITSMFixtureTests.records(.jiraSM, "jira-sm", ["search.json"])
    let slas = records.filter { $0.kind == .sla }
    #expect(
      slas.map(\.id) == [
        "ITSM-101/Time to resolution", "ITSM-101/Time to first response", "ITSM-102/Time to resolution",
        "NETZ-8/Time to resolution",
      ])
    let ongoing = try Self.record(slas, "ITSM-102/Time to resolution")
    #expect(ongoing.state == .inProgress && ongoing.fields["breached"] == "true")
    let paused = try Self.record(slas, "NETZ-8/Time to resolution")
    #expect(paused.state == .onHold && paused.fields["breached"] == "true" && paused.group == "NETZ")
    let done = try Self.record(slas, "ITSM-101/Time to first response")
    #expect(done.state == .closed && done.fields["breached"] == "false")
    #expect(done.fields["slaName"] == "Time to first response")
  }

  @Test("approvals, custom fields by name, links")
  func fields() throws {
    let (records, _) = ITSMFixtureTests.records(.jiraSM, "jira-sm", ["search.json"])
    let change = try Self.record(records, "ITSM-130")
    #expect(change.fields["approval"] == "approved")
    #expect(change.fields["changeType"] == "Normal" && change.fields["risk"] == "Low")
    #expect(change.fields["backoutPlan"] == "Firmware 9.1.4 zurückspielen")
    #expect(change.fields["implementationPlan"] != nil && change.fields["testPlan"] == "Failover-Test")
    #expect(try Self.record(records, "ITSM-131").fields["approval"] == "requested")
    #expect(try Self.record(records, "ITSM-132").fields["approval"] == "rejected")
    #expect(try Self.record(records, "ITSM-105").fields["approval"] == "approved")
    let problem = try Self.record(records, "ITSM-120")
    #expect(problem.fields["rootCause"] == "Firmware-Fehler im Speicher-Controller")
    #expect(problem.fields["workaround"] == "Controller B manuell als primär setzen")
    #expect(try Self.record(records, "ITSM-103").fields["linkedProblem"] == "ITSM-120")
    #expect(try Self.record(records, "ITSM-121").fields["linkedChange"] == "ITSM-130")
  }

  @Test("--jira-field overrides: a custom field id by normalized or Jira name")
  func fieldOverride() throws {
    let (records, _) = ITSMFixtureTests.records(
      .jiraSM, "jira-sm", ["search.json"],
      options: ITSMImportOptions(jiraFields: ["testPlan": "customfield_10053", "Root cause": "customfield_10041"]))
    #expect(try Self.record(records, "ITSM-130").fields["testPlan"] == "Controller nacheinander aktualisieren")
  }

  @Test("XML export: status category sibling and child, links, custom fields, Unresolved")
  func xml() throws {
    let (records, _) = ITSMFixtureTests.records(.jiraSM, "jira-sm", ["issues.xml"])
    let first = try Self.record(records, "SD-1")
    #expect(first.state == .resolved && first.fields["linkedProblem"] == "SD-3")
    #expect(first.fields["opened"] == "2026-01-12" && first.fields["resolved"] == "2026-01-12")
    let cloud = try Self.record(records, "SD-2")
    #expect(cloud.state == .inProgress && cloud.fields["resolution"] == nil)
    let problem = try Self.record(records, "SD-3")
    #expect(problem.fields["rootCause"] == "Netzteile der Serie 2019 fehlerhaft (Kondensatoren)")
    #expect(problem.fields["workaround"] == "Redundantes Netzteil aktivieren")
    let change = try Self.record(records, "SD-4")
    #expect(change.fields["changeType"] == "Normal" && change.fields["risk"] == "Medium")
    #expect(change.fields["backoutPlan"] != nil)
    #expect(try Self.record(records, "OPS-1").group == "OPS")
    #expect(!records.contains { $0.kind == .sla })
  }

  @Test("--group-by component: the first component, else unassigned with a warning")
  func groupByComponent() throws {
    let options = ITSMImportOptions(groupBy: ["component"])
    let (xml, _) = ITSMFixtureTests.records(.jiraSM, "jira-sm", ["issues.xml"], options: options)
    #expect(try Self.record(xml, "OPS-1").group == "Datenbanken")
    #expect(try Self.record(xml, "SD-1").group == "unassigned")
    let (json, results) = ITSMFixtureTests.records(.jiraSM, "jira-sm", ["search.json"], options: options)
    #expect(try Self.record(json, "NETZ-8").group == "Rechenzentrum")
    #expect(try Self.record(json, "NETZ-8/Time to resolution").group == "Rechenzentrum")
    // One warning for the ten issues without a component (repeated problems are summarised).
    #expect(
      ITSMFixtureTests.messages(results).contains(
        "no component: group 'unassigned' (10 records: ITSM-101, ITSM-102, ITSM-103, …)"))
  }

  @Test("REST API v3: Atlassian document text in custom fields, nextPageToken paging")
  func apiV3() throws {
    let json = """
      {"isLast": true, "nextPageToken": "x", "names": {"customfield_1": "Root cause"},
       "issues": [{"key": "P-1", "fields": {"issuetype": {"name": "Problem"}, "status": {"name": "Open"},
         "project": {"key": "P"}, "customfield_1": {"type": "doc", "version": 1, "content": [
           {"type": "paragraph", "content": [{"type": "text", "text": "Kabel"}, {"type": "text", "text": "defekt"}]}]}}}]}
      """
    let (records, results) = try ITSMFixtureTests.readTemporary(.jiraSM, [("page.json", json)])
    #expect(results[0].problems.isEmpty)
    #expect(records.first?.fields["rootCause"] == "Kabel defekt" && records.first?.state == .new)
  }

  @Test("search JSON: a key that is not a string is a record error naming field, value and type")
  func keyTypes() throws {
    let json = """
      {"issues": [
        {"key": "SD-1", "fields": {"issuetype": {"name": "Incident"}, "project": {"key": "SD"}}},
        {"key": 101, "fields": {"issuetype": {"name": "Incident"}, "project": {"key": "SD"}}},
        {"key": "SD-3", "fields": {"issuetype": {"name": "Incident"}, "project": {"key": 10000}}},
        {"key": "SD-4", "fields": {"issuetype": {"name": "Incident"}, "project": {"key": "SD"},
          "issuelinks": [{"type": {"name": "Problem/Incident"}, "inwardIssue": {"key": 5}}]}}
      ]}
      """
    let (records, results) = try ITSMFixtureTests.readTemporary(.jiraSM, [("search.json", json)])
    #expect(records.map(\.id) == ["SD-1"])
    #expect(
      ITSMFixtureTests.locatedErrors(results) == [
        "3:3: issue key is the number 101; expected a string: skipped",
        "4:3: issue fields.project.key is the number 10000; expected a string: skipped",
        "5:3: issue fields.issuelinks[].inwardIssue.key is the number 5; expected a string: skipped",
      ])
  }

  /// The type map of fixtures/itsm/jira-sm/software-search.json (a service desk run in Jira Software).
  static let softwareTypes: [String: ITSMRecord.Kind] = [
    "Outage": .incident, "Support Request": .serviceRequest, "Bug": .incident, "Task": .serviceRequest,
  ]

  @Test("Jira Software types: skipped with a hint naming --jira-type, imported through the type map")
  func typeMap() throws {
    let (none, plain) = ITSMFixtureTests.records(.jiraSM, "jira-sm", ["software-search.json"])
    #expect(none.isEmpty)
    #expect(
      ITSMFixtureTests.messages(plain).contains(
        "issue type 'Support Request' is not an ITSM record type: skipped "
          + "(to import it, pass --jira-type 'Support Request=incident' or problem, change, service-request) "
          + "(2 records: HD-2, HD-5)"))
    let (records, results) = ITSMFixtureTests.records(
      .jiraSM, "jira-sm", ["software-search.json"], options: ITSMImportOptions(jiraTypes: Self.softwareTypes))
    #expect(records.map(\.id) == ["HD-1", "HD-2", "HD-3", "HD-4", "HD-5"])
    #expect(records.map(\.kind) == [.incident, .serviceRequest, .incident, .serviceRequest, .serviceRequest])
    #expect(ITSMFixtureTests.messages(results).contains { $0.hasPrefix("HD-6: issue type 'Epic'") })
    // Names are matched without case; the map comes before the built-in names.
    let (mapped, _) = ITSMFixtureTests.records(
      .jiraSM, "jira-sm", ["search.json"], options: ITSMImportOptions(jiraTypes: ["bug": .problem, "FAULT": .change]))
    #expect(try Self.record(mapped, "NETZ-10").kind == .problem)
  }

  @Test("closed date: resolutiondate, else the changelog's transition to the Done-category status")
  func closedDate() throws {
    let (records, _) = ITSMFixtureTests.records(
      .jiraSM, "jira-sm", ["software-search.json"], options: ITSMImportOptions(jiraTypes: Self.softwareTypes))
    let outage = try Self.record(records, "HD-1")
    #expect(
      outage.state == .closed && outage.fields["resolved"] == "2026-02-02" && outage.fields["closed"] == "2026-02-02")
    let task = try Self.record(records, "HD-4")
    #expect(task.state == .closed && task.fields["resolved"] == nil && task.fields["closed"] == "2026-02-06")
    let open = try Self.record(records, "HD-5")
    #expect(open.state == .inProgress && open.fields["closed"] == nil)
    // Newest first (as some clients write it): the latest transition to the current status still wins.
    let json = """
      {"issues": [{"key": "P-1", "fields": {"issuetype": {"name": "Incident"}, "project": {"key": "P"},
        "status": {"name": "Closed", "statusCategory": {"key": "done"}}, "resolutiondate": null},
       "changelog": {"histories": [
         {"created": "2026-03-05T09:00:00.000+0000", "items": [{"field": "status", "toString": "Closed"}]},
         {"created": "2026-03-04T09:00:00.000+0000", "items": [{"field": "status", "toString": "Reopened"}]},
         {"created": "2026-03-02T09:00:00.000+0000", "items": [{"field": "status", "toString": "Closed"}]},
         {"created": "2026-03-06T09:00:00.000+0000", "items": [{"field": "assignee", "toString": "Closed"}]}]}}]}
      """
    let (reversed, _) = try ITSMFixtureTests.readTemporary(.jiraSM, [("search.json", json)])
    #expect(reversed.first?.fields["closed"] == "2026-03-05")
    // The search and XML fixtures: done issues are closed on their resolution date.
    let (xml, _) = ITSMFixtureTests.records(.jiraSM, "jira-sm", ["issues.xml"])
    #expect(try Self.record(xml, "SD-1").fields["closed"] == "2026-01-12")
    #expect(try Self.record(xml, "SD-2").fields["closed"] == nil)
  }

  @Test("Won't Do, Duplicate, Cannot Reproduce: cancelled, no resolved date, the resolution kept")
  func unfixed() throws {
    let (records, _) = ITSMFixtureTests.records(
      .jiraSM, "jira-sm", ["software-search.json", "partial-export.xml"],
      options: ITSMImportOptions(jiraTypes: Self.softwareTypes))
    for (id, resolution, closed) in [
      ("HD-2", "Won't Do", "2026-02-04"), ("HD-3", "Cannot Reproduce", "2026-02-09"),
      ("SUP-171574", "Duplicate", "2026-03-02"),
    ] {
      let record = try Self.record(records, id)
      #expect(record.state == .cancelled, "\(id)")
      #expect(record.fields["resolution"] == resolution && record.fields["resolved"] == nil, "\(id)")
      #expect(record.fields["closed"] == closed, "\(id)")
    }
    let done = try Self.record(records, "SUP-171573")
    #expect(done.state == .closed && done.fields["resolved"] == "2026-03-02")
    // Not evidence of resolved incidents: only the fixed incident HD-1 meets incident-resolved.
    let mapping = try ImportMappingReader.read(
      path: BundledCatalog.path("mappings/itsm-cmmi-svc-1.3.json")!, catalog: BundledCatalog.load())
    let resolvedRule = try #require(mapping.rules.first { $0.id == "incident-resolved" })
    #expect(records.filter(resolvedRule.matches).map(\.id) == ["HD-1"])
  }

  @Test("partial exports warned once per file: RSS issue total, REST total, isLast false")
  func partial() throws {
    let (_, results) = ITSMFixtureTests.records(
      .jiraSM, "jira-sm", ["software-search.json", "partial-export.xml"],
      options: ITSMImportOptions(jiraTypes: Self.softwareTypes))
    let rest = results[0].problems.filter { $0.message.hasPrefix("partial export") }
    #expect(rest.count == 1)
    #expect(
      rest.first?.message.hasPrefix("partial export: the page holds issues 1–6 of the 9 the search found") == true)
    let rss = results[1].problems.filter { $0.message.hasPrefix("partial export") }
    #expect(rss.map(\.message).first?.hasPrefix("partial export: the file holds issues 1–3 of the 171574") == true)
    #expect(rss.first?.location?.line == 10)
    // Complete exports: no warning.
    let (_, complete) = ITSMFixtureTests.records(.jiraSM, "jira-sm", ["search.json", "issues.xml"])
    #expect(!complete.flatMap(\.problems).contains { $0.message.hasPrefix("partial export") })
    let page = """
      {"isLast": false, "nextPageToken": "CAEaAggD", "issues": [
        {"key": "P-1", "fields": {"issuetype": {"name": "Incident"}, "status": {"name": "Open"}, "project": {"key": "P"}}}]}
      """
    let (records, paged) = try ITSMFixtureTests.readTemporary(.jiraSM, [("page.json", page)])
    #expect(records.count == 1)
    #expect(ITSMFixtureTests.messages(paged).first?.hasPrefix("partial export: \"isLast\" is false") == true)
  }

  @Test(
    "--jira-type entries: NAME=KIND with one of the four kinds",
    arguments: [
      ("Support Request=service-request", "Support Request", ITSMRecord.Kind.serviceRequest),
      ("Outage = incident", "Outage", .incident), ("Bug=problem", "Bug", .problem), ("RFC=change", "RFC", .change),
    ])
  func jiraTypeOption(text: String, name: String, kind: ITSMRecord.Kind) {
    let parsed = ITSMImportOptions.jiraType(text)
    #expect(parsed?.0 == name && parsed?.1 == kind)
  }

  @Test(
    "--jira-type entries refused", arguments: ["Bug", "Bug=sla", "=incident", "Bug=Incident", "Bug=continuity-test"])
  func jiraTypeRefused(text: String) {
    #expect(ITSMImportOptions.jiraType(text) == nil)
  }

  @Test("the mapping file's jiraIssueTypes reach the reader; --jira-type comes first")
  func mappingTable() throws {
    let text = """
      {"formatVersion": 1, "model": "CMMI-SVC", "modelVersion": "1.3", "title": "t", "rules": [],
       "jiraIssueTypes": {"Outage": "incident", "Support Request": "service-request", "Task": "change"}}
      """
    let catalog = try BundledCatalog.load()
    let mapping = try ImportMappingReader.read(bytes: Array(text.utf8), file: "rules.json", catalog: catalog)
    #expect(mapping.jiraIssueTypes == ["Outage": .incident, "Support Request": .serviceRequest, "Task": .change])
    let file = Golden.url("fixtures/itsm/jira-sm/software-search.json").path
    let request = ITSMImportRequest(
      tool: .jiraSM, files: [file], options: ITSMImportOptions(jiraTypes: ["task": .serviceRequest]))
    let imported = try ITSMImportPipeline.read(request, mapping: mapping) { _ in }
    #expect(imported.importer.recordsByKind == [.incident: 1, .serviceRequest: 3])
  }

  @Test("a jiraIssueTypes entry of another kind is a located mapping error")
  func mappingTableRefused() throws {
    let text = """
      {"formatVersion": 1, "model": "CMMI-SVC", "modelVersion": "1.3", "title": "t", "rules": [],
       "jiraIssueTypes": {"Outage": "sla", "Bug": 3}}
      """
    do {
      _ = try ImportMappingReader.read(bytes: Array(text.utf8), file: "rules.json", catalog: BundledCatalog.load())
      Issue.record("accepted")
    } catch {
      let lines = error.problems.map(\.description)
      #expect(lines.count == 2, "\(lines)")
      #expect(lines.contains { $0.contains("issue type \"Outage\" maps to \"sla\"; expected one of \"incident\"") })
      #expect(lines.contains { $0.contains("issue type \"Bug\" maps to the number 3") })
    }
  }
}
