import AppraisalModel
import Foundation
import Testing

@testable import EvidenceParsers
@testable import ITSMImport

/// BMC Helix ITSM / Remedy normalization (docs/itsm-import.md, "BMC Helix ITSM / Remedy").
@Suite("ITSM import: BMC Helix ITSM")
struct ITSMBMCHelixTests {
  static func record(_ records: [ITSMRecord], _ id: String) throws -> ITSMRecord {
    try #require(records.first { $0.id == id }, "no record \(id)")
  }

  @Test("incidents CSV: BOM, CRLF, quoted multi-line cell, US dates, service type")
  func incidents() throws {
    let (records, results) = ITSMFixtureTests.records(.bmcHelix, "bmc-helix", ["incidents.csv"])
    let first = try Self.record(records, "INC000000000101")
    #expect(first.kind == .incident && first.state == .resolved && first.group == "Service Desk")
    #expect(first.fields["service"] == "Filialnetz" && first.fields["category"] == "Network")
    #expect(first.fields["opened"] == "2026-01-05" && first.fields["resolved"] == "2026-01-05")
    let multiline = try Self.record(records, "INC000000000102")
    #expect(
      multiline.fields["resolution"]
        == "Lüfter im Rack \"B12\" getauscht,\nTemperatur wieder normal; Ursache siehe PBI000000000201.")
    #expect(multiline.fields["closed"] == "2026-01-10")
    #expect(try Self.record(records, "INC000000000105").fields["opened"] == "2026-01-22", "US date")
    #expect(try Self.record(records, "INC000000000112").kind == .serviceRequest)
    #expect(ITSMFixtureTests.messages(results, .error) == ["row without Incident Number: skipped"])
    #expect(results[0].problems.first { $0.severity == .error }?.location?.line == 13)
  }

  @Test("problems REST JSON: entries' values, nulls, workaround, Implemented Solution, no root-cause field")
  func problems() throws {
    let (records, _) = ITSMFixtureTests.records(.bmcHelix, "bmc-helix", ["problems.json"])
    let first = try Self.record(records, "PBI000000000201")
    #expect(first.kind == .problem && first.state == .resolved && first.group == "Rechenzentrum München")
    #expect(first.fields["workaround"] == "Redundanten Lüfter aktivieren.")
    #expect(first.fields["resolution"] == "Lüfter der Charge 2019 getauscht.")
    #expect(records.allSatisfy { $0.fields["rootCause"] == nil })
    #expect(first.fields["resolved"] == "2026-01-25" && first.fields["service"] == nil)
  }

  @Test("changes CSV: explicit and derived approvals, plans as attachment names, coordinator group")
  func changes() throws {
    let (records, _) = ITSMFixtureTests.records(.bmcHelix, "bmc-helix", ["changes.csv"])
    let approvals = Dictionary(uniqueKeysWithValues: records.map { ($0.id, $0.fields["approval"] ?? "-") })
    #expect(
      approvals == [
        "CRQ000000000301": "approved", "CRQ000000000302": "approved", "CRQ000000000303": "requested",
        "CRQ000000000304": "rejected", "CRQ000000000305": "not-required", "CRQ000000000306": "-",
        "CRQ000000000307": "-", "CRQ000000000308": "approved",
      ])
    let first = try Self.record(records, "CRQ000000000301")
    #expect(first.fields["implementationPlan"] == "install-CRQ301.docx")
    #expect(first.fields["testPlan"] == "test-CRQ301.docx" && first.fields["risk"] == "Risk Level 3")
    #expect(first.fields["changeType"] == "Normal" && first.fields["closed"] == "2026-01-23")
  }

  @Test("REST entries flattened with a values. prefix, and known errors")
  func flattened() throws {
    let json = """
      {"entries": [{"values.Known Error ID": "PKE1", "values.Known Error Status": "Corrected",
                    "values.Assigned Group": "Service Desk", "values.Resolution": "Patch"},
                   {"values": {"Known Error ID": null, "Known Error Status": "Closed"}}]}
      """
    let (records, results) = try ITSMFixtureTests.readTemporary(.bmcHelix, [("known.json", json)])
    #expect(records.count == 1)
    let known = try Self.record(records, "PKE1")
    #expect(known.kind == .knownError && known.state == .resolved && known.group == "Service Desk")
    #expect(known.fields["resolution"] == "Patch")
    #expect(ITSMFixtureTests.messages(results, .error) == ["entry without Known Error ID: skipped"])
  }

  @Test("a CSV without an id column is rejected at its header")
  func noForm() throws {
    let (records, results) = try ITSMFixtureTests.readTemporary(.bmcHelix, [("x.csv", "Name,Status\na,New\n")])
    #expect(records.isEmpty)
    #expect(results[0].failure?.problems.first?.location?.line == 1)
  }

  @Test("a CSV that breaks after good rows (unterminated quote) gives none of its rows")
  func brokenAfterRows() throws {
    let csv = "Incident Number,Status,Assigned Group\nINC1,New,Service Desk\nINC2,\"Closed,Service Desk\n"
    let (records, results) = try ITSMFixtureTests.readTemporary(.bmcHelix, [("broken.csv", csv)])
    #expect(records.isEmpty)
    #expect(results[0].failure?.problems.first?.location?.line == 3)
  }

  @Test("--group-by service groups by ServiceCI")
  func groupByService() throws {
    let (records, _) = ITSMFixtureTests.records(
      .bmcHelix, "bmc-helix", ["incidents.csv"], options: ITSMImportOptions(groupBy: ["service"]))
    #expect(try Self.record(records, "INC000000000101").group == "Filialnetz")
    #expect(try Self.record(records, "INC000000000102").group == "unassigned")
  }

  @Test("REST entries: an id field that is not a string is a record error")
  func idTypes() throws {
    let json = """
      {"entries": [
        {"values": {"Incident Number": "INC000000000101", "Status": "New", "Assigned Group": "Service Desk"}},
        {"values": {"Incident Number": 102, "Status": "New", "Assigned Group": "Service Desk"}}
      ]}
      """
    let (records, results) = try ITSMFixtureTests.readTemporary(.bmcHelix, [("incidents.json", json)])
    #expect(records.map(\.id) == ["INC000000000101"])
    #expect(
      ITSMFixtureTests.locatedErrors(results) == [
        "3:3: entry Incident Number is the number 102; expected a string: skipped"
      ])
  }

  @Test("SRM:RequestInterface entries: service requests by Request Number, Assignee Group, Status-History dates")
  func serviceRequests() throws {
    let (records, results) = ITSMFixtureTests.records(.bmcHelix, "bmc-helix", ["service-requests.json"])
    #expect(records.allSatisfy { $0.kind == .serviceRequest })
    #expect(records.map(\.state) == [.closed, .inProgress, .onHold, .cancelled])
    let first = try Self.record(records, "REQ000000000401")
    #expect(first.group == "Arbeitsplatz-Service" && first.fields["category"] == "Hardware")
    #expect(first.fields["opened"] == "2026-02-02" && first.fields["resolved"] == "2026-02-03")
    #expect(first.fields["closed"] == "2026-02-06")
    #expect(try Self.record(records, "REQ000000000403").group == "Réseau & Télécom")
    #expect(try Self.record(records, "REQ000000000404").group == "unassigned")
    #expect(ITSMFixtureTests.messages(results, .error).isEmpty)
  }

  @Test("a service-request CSV is recognised by its Request Number column")
  func serviceRequestCSV() throws {
    let csv =
      "Request Number,Status,Assignee Group,Submit Date\nREQ000000000410,Completed,Service Desk,2026-02-01 08:00:00\n"
    let (records, results) = try ITSMFixtureTests.readTemporary(.bmcHelix, [("requests.csv", csv)])
    #expect(results[0].failure == nil)
    #expect(records.map(\.kind) == [.serviceRequest] && records.first?.state == .resolved)
  }

  @Test("simplified REST v2: details read as tickets, the form from the number's prefix")
  func simplified() throws {
    let (records, results) = ITSMFixtureTests.records(.bmcHelix, "bmc-helix", ["simplified-tickets.json"])
    #expect(records.map(\.id) == ["INC000000000501", "INC000000000502", "PBI000000000503"])
    #expect(records.map(\.kind) == [.incident, .incident, .problem])
    let first = try Self.record(records, "INC000000000501")
    #expect(first.state == .resolved && first.group == "Service Desk" && first.fields["priority"] == "High")
    #expect(first.fields["category"] == "Network" && first.fields["resolved"] == "2026-02-10")
    #expect(first.fields["resolution"] == "Switch-Port neu gestartet.")
    let problem = try Self.record(records, "PBI000000000503")
    #expect(problem.state == .inProgress && problem.group == "Rechenzentrum München")
    #expect(results[0].problems.isEmpty)
  }

  @Test("simplified REST v2: one ticket as an object; a status other than Success rejects the file")
  func simplifiedShapes() throws {
    let one = """
      {"status": "Success", "details": {"displayId": "CRQ000000000601", "status": "Scheduled",
        "coordinatorGroup": "x", "changeCoordinatorGroup": "Change Board", "submitDate": "2026-02-12T08:00:00.000+0000"}}
      """
    let (records, _) = try ITSMFixtureTests.readTemporary(.bmcHelix, [("one.json", one)])
    #expect(records.map(\.id) == ["CRQ000000000601"])
    #expect(records.first?.group == "Change Board" && records.first?.fields["approval"] == "approved")
    let failed = """
      {"status": "Failure", "details": {"message": "Unauthorized"}}
      """
    let (none, results) = try ITSMFixtureTests.readTemporary(.bmcHelix, [("failed.json", failed)])
    #expect(none.isEmpty)
    let message = results[0].failure?.problems.first?.message ?? ""
    #expect(message.contains("the response's \"status\" is the string \"Failure\"; expected \"Success\""), "\(message)")
    let unnumbered = """
      {"status": "Success", "details": [{"id": "AGGAA5V0GEOQ0", "status": "New"}]}
      """
    let (skipped, errors) = try ITSMFixtureTests.readTemporary(.bmcHelix, [("x.json", unnumbered)])
    #expect(skipped.isEmpty)
    #expect(
      ITSMFixtureTests.messages(errors, .error) == [
        "ticket has no displayId or id starting with INC, PBI, PKE, CRQ, REQ (the form's record number): skipped"
      ])
  }

  @Test("problem-recorded: an assigned problem without workaround or root cause is evidence for IRP SP 3.1")
  func problemRecorded() throws {
    let mapping = try ImportMappingReader.read(
      path: BundledCatalog.path("mappings/itsm-cmmi-svc-1.3.json")!, catalog: BundledCatalog.load())
    let rule = try #require(mapping.rules.first { $0.id == "problem-recorded" })
    #expect(rule.practice.description == "IRP SP 3.1" && rule.indicator == .indirectArtifact)
    let (records, _) = ITSMFixtureTests.records(.bmcHelix, "bmc-helix", ["problems.json"])
    let assigned = try Self.record(records, "PBI000000000203")
    #expect(assigned.fields["workaround"] == nil && assigned.fields["rootCause"] == nil)
    #expect(rule.matches(assigned))
    // The only other rules of problems need a root cause, a workaround or a fix: none meets this one.
    #expect(mapping.rules.filter { $0.matches(assigned) }.map(\.id) == ["problem-recorded"])
    #expect(!rule.matches(ITSMRecord(kind: .problem, id: "P", group: "g", state: .cancelled)))
  }
}
