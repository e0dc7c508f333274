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
}
