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

  @Test("problems REST JSON: entries' values, nulls, workaround and root cause")
  func problems() throws {
    let (records, _) = ITSMFixtureTests.records(.bmcHelix, "bmc-helix", ["problems.json"])
    let first = try Self.record(records, "PBI000000000201")
    #expect(first.kind == .problem && first.state == .resolved && first.group == "Rechenzentrum München")
    #expect(first.fields["workaround"] == "Redundanten Lüfter aktivieren.")
    #expect(first.fields["rootCause"] == "Lüftercharge 2019 fehlerhaft")
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
}
