import AppraisalModel
import Foundation
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
      ITSMFixtureTests.messages(results).contains("NETZ-9: issue type 'Task' is not an ITSM record type: skipped"))
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
}
