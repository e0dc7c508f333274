import AppraisalModel
import Foundation
import Testing

@testable import EvidenceParsers
@testable import ITSMImport

/// ManageEngine ServiceDesk Plus normalization (docs/itsm-import.md, "ManageEngine ServiceDesk Plus").
@Suite("ITSM import: ManageEngine ServiceDesk Plus")
struct ITSMManageEngineTests {
  static func record(_ records: [ITSMRecord], _ id: String) throws -> ITSMRecord {
    try #require(records.first { $0.id == id }, "no record \(id)")
  }

  @Test("requests: kind from is_service_request or request_type, epoch dates, HTML resolution, SLA records")
  func requests() throws {
    let (records, results) = ITSMFixtureTests.records(.manageengine, "manageengine", ["requests.json"])
    let first = try Self.record(records, "101")
    #expect(first.kind == .incident && first.group == "Service Desk" && first.state == .closed)
    #expect(first.fields["opened"] == "2026-01-05" && first.fields["resolved"] == "2026-01-05")
    #expect(first.fields["closed"] == "2026-01-08")
    #expect(first.fields["resolution"] == "VPN-Profil neu verteilt.")
    #expect(first.fields["priority"] == "Medium" && first.fields["category"] == "Network")
    #expect(try Self.record(records, "110").kind == .serviceRequest, "request_type without is_service_request")
    let sla = try Self.record(records, "103/Urgent SLA")
    #expect(sla.kind == .sla && sla.state == .inProgress && sla.fields["breached"] == "true")
    #expect(sla.group == "Rechenzentrum München" && sla.fields["slaName"] == "Urgent SLA")
    #expect(try Self.record(records, "101/High SLA").state == .closed)
    #expect(try Self.record(records, "111").fields["opened"] == nil)
    #expect(
      ITSMFixtureTests.messages(results).contains(
        "111: created_time has no value (epoch milliseconds): opened left out"))
    #expect(ITSMFixtureTests.messages(results, .error) == ["request without display_id and id: skipped"])
  }

  @Test("problems: root cause and workaround as strings or objects, known errors")
  func problems() throws {
    let (records, _) = ITSMFixtureTests.records(.manageengine, "manageengine", ["problems.json"])
    let first = try Self.record(records, "201")
    #expect(first.fields["rootCause"] == "Firmware-Fehler im Speicher-Controller.")
    #expect(first.fields["workaround"] == "Controller B manuell als primär setzen.")
    #expect(first.fields["closed"] == "2026-01-27")
    #expect(try Self.record(records, "202").fields["workaround"] == "Profil neu anlegen.")
    #expect(try Self.record(records, "203").kind == .knownError)
    #expect(try Self.record(records, "204").fields["rootCause"] == nil, "empty root cause")
  }

  @Test("changes: plans from objects (HTML removed), approvals, type and risk")
  func changes() throws {
    let (records, _) = ITSMFixtureTests.records(.manageengine, "manageengine", ["changes.json"])
    let first = try Self.record(records, "301")
    #expect(first.fields["implementationPlan"] == "Controller B\nFailover\nController A")
    #expect(first.fields["backoutPlan"] == "Firmware 9.1.4 zurückspielen.")
    #expect(first.fields["approval"] == "approved" && first.fields["changeType"] == "Major")
    #expect(first.fields["risk"] == "Medium" && first.fields["resolved"] == "2026-01-21")
    #expect(try Self.record(records, "303").fields["backoutPlan"] == nil, "empty back-out plan")
    #expect(try Self.record(records, "303").fields["approval"] == "rejected")
    #expect(try Self.record(records, "304").fields["approval"] == "requested")
    #expect(try Self.record(records, "302").fields["approval"] == nil)
  }

  @Test("changes without status: the stage decides")
  func stage() throws {
    let json = """
      {"response_status": {"status_code": 2000, "status": "success"},
       "changes": [{"id": "9", "stage": {"name": "Review"}, "group": {"name": "CAB"}},
                   {"id": "10", "status": null, "stage": {"name": "Close"}, "group": {"name": "CAB"}}]}
      """
    let (records, results) = try ITSMFixtureTests.readTemporary(.manageengine, [("changes.json", json)])
    #expect(records.map(\.state) == [.resolved, .closed])
    #expect(results[0].problems.isEmpty)
  }

  @Test("a response_status other than 2000 rejects the file")
  func failedResponse() throws {
    let json = """
      {"response_status": [{"status_code": 4001, "status": "failed"}], "requests": [{"id": "1"}]}
      """
    let (records, results) = try ITSMFixtureTests.readTemporary(.manageengine, [("requests.json", json)])
    #expect(records.isEmpty)
    #expect(results[0].failure?.problems.first?.message.hasPrefix("response_status 4001 (failed)") == true)
  }

  @Test("--group-by site")
  func groupBySite() throws {
    let (records, _) = ITSMFixtureTests.records(
      .manageengine, "manageengine", ["requests.json"], options: ITSMImportOptions(groupBy: ["site"]))
    #expect(Set(records.map(\.group)) == ["Zentrale"])
  }

  @Test("ids as strings or numbers are read; any other JSON type is a record error")
  func idTypes() throws {
    let json = """
      {"response_status": {"status_code": 2000}, "requests": [
        {"id": "1000000000101", "display_id": "101", "status": {"name": "Open"}},
        {"id": 1000000000102, "display_id": 102, "status": {"name": "Open"}},
        {"id": "1000000000103", "display_id": true, "status": {"name": "Open"}},
        {"id": {"value": "1000000000104"}, "status": {"name": "Open"}}
      ]}
      """
    let (records, results) = try ITSMFixtureTests.readTemporary(.manageengine, [("requests.json", json)])
    #expect(records.map(\.id) == ["101", "102"])
    #expect(
      ITSMFixtureTests.locatedErrors(results) == [
        "4:3: request display_id is the boolean true; expected a string or a number: skipped",
        "5:3: request id is an object; expected a string or a number: skipped",
      ])
  }

  @Test("a single-record response ({\"request\": {…}}) is read as one request")
  func singleRecord() throws {
    let (records, results) = ITSMFixtureTests.records(.manageengine, "manageengine", ["request-single.json"])
    #expect(results[0].failure == nil && results[0].problems.isEmpty)
    #expect(records.map(\.id) == ["120", "120/Medium SLA"])
    let request = try Self.record(records, "120")
    #expect(request.kind == .incident && request.state == .resolved && request.group == "Service Desk")
    #expect(request.fields["opened"] == "2026-02-16" && request.fields["resolved"] == "2026-02-16")
    #expect(request.fields["resolution"] == "Berechtigung über Gruppe P-Lesen erteilt.")
    #expect(request.fields["priority"] == "Medium" && request.fields["category"] == "Zugriff")
  }

  @Test("single problem and change responses, and a failed single-record response")
  func singleProblemAndChange() throws {
    let problem = """
      {"problem": {"id": "207", "status": {"name": "Open"}, "group": {"name": "RZ"}},
       "response_status": {"status_code": 2000, "status": "success"}}
      """
    let change = """
      {"change": {"id": "308", "display_id": "CH-308", "status": {"name": "Completed"}, "group": {"name": "CAB"}},
       "response_status": {"status_code": 2000, "status": "success"}}
      """
    let (records, results) = try ITSMFixtureTests.readTemporary(
      .manageengine, [("problem.json", problem), ("change.json", change)])
    #expect(records.map(\.kind) == [.problem, .change] && records.map(\.id) == ["207", "CH-308"])
    #expect(results.allSatisfy { $0.problems.isEmpty })
    let failed = """
      {"request": {"id": "1"}, "response_status": {"status_code": 4000, "status": "failed"}}
      """
    let (none, rejected) = try ITSMFixtureTests.readTemporary(.manageengine, [("request.json", failed)])
    #expect(none.isEmpty)
    #expect(rejected[0].failure?.problems.first?.message.hasPrefix("response_status 4000 (failed)") == true)
  }

  @Test("has_more_rows: one warning per file naming the page and where the next starts")
  func morePages() throws {
    let (records, results) = ITSMFixtureTests.records(.manageengine, "manageengine", ["requests-page.json"])
    #expect(records.map(\.id) == ["121", "122", "123"])
    #expect(records.map(\.kind) == [.incident, .serviceRequest, .incident])
    #expect(records.map(\.state) == [.new, .onHold, .closed])
    #expect(
      ITSMFixtureTests.messages(results).filter { $0.contains("has_more_rows") } == [
        "list_info.has_more_rows is true: this file is one page (rows 1–3, start_index 1, row_count 3) of a "
          + "longer list and only its records are imported; fetch the further pages from start_index 4 and "
          + "import them together"
      ])
    // A default list response has no priority, category, resolution, SLA or closing dates.
    #expect(records.allSatisfy { $0.fields["priority"] == nil && $0.fields["closed"] == nil })
    #expect(records.allSatisfy { $0.kind != .sla })
    // The last page says nothing.
    let last = """
      {"response_status": [{"status_code": 2000}], "list_info": {"has_more_rows": false, "start_index": 4,
       "row_count": 1}, "requests": [{"id": "9", "display_id": "9", "status": {"name": "Open"},
       "group": {"name": "SD"}}]}
      """
    let (_, quiet) = try ITSMFixtureTests.readTemporary(.manageengine, [("requests.json", last)])
    #expect(quiet[0].problems.isEmpty)
  }
}
