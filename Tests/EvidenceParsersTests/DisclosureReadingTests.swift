import AppraisalModel
import EvidenceParsers
import Foundation
import TestSupport
import Testing

/// The disclosure facts in every syntax: the Company A fixtures carry them, a file without them has an empty
/// disclosure, the template's key-only CSV rows are "not given", and bad values are located errors.
@Suite("Disclosure facts: XML, JSON and CSV")
struct DisclosureReadingTests {
  static let catalog = try! BundledCatalog.load()

  /// fixtures/evidence/sample.* with `xml`, `json` or `csv` put where the disclosure goes (after the scope).
  static func sample(_ syntax: EvidenceSyntax, inserting text: String) throws -> [UInt8] {
    let sample = try String(contentsOf: Golden.url("fixtures/evidence/sample.\(syntax)"), encoding: .utf8)
    let (anchor, insert): (String, String) =
      switch syntax {
      case .xml: ("  <instantiations>", text + "\n")
      case .json: ("  \"instantiations\": [", "  \"disclosure\": " + text + ",\n")
      default: ("instantiation,desk", text + "\r\n")
      }
    let range = try #require(sample.range(of: anchor))
    return Array(sample.replacingCharacters(in: range.lowerBound..<range.lowerBound, with: insert).utf8)
  }

  /// The decoding's problems as `line:column: severity: message`.
  static func problems(_ decoding: AppraisalDecoding) -> [String] {
    decoding.problems.map { problem in
      let place = problem.location.map { "\($0.line):\($0.column ?? 0)" } ?? "?"
      return "\(place): \(problem.severity.rawValue): \(problem.message)"
    }
  }

  static func decode(_ syntax: EvidenceSyntax, _ text: String) throws -> AppraisalDecoding {
    AppraisalReader.decode(bytes: try sample(syntax, inserting: text), syntax: syntax, file: "f.\(syntax)")
  }

  @Test("Company A's three syntaxes carry the same disclosure facts", arguments: ["before", "after"])
  func companyA(_ when: String) throws {
    let disclosures = try ["xml", "json", "csv"].map { syntax in
      try AppraisalReader.read(
        path: Golden.url("fixtures/company-a/\(when).\(syntax)").path, catalog: Self.catalog
      ).appraisal.disclosure
    }
    #expect(disclosures[1] == disclosures[0] && disclosures[2] == disclosures[0])
    let disclosure = disclosures[0]
    #expect(disclosure.teamLeader?.role == "lead appraiser")
    #expect(disclosure.teamMembers.count == 2)
    #expect(disclosure.sponsor?.role == "head of operations")
    #expect(disclosure.reportStatus == .final)
    #expect(disclosure.population == Disclosure.Population(people: 40, basicUnits: 5))
    #expect(disclosure.subgroups.map(\.id) == ["web services"])
    #expect(disclosure.samplingFactors.map(\.name) == ["service type"])
    #expect(disclosure.findings.count == 3 && disclosure.globalFindings.count == 1)
    #expect(disclosure.endDate == (when == "before" ? "2010-11-19" : "2011-09-30"))
    #expect(disclosure.findings.contains { $0.processArea == "SCON" && $0.goal == "SG 2" })
  }

  @Test("a file without disclosure facts has an empty disclosure and is written without one")
  func absent() throws {
    let appraisal = try AppraisalReader.read(
      path: Golden.url("fixtures/evidence/sample.xml").path, catalog: Self.catalog
    ).appraisal
    #expect(appraisal.disclosure.isEmpty)
    #expect(!EvidenceWriter.xml(appraisal).contains("disclosure"))
    #expect(!EvidenceWriter.json(appraisal).contains("disclosure"))
  }

  @Test("CSV rows with only their key are not given; partly filled rows are read cell by cell")
  func emptyCSVRows() throws {
    let decoding = try Self.decode(
      .csv, "teamLeader,,,\r\nsponsor\r\nstartDate,\r\nendDate\r\nreportStatus,\r\nteamMember,Max,,\r\nlocation,Berlin")
    #expect(Self.problems(decoding) == [])
    let disclosure = try #require(decoding.appraisal).disclosure
    #expect(disclosure == Disclosure(teamMembers: [.init(name: "Max")], locations: ["Berlin"]))
  }

  @Test("bad values are located errors in XML")
  func xmlErrors() throws {
    let decoding = try Self.decode(
      .xml,
      """
        <disclosure startDate="2011-09-19" reportStatus="done" colour="red">
          <teamLeader organization="X"/>
          <teamLeader name="Y"/>
          <population people="-1" basicUnits="five"/>
          <location> </location>
          <samplingFactor name="type"/>
          <finding processArea="SCON" goal="SG 2"/>
          <globalFinding/>
          <sponsor name="S"><nickname/></sponsor>
        </disclosure>
      """)
    #expect(
      Self.problems(decoding) == [
        "8:0: error: reportStatus is \"done\"; expected one of draft, final",
        "8:0: error: unknown attribute colour on <disclosure>; expected one of endDate, reportStatus, startDate",
        "9:0: error: missing attribute name",
        "10:0: error: <teamLeader> appears twice in <disclosure>; expected it once",
        "11:0: error: people is \"-1\"; expected an integer from 0 to 1000000000",
        "11:0: error: basicUnits is \"five\"; expected an integer from 0 to 1000000000",
        "12:0: error: <location> has no text; expected the location",
        "13:0: error: <samplingFactor> has no text; expected the rationale",
        "14:0: error: <finding> has no text; expected the finding",
        "15:0: error: <globalFinding> has no text; expected the finding",
        "16:0: error: unexpected element <nickname> in <sponsor>; see docs/evidence-format.md for what it may contain",
      ])
  }

  @Test("bad values are located errors in JSON")
  func jsonErrors() throws {
    let decoding = try Self.decode(
      .json,
      """
      { "reportStatus": "done", "teamLeader": { "role": "lead" }, "teamMembers": [{ "name": "M", "age": 3 }],
          "population": { "people": -1 }, "locations": [7], "samplingFactors": [{ "name": "type" }],
          "findings": [{ "processArea": "SCON", "text": "" }], "sponsors": [] }
      """)
    #expect(
      Self.problems(decoding) == [
        "33:70: error: unknown member \"sponsors\" in the disclosure; expected one of endDate, findings, "
          + "globalFindings, locations, organizationalUnitDescription, population, reportStatus, samplingFactors, "
          + "sponsor, startDate, subgroups, teamLeader, teamMembers",
        "31:35: error: \"reportStatus\" is \"done\"; expected one of \"draft\", \"final\"",
        "31:57: error: a person has no \"name\"; expected a string",
        "31:115: error: unknown member \"age\" in a person; expected one of name, organization, role",
        "32:50: error: an element of \"locations\" is the number 7; expected a string",
        "32:31: error: \"people\" is the number -1; expected an integer from 0 to 1000000000",
        "32:75: error: a sampling factor has no \"rationale\"; expected a string",
        "33:51: error: \"text\" is empty; expected a non-empty string",
      ])
  }

  @Test("bad values are located errors in CSV")
  func csvErrors() throws {
    let decoding = try Self.decode(
      .csv,
      """
      reportStatus,done\r
      teamMember,,Company A\r
      population,forty,5\r
      finding,SCON\r
      teamLeader,A\r
      teamLeader,B\r
      startDate,3/4/2011
      """)
    #expect(
      Self.problems(decoding) == [
        "15:14: error: reportStatus is \"done\"; expected one of draft, final",
        "16:12: error: \"name\" is empty; expected a non-empty string",
        "17:12: error: \"people\" is \"forty\"; expected an integer from 0 to 1000000000",
        "18:1: error: the \"finding\" row has no \"text\" cell; expected processArea, goal, text",
        "20:1: error: repeated setting \"teamLeader\"; it is already set at line 19",
        "21:11: error: 1 date in a spreadsheet's local form can be read two ways (\"3/4/2011\" is 2011-03-04 or "
          + "2011-04-03); write dates as YYYY-MM-DD: format the date cells as text or as an ISO date before saving",
      ])
  }

  @Test("validation problems land on the disclosure's place in each syntax", arguments: ["xml", "json", "csv"])
  func located(_ syntax: String) throws {
    let syntax = try #require(EvidenceSyntax(rawValue: syntax))
    let text =
      switch syntax {
      case .xml:
        #"  <disclosure startDate="2026-11-02" endDate="2026-10-30"><finding processArea="SCON">x</finding></disclosure>"#
      case .json:
        #"{ "startDate": "2026-11-02", "endDate": "2026-10-30", "findings": [{ "processArea": "SCON", "text": "x" }] }"#
      default: "startDate,2026-11-02\r\nendDate,2026-10-30\r\nfinding,SCON,,x"
      }
    let bytes = try Self.sample(syntax, inserting: text)
    do throws(ReadFailure) {
      _ = try AppraisalReader.read(bytes: bytes, syntax: syntax, file: "f", catalog: Self.catalog)
      Issue.record("accepted")
    } catch .invalid(_, let problems) {
      let lines = problems.map { "\($0.location?.line ?? 0): \($0.message)" }
      let (end, finding) =
        switch syntax {
        case .xml: (8, 8)
        case .json: (31, 31)
        default: (16, 17)
        }
      #expect(
        Set(lines) == [
          "\(end): the appraisal ends (2026-10-30) before it starts (2026-11-02)",
          "\(finding): process area SCON is not in the appraisal's scope",
        ])
    } catch {
      Issue.record("\(error)")
    }
  }
}
