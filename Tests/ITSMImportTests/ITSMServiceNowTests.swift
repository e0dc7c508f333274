import AppraisalModel
import Foundation
import TestSupport
import Testing

@testable import EvidenceParsers
@testable import ITSMImport

/// ServiceNow normalization (docs/itsm-import.md, "ServiceNow") beyond the counts of the fixtures.
@Suite("ITSM import: ServiceNow")
struct ITSMServiceNowTests {
  static let all = [
    "incident.xml", "problem.xml", "change_request.xml", "task_sla.xml", "kb_knowledge.xml", "table-api-incident.json",
  ]

  static func record(_ records: [ITSMRecord], _ id: String) throws -> ITSMRecord {
    try #require(records.first { $0.id == id }, "no record \(id)")
  }

  @Test("incident fields: codes translated, references by display value, non-ASCII kept")
  func incident() throws {
    let (records, _) = ITSMFixtureTests.records(.servicenow, "servicenow", Self.all)
    let first = try Self.record(records, "INC0010001")
    #expect(first.kind == .incident && first.state == .closed && first.group == "Service Desk")
    #expect(first.fields["priority"] == "3 - Moderate")
    #expect(first.fields["service"] == "Filialnetz")
    #expect(first.fields["opened"] == "2026-01-05" && first.fields["resolved"] == "2026-01-05")
    #expect(first.fields["closed"] == "2026-01-08")
    #expect(first.fields["resolution"] == "VPN-Profil neu verteilt; Nutzer kann sich wieder anmelden.")
    let linked = try Self.record(records, "INC0010007")
    #expect(linked.fields["linkedProblem"] == "PRB0040001")
    #expect(try Self.record(records, "INC0010012").fields["linkedChange"] == "CHG0030002")
    #expect(try Self.record(records, "INC0010003").group == "Réseau & Télécom")
    #expect(!records.contains { $0.id.isEmpty || $0.id.hasPrefix("0000") }, "the record without number is skipped")
  }

  @Test("problems: known_error makes known errors; legacy states; root cause, workaround, fix")
  func problems() throws {
    let (records, _) = ITSMFixtureTests.records(.servicenow, "servicenow", ["problem.xml"])
    #expect(records.filter { $0.kind == .knownError }.map(\.id) == ["PRB0040003", "PRB0040004"])
    let legacy = try Self.record(records, "PRB0040004")
    #expect(legacy.state == .inProgress)
    #expect(legacy.fields["workaround"] == "Termine manuell korrigieren.")
    let fixed = try Self.record(records, "PRB0040001")
    #expect(fixed.fields["rootCause"] == "Firmware-Fehler im Speicher-Controller (Hersteller-Bug 4711).")
    #expect(fixed.fields["resolution"] == "Firmware 9.2.1 eingespielt (CHG0030001).")
    #expect(fixed.fields["linkedChange"] == "CHG0030001")
    // A problem without a workaround is not given one.
    #expect(try Self.record(records, "PRB0040006").fields["workaround"] == nil)
  }

  @Test("changes: approval rules, risk labels, plans, close notes")
  func changes() throws {
    let (records, _) = ITSMFixtureTests.records(.servicenow, "servicenow", ["change_request.xml"])
    let approvals = Dictionary(uniqueKeysWithValues: records.map { ($0.id, $0.fields["approval"] ?? "-") })
    #expect(approvals["CHG0030001"] == "approved")
    #expect(approvals["CHG0030003"] == "not-required", "not requested on a standard change")
    #expect(approvals["CHG0030004"] == "requested")
    #expect(approvals["CHG0030005"] == "rejected")
    #expect(approvals["CHG0030007"] == "-", "not requested on a normal change")
    let first = try Self.record(records, "CHG0030001")
    #expect(first.fields["risk"] == "Moderate" && first.fields["changeType"] == "normal")
    #expect(first.fields["backoutPlan"] != nil && first.fields["testPlan"] != nil)
    #expect(first.fields["implementationPlan"] != nil)
    #expect(try Self.record(records, "CHG0030002").fields["backoutPlan"] == nil)
    #expect(try Self.record(records, "CHG0030003").fields["risk"] == "Low")
  }

  @Test("task_sla: id task/SLA, stage, breach, the group of its task whatever the file order")
  func taskSLA() throws {
    for files in [["incident.xml", "task_sla.xml"], ["task_sla.xml", "incident.xml"]] {
      let (records, results) = ITSMFixtureTests.records(.servicenow, "servicenow", files)
      let slas = records.filter { $0.kind == .sla }
      #expect(slas.count == 8)
      let first = try Self.record(slas, "INC0010001/P3 Lösung (2 Tage)")
      #expect(first.group == "Service Desk" && first.state == .closed)
      #expect(first.fields["slaName"] == "P3 Lösung (2 Tage)" && first.fields["breached"] == "false")
      #expect(try Self.record(slas, "INC0010003/P3 Lösung (2 Tage)").fields["breached"] == "true")
      #expect(try Self.record(slas, "INC0010007/P1 Reaktion (15 Min.)").state == .closed)
      #expect(try Self.record(slas, "INC9999999/P1 Reaktion (15 Min.)").group == "unassigned")
      #expect(
        ITSMFixtureTests.messages(results).contains(
          "INC9999999/P1 Reaktion (15 Min.): task INC9999999 not among the imported records: group 'unassigned'"))
    }
    // Alone, no task is among the records of the run.
    let (alone, results) = ITSMFixtureTests.records(.servicenow, "servicenow", ["task_sla.xml"])
    #expect(alone.allSatisfy { $0.group == "unassigned" })
    #expect(ITSMFixtureTests.messages(results).filter { $0.contains("not among the imported records") }.count == 8)
  }

  @Test("task_sla: an active breached SLA is still in progress; a task named by sys_id only")
  func taskSLAByKey() throws {
    let (records, _) = try ITSMFixtureTests.readTemporary(
      .servicenow,
      [
        (
          "task_sla.xml",
          """
          <unload><task_sla action="INSERT_OR_UPDATE"><sys_id>s1</sys_id>
          <task>00000000000000000000000000001001</task><sla display_value="P1">x</sla>
          <stage>breached</stage><active>true</active><has_breached>true</has_breached></task_sla></unload>
          """
        ),
        ("incident.xml", try String(contentsOf: Golden.url("fixtures/itsm/servicenow/incident.xml"), encoding: .utf8)),
      ])
    let sla = try Self.record(records, "00000000000000000000000000001001/P1")
    #expect(sla.state == .inProgress && sla.group == "Service Desk" && sla.fields["breached"] == "true")
  }

  @Test("task_sla: the last record with the task's number gives its group, read before or after the first SLA")
  func taskSLALastRecordWins() throws {
    func incident(_ number: String, _ group: String) -> String {
      "<incident action=\"INSERT_OR_UPDATE\"><number>\(number)</number><sys_id>\(number.lowercased())</sys_id>"
        + "<state>1</state><assignment_group display_value=\"\(group)\">g</assignment_group></incident>\n"
    }
    func sla(_ task: String) -> String {
      "<task_sla action=\"INSERT_OR_UPDATE\"><sys_id>s-\(task)</sys_id><task display_value=\"\(task)\">x</task>"
        + "<sla display_value=\"P1\">y</sla><stage>completed</stage></task_sla>\n"
    }
    // Groups are kept from the first task_sla on; those of the records before it are collected afterwards.
    let (records, _) = try ITSMFixtureTests.readTemporary(
      .servicenow,
      [
        ("a.xml", "<unload>" + incident("INC0000001", "Old") + incident("INC0000003", "Early") + "</unload>"),
        (
          "b.xml",
          "<unload>" + incident("INC0000002", "Before") + sla("INC0000001") + sla("INC0000002") + sla("INC0000003")
            + sla("INC0000004") + incident("INC0000001", "New") + "</unload>"
        ),
        ("c.xml", "<unload>" + incident("INC0000002", "Late") + incident("INC0000004", "Last") + "</unload>"),
      ])
    let groups = Dictionary(
      records.filter { $0.kind == .sla }.map { ($0.id, $0.group) }, uniquingKeysWith: { first, _ in first })
    #expect(
      groups == [
        "INC0000001/P1": "New", "INC0000002/P1": "Late", "INC0000003/P1": "Early", "INC0000004/P1": "Last",
      ])
  }

  @Test("knowledge articles: workflow states, published, category, ownership group")
  func knowledge() throws {
    let (records, _) = ITSMFixtureTests.records(.servicenow, "servicenow", ["kb_knowledge.xml"])
    let published = records.filter { $0.fields["published"] == "true" }.map(\.id)
    #expect(published == ["KB0010001", "KB0010002"])
    #expect(try Self.record(records, "KB0010003").fields["category"] == "Réseau")
    #expect(try Self.record(records, "KB0010002").group == "Rechenzentrum München")
  }

  @Test("Table API: all three value shapes, labels, display-format dates, table from the number prefix")
  func tableAPI() throws {
    let (records, results) = ITSMFixtureTests.records(.servicenow, "servicenow", ["table-api-incident.json"])
    #expect(records.allSatisfy { $0.kind == .incident })
    let labels = try Self.record(records, "INC0010107")
    #expect(labels.state == .resolved && labels.group == "Réseau & Télécom")
    #expect(labels.fields["opened"] == nil && labels.fields["priority"] == "3 - Moderate")
    let plain = try Self.record(records, "INC0010106")
    #expect(plain.state == .onHold && plain.group == "8a4dde73c6112278017a6a4baf547aa7")
    #expect(try Self.record(records, "INC0010102").fields["linkedProblem"] == "PRB0040001")
    #expect(
      ITSMFixtureTests.messages(results).contains(
        "no sys_class_name in 1 record: table taken from the number prefix (INC → incident 1)"))
  }

  @Test("Table API: a number that names no table takes the table of the other records of the file")
  func tableFromOtherRecords() throws {
    let json = """
      {"result": [{"number": "INC1", "sys_class_name": "incident", "state": "1"},
                  {"number": "X-17", "state": "2"}]}
      """
    let (records, results) = try ITSMFixtureTests.readTemporary(.servicenow, [("result.json", json)])
    #expect(records.map(\.kind) == [.incident, .incident])
    #expect(
      ITSMFixtureTests.messages(results).filter { $0.contains("sys_class_name") } == [
        "X-17: no sys_class_name: table 'incident' taken from the other records of the file"
      ])
  }

  @Test("Table API: without sys_class_name and a known number prefix, --table decides, else one file error")
  func tableOption() throws {
    let (none, failed) = ITSMFixtureTests.records(.servicenow, "servicenow", ["table-api-sysparm-fields.json"])
    #expect(none.isEmpty && failed[0].recordErrorCount == 0 && failed[0].problems.isEmpty)
    let problems = try #require(failed[0].failure?.problems)
    #expect(problems.count == 1)
    #expect(problems.first?.location?.line == 3)
    #expect(
      problems.first?.message
        == "2 records have no sys_class_name and no number whose prefix names a table (INC incident, CHG "
        + "change_request, PRB problem, RITM sc_req_item, TASK task, KB kb_knowledge); name the table with "
        + "--table TABLE (e.g. --table incident), or export with sys_class_name in sysparm_fields")
    let (records, _) = ITSMFixtureTests.records(
      .servicenow, "servicenow", ["table-api-sysparm-fields.json"],
      options: ITSMImportOptions(serviceNowTable: "incident"))
    #expect(records.map(\.id) == ["SIR0010001", "SIR0010002"] && records.allSatisfy { $0.kind == .incident })
  }

  @Test("an import refused for a file without tables names --table and not --skip-bad-records")
  func tableRefusalMessage() throws {
    let request = ITSMImportRequest(
      tool: .servicenow, files: [Golden.url("fixtures/itsm/servicenow/table-api-sysparm-fields.json").path])
    #expect {
      _ = try ITSMImportPipeline.run(request, catalog: try BundledCatalog.load(), today: "2026-12-07") { _ in }
    } throws: { error in
      guard let failure = error as? ITSMImportFailure else { return false }
      let messages = failure.messages(request, output: "o.xml")
      return messages.count == 1 && messages[0].contains("--table TABLE")
        && !messages.joined().contains("--skip-bad-records") && !messages.joined().contains("no record was read")
    }
  }

  @Test("JSONv2 export: records read like Table API results, tables from the number prefix with one warning")
  func jsonV2() throws {
    let (records, results) = ITSMFixtureTests.records(.servicenow, "servicenow", ["jsonv2-incident.json"])
    #expect(records.map(\.id) == ["INC0010201", "INC0010202", "INC0010203", "PRB0040201"])
    #expect(records.map(\.kind) == [.incident, .incident, .incident, .problem])
    #expect(records.map(\.state) == [.closed, .inProgress, .resolved, .inProgress])
    let first = try Self.record(records, "INC0010201")
    #expect(first.fields["priority"] == "4 - Low" && first.fields["closed"] == "2026-02-19")
    #expect(first.fields["resolution"] == "Tonerkartusche getauscht.")
    #expect(try Self.record(records, "PRB0040201").fields["workaround"] == "Last auf Controller B verschieben.")
    let messages = ITSMFixtureTests.messages(results)
    #expect(
      messages.filter { $0.contains("number prefix") } == [
        "no sys_class_name in 4 records: table taken from the number prefix (INC → incident 3, PRB → problem 1)"
      ])
    // Alone, the groups are sys_ids, and the warning says what would name them.
    #expect(records.map(\.group).allSatisfy(ServiceNowProfile.isSysID))
    #expect(
      messages.contains(
        "INC0010201: assignment_group has no display value (no sys_user_group export in the import names it): "
          + "sys_id '8a4dde73c6112278017a6a4baf547aa7' used as group"))
  }

  @Test("JSONv2 with displayvalue=all: a group's name from its dv_ field")
  func jsonV2DisplayFields() throws {
    let json = """
      {"records": [{"number": "INC7", "state": "1", "assignment_group": "287ebd7da9fe198100f92cc8d1d2154e",
                    "dv_assignment_group": "Rechenzentrum München"},
                   {"number": "INC8", "state": "1", "assignment_group": "287ebd7da9fe198100f92cc8d1d2154e",
                    "dv_assignment_group": ""}]}
      """
    let (records, results) = try ITSMFixtureTests.readTemporary(.servicenow, [("incident.json", json)])
    #expect(records.map(\.group) == ["Rechenzentrum München", "287ebd7da9fe198100f92cc8d1d2154e"])
    #expect(ITSMFixtureTests.messages(results).filter { $0.hasPrefix("INC") }.count == 1)
  }

  @Test("a sys_user_group export in the same import names the groups, as XML unload or Table API JSON")
  func groupExport() throws {
    for groups in ["sys_user_group.json", "sys_user_group.xml"] {
      for files in [[groups, "jsonv2-incident.json"], ["jsonv2-incident.json", groups]] {
        let (records, results) = ITSMFixtureTests.records(.servicenow, "servicenow", files)
        #expect(results.allSatisfy { $0.failure == nil })
        #expect(records.count == 4, "group records are not records of the import")
        #expect(try Self.record(records, "INC0010201").group == "Service Desk")
        #expect(try Self.record(records, "INC0010202").group == "Rechenzentrum München")
        #expect(try Self.record(records, "PRB0040201").group == "Rechenzentrum München")
        #expect(try Self.record(records, "INC0010203").group == "c0ffee00000000000000000000000001")
        #expect(
          ITSMFixtureTests.messages(results).filter { $0.contains("sys_user_group") } == [
            "INC0010203: assignment_group has no display value (not in the sys_user_group export of the import): "
              + "sys_id 'c0ffee00000000000000000000000001' used as group"
          ])
      }
    }
  }

  @Test("a task_sla takes the named group of its task when the task's group is a sys_id")
  func taskSLAGroupNamed() throws {
    let sla = """
      <unload><task_sla action="INSERT_OR_UPDATE"><sys_id>s1</sys_id><task>INC0010202</task>
      <sla display_value="P2">x</sla><stage>in_progress</stage></task_sla></unload>
      """
    let (records, _) = try ITSMFixtureTests.readTemporary(
      .servicenow,
      [
        ("task_sla.xml", sla),
        (
          "incidents.json",
          try String(contentsOf: Golden.url("fixtures/itsm/servicenow/jsonv2-incident.json"), encoding: .utf8)
        ),
        (
          "sys_user_group.json",
          try String(contentsOf: Golden.url("fixtures/itsm/servicenow/sys_user_group.json"), encoding: .utf8)
        ),
      ])
    #expect(try Self.record(records, "INC0010202/P2").group == "Rechenzentrum München")
  }

  @Test("sysparm_display_value=true: labels for states, types, approvals; plain group names")
  func displayValueTrue() throws {
    let (records, results) = ITSMFixtureTests.records(.servicenow, "servicenow", ["table-api-display-true.json"])
    #expect(records.map(\.kind) == [.change, .problem, .serviceRequest])
    #expect(records.map(\.state) == [.inProgress, .inProgress, .closed])
    let change = try Self.record(records, "CHG0030101")
    #expect(change.group == "CAB Rechenzentrum" && change.fields["approval"] == "approved")
    #expect(change.fields["risk"] == "Moderate" && change.fields["changeType"] == "Normal")
    #expect(try Self.record(records, "RITM0010001").fields["closed"] == "2026-02-12")
    #expect(
      ITSMFixtureTests.messages(results) == [
        "no sys_class_name in 1 record: table taken from the number prefix (RITM → sc_req_item 1)"
      ])
  }

  @Test("tables the import does not read are skipped with one warning per file")
  func unknownTable() throws {
    let (records, results) = try ITSMFixtureTests.readTemporary(
      .servicenow,
      [
        (
          "sys_user.xml",
          """
          <unload><sys_user><name>a</name></sys_user><sys_user><name>b</name></sys_user>
          <incident><number>INC1</number><state>1</state></incident></unload>
          """
        )
      ])
    #expect(records.map(\.id) == ["INC1"])
    #expect(ITSMFixtureTests.messages(results).filter { $0.hasPrefix("table 'sys_user'") }.count == 1)
  }

  @Test("--group-by business_service groups by the service's display value")
  func groupByService() throws {
    let (records, _) = ITSMFixtureTests.records(
      .servicenow, "servicenow", ["incident.xml"], options: ITSMImportOptions(groupBy: ["business_service"]))
    #expect(try Self.record(records, "INC0010001").group == "Filialnetz")
    #expect(try Self.record(records, "INC0010002").group == "unassigned")
  }

  @Test("a file rejected in the first pass gives no records and no lookups")
  func rejected() throws {
    let (records, results) = ITSMFixtureTests.records(
      .servicenow, "servicenow", ["incident-malformed.xml", "task_sla.xml"])
    #expect(results[0].failure != nil && results[0].recordCount == 0)
    #expect(records.allSatisfy { $0.kind == .sla && $0.group == "unassigned" })
  }

  @Test("Table API: an id or key that is not a string is a record error naming field, value and type")
  func idTypes() throws {
    let json = """
      {"result": [
        {"number": "INC1", "sys_class_name": "incident", "state": "1"},
        {"number": 10001, "sys_class_name": "incident", "state": "1"},
        {"number": {"display_value": "INC3", "value": 3}, "sys_class_name": "incident"},
        {"number": "INC4", "sys_class_name": "incident", "assignment_group": {"value": true}},
        {"number": "INC5", "sys_class_name": "incident", "problem_id": ["PRB1"]},
        {"task": 7, "sla": "P1", "sys_class_name": "task_sla"}
      ]}
      """
    let (records, results) = try ITSMFixtureTests.readTemporary(.servicenow, [("result.json", json)])
    #expect(records.map(\.id) == ["INC1"])
    #expect(
      ITSMFixtureTests.locatedErrors(results) == [
        "3:3: incident record: number is the number 10001; expected a string: skipped",
        "4:3: incident record: number.value is the number 3; expected a string: skipped",
        "5:3: incident record: assignment_group.value is the boolean true; expected a string: skipped",
        "6:3: incident record: problem_id is an array; expected a string: skipped",
        "7:3: task_sla record: task is the number 7; expected a string: skipped",
      ])
    #expect(results[0].recordErrorCount == 5)
  }
}
