import AppraisalModel
import Foundation
import TestSupport
import Testing

@testable import EvidenceParsers
@testable import ITSMImport

/// Freshservice normalization (docs/itsm-import.md, "Freshservice").
@Suite("ITSM import: Freshservice")
struct ITSMFreshserviceTests {
  static let all = ["groups.json", "tickets.json", "problems.json", "changes.json", "releases.json"]

  static func record(_ records: [ITSMRecord], _ id: String) throws -> ITSMRecord {
    try #require(records.first { $0.id == id }, "no record \(id)")
  }

  @Test("tickets: prefixed ids, numeric codes, stats dates, SLA records from due_by")
  func tickets() throws {
    let (records, _) = ITSMFixtureTests.records(.freshservice, "freshservice", Self.all)
    let first = try Self.record(records, "INC-42")
    #expect(first.group == "Service Desk" && first.state == .closed && first.fields["priority"] == "Medium")
    #expect(first.fields["opened"] == "2026-01-05" && first.fields["closed"] == "2026-01-08")
    #expect(try Self.record(records, "INC-51").kind == .incident, "ticket_type alias")
    #expect(try Self.record(records, "SR-46").kind == .serviceRequest)
    // Breach: resolved after due_by; else is_escalated; else unknown.
    #expect(try Self.record(records, "INC-43/due_by").fields["breached"] == "true")
    #expect(try Self.record(records, "INC-42/due_by").fields["breached"] == "false")
    #expect(try Self.record(records, "INC-44/due_by").fields["breached"] == "true")
    #expect(try Self.record(records, "INC-51/due_by").fields["breached"] == nil)
    #expect(try Self.record(records, "INC-48/due_by").state == .unknown)
    #expect(try Self.record(records, "INC-45/due_by").state == .inProgress)
    #expect(!records.contains { $0.id == "SR-52/due_by" }, "due_by null")
    #expect(try Self.record(records, "INC-44").group == "Réseau & Télécom")
  }

  @Test("problems, changes, releases: known errors, linked change, approvals, plans, closing date")
  func modules() throws {
    let (records, _) = ITSMFixtureTests.records(.freshservice, "freshservice", Self.all)
    #expect(try Self.record(records, "PRB-8").kind == .knownError)
    let problem = try Self.record(records, "PRB-7")
    #expect(problem.fields["linkedChange"] == "CHN-12")
    #expect(problem.fields["rootCause"] == "Firmware-Fehler im Speicher-Controller.")
    #expect(try Self.record(records, "PRB-11").fields["rootCause"] == nil)
    let change = try Self.record(records, "CHN-12")
    #expect(change.fields["approval"] == "approved" && change.fields["changeType"] == "Major")
    #expect(change.fields["risk"] == "Medium" && change.fields["backoutPlan"] == "Firmware 9.1.4 zurückspielen")
    #expect(try Self.record(records, "CHN-13").fields["approval"] == "requested")
    #expect(try Self.record(records, "CHN-14").fields["approval"] == "rejected")
    #expect(try Self.record(records, "CHN-14").fields["backoutPlan"] == nil)
    #expect(try Self.record(records, "CHN-15").fields["approval"] == "not-required", "4 on a standard change")
    #expect(try Self.record(records, "CHN-16").fields["approval"] == nil, "4 on a minor change")
    let release = try Self.record(records, "REL-3")
    #expect(release.fields["implementationPlan"] == "Build aus Pipeline #812")
    #expect(release.fields["testPlan"] == "Regressionstest + Failover-Test")
    #expect(release.fields["closed"] == "2026-02-01")
    #expect(try Self.record(records, "REL-4").fields["implementationPlan"]?.hasPrefix("Rollout") == true)
    #expect(try Self.record(records, "REL-6").fields["closed"] == nil, "work_end_date only when completed")
    #expect(try Self.record(records, "REL-7").fields["changeType"] == nil)
  }

  @Test("without groups.json, group ids are the groups, each with a warning")
  func withoutGroups() throws {
    let (records, results) = ITSMFixtureTests.records(.freshservice, "freshservice", ["changes.json"])
    #expect(try Self.record(records, "CHN-12").group == "group:1003")
    // One warning per group, with the count and ids of its records (repeated problems are summarised).
    #expect(
      ITSMFixtureTests.messages(results).contains(
        "group_id 1003 has no name (no groups.json in the import): group 'group:1003' (3 records: CHN-12, CHN-16, CHN-17)"
      ))
    #expect(
      ITSMFixtureTests.messages(results).contains(
        "CHN-14: group_id 1002 has no name (no groups.json in the import): group 'group:1002'"))
  }

  @Test("groups.json may come after the records it names")
  func groupsLast() throws {
    let (records, results) = ITSMFixtureTests.records(.freshservice, "freshservice", ["changes.json", "groups.json"])
    #expect(try Self.record(records, "CHN-12").group == "Rechenzentrum München")
    #expect(results.allSatisfy { $0.problems.count <= 1 })
  }

  @Test("--group-by department names groups through departments.json")
  func departments() throws {
    let departments = #"{"departments": [{"id": 5001, "name": "  Zentrale   IT "}]}"#
    let tickets = try String(contentsOf: Golden.url("fixtures/itsm/freshservice/tickets.json"), encoding: .utf8)
    let (records, results) = try ITSMFixtureTests.readTemporary(
      .freshservice, [("departments.json", departments), ("tickets.json", tickets)],
      options: ITSMImportOptions(groupBy: ["department"]))
    #expect(Set(records.map(\.group)) == ["Zentrale IT"])
    #expect(!ITSMFixtureTests.messages(results).contains { $0.contains("department") })
  }

  @Test("ids and the ids records refer by are JSON integers; a string is a record error")
  func idTypes() throws {
    let groups = #"{"groups": [{"id": 1001, "name": "Service Desk"}, {"id": "1002", "name": "Netz"}]}"#
    let tickets = """
      {"tickets": [
        {"id": 42, "type": "Incident", "status": 2, "group_id": 1001},
        {"id": "43", "type": "Incident", "status": 2, "group_id": 1001},
        {"id": 44, "type": "Incident", "status": 2, "group_id": "1001"},
        {"id": 45.5, "type": "Incident", "status": 2}
      ]}
      """
    let problems = #"{"problems": [{"id": 7, "status": 1, "group_id": 1001, "associated_change": "12"}]}"#
    let (records, results) = try ITSMFixtureTests.readTemporary(
      .freshservice, [("groups.json", groups), ("tickets.json", tickets), ("problems.json", problems)])
    #expect(records.map(\.id) == ["INC-42"])
    #expect(records.first?.group == "Service Desk")
    #expect(
      ITSMFixtureTests.locatedErrors(results) == [
        "1:51: group id is the string \"1002\"; expected a number: skipped",
        "3:3: ticket id is the string \"43\"; expected a number: skipped",
        "4:3: ticket group_id is the string \"1001\"; expected a number: skipped",
        "5:3: ticket id is the number 45.5; expected an integer: skipped",
        "1:15: problem associated_change is the string \"12\"; expected a number: skipped",
      ])
  }

  @Test("an id read twice is counted once, with one warning counting the repeats (the check every tool has)")
  func repeatedIDs() throws {
    let (records, results) = ITSMFixtureTests.records(
      .freshservice, "freshservice", ["groups.json", "tickets-duplicates.json"])
    #expect(records.map(\.id) == ["INC-61", "INC-62", "INC-63"])
    #expect(try Self.record(records, "INC-62").state == .onHold, "the first record with the id is kept")
    #expect(results[1].recordCount == 3 && results[1].recordErrorCount == 0)
    #expect(
      ITSMFixtureTests.messages(results) == [
        "3 duplicate records (an id read before in this import) counted once, the first kept: INC-61, INC-62"
      ])
  }

  @Test("the same ticket in two files (overlapping pages) is counted once; the warning is in the later file")
  func repeatedAcrossFiles() throws {
    let page = { (ids: [Int]) in
      #"{"tickets": ["#
        + ids.map { #"{"id": \#($0), "type": "Incident", "status": 2, "group_id": 1001}"# }.joined(separator: ",")
        + "]}"
    }
    let (records, results) = try ITSMFixtureTests.readTemporary(
      .freshservice, [("page1.json", page([1, 2, 3])), ("page2.json", page([3, 4, 5, 6, 7, 8]))])
    #expect(records.map(\.id) == ["INC-1", "INC-2", "INC-3", "INC-4", "INC-5", "INC-6", "INC-7", "INC-8"])
    #expect(results[0].problems.filter { $0.message.contains("read before") }.isEmpty)
    #expect(
      results[1].problems.filter { $0.message.contains("read before") }.map(\.message) == [
        "1 duplicate record (an id read before in this import) counted once, the first kept: INC-3"
      ])
    // A problem and a ticket with the same number are different records.
    let (both, _) = try ITSMFixtureTests.readTemporary(
      .freshservice,
      [
        ("tickets.json", page([9])),
        ("problems.json", #"{"problems": [{"id": 9, "status": 1, "group_id": 1001}]}"#),
      ])
    #expect(both.map(\.id) == ["INC-9", "PRB-9"])
  }
}
