import AppraisalModel

/// ServiceNow: the XML export of a list (`<unload>` with one element per record, named after its table)
/// and the Table API's JSON (`{"result": [...]}`), with raw codes or display values. Tables read:
/// incident, problem, change_request, sc_req_item, task_sla, kb_knowledge and the cmdb_ci tables.
enum ServiceNowProfile: ITSMProfile {
  static let shape = NativeRecordReader.XMLShape(
    root: "unload", wrappers: [], records: nil, description: "a ServiceNow XML export (<unload>)")
  static let jsonArrays = ["result", "records"]
  static let defaultGroupField = ["assignment_group.display_value", "assignment_group"]

  /// The table a record comes from: the XML element name, else `sys_class_name`, else its number prefix.
  static func table(_ native: NativeRecord) -> String {
    if native.container != "" && native.container != "result" && native.container != "records" {
      return native.container
    }
    if let name = native.value("sys_class_name.value", "sys_class_name") { return name }
    let number = native.value("number.display_value", "number") ?? ""
    for (prefix, table) in [
      ("INC", "incident"), ("PRB", "problem"), ("CHG", "change_request"), ("RITM", "sc_req_item"),
      ("KB", "kb_knowledge"),
    ] where number.hasPrefix(prefix) { return table }
    if native.value("has_breached") != nil && native.value("sla", "sla.display_value") != nil { return "task_sla" }
    return ""
  }

  static func normalize(_ native: NativeRecord, groupBy: [String]) -> NormalizedRecord {
    let table = table(native)
    var warnings: [String] = []
    let kind: ITSMRecord.Kind
    let states: [String: ITSMRecord.State]
    switch table {
    case "incident": (kind, states) = (.incident, incidentStates)
    case "problem": (kind, states) = (.problem, problemStates)
    case "change_request": (kind, states) = (.change, changeStates)
    case "sc_req_item": (kind, states) = (.serviceRequest, requestStates)
    case "task_sla": (kind, states) = (.sla, slaStages)
    case "kb_knowledge": (kind, states) = (.knowledgeArticle, knowledgeStates)
    case let name where name.hasPrefix("cmdb_ci"): (kind, states) = (.configurationItem, ciStates)
    default:
      return .skipped(
        "table \"\(table.isEmpty ? "?" : table)\" is not one the import reads (incident, problem, change_request, sc_req_item, task_sla, kb_knowledge, cmdb_ci…)"
      )
    }
    let field = { (name: String) in native.value(name + ".display_value", name, name + ".value") }
    guard let id = native.value("number.display_value", "number", "sys_id.value", "sys_id") else {
      return .skipped("record has no number or sys_id; skipped")
    }
    let stateField =
      kind == .sla
      ? "stage" : kind == .knowledgeArticle ? "workflow_state" : kind == .configurationItem ? "install_status" : "state"
    // Codes first (exports without display values), then display names.
    let stateValue = native.value(stateField + ".value", stateField, stateField + ".display_value")
    let state = Self.state(stateValue, states, field: stateField, &warnings)
    var fields: [String: String] = [:]
    fields["category"] = field("category")
    fields["priority"] = field("priority")
    fields["opened"] = day(native.value("opened_at.value", "opened_at", "sys_created_on.value", "sys_created_on"))
    fields["resolved"] = day(native.value("resolved_at.value", "resolved_at"))
    fields["closed"] = day(native.value("closed_at.value", "closed_at", "end_time.value", "end_time"))
    fields["resolution"] = field("close_notes") ?? field("close_code")
    fields["rootCause"] = field("cause_notes")
    fields["workaround"] = field("workaround")
    fields["approval"] = field("approval").flatMap { approvals[$0.lowercased()] }
    fields["backoutPlan"] = field("backout_plan")
    fields["testPlan"] = field("test_plan")
    fields["implementationPlan"] = field("implementation_plan")
    fields["risk"] = field("risk")
    fields["changeType"] = field("type")
    fields["slaName"] = field("sla")
    fields["breached"] = field("has_breached").map { $0.lowercased() == "true" ? "true" : "false" }
    fields["linkedProblem"] = field("problem_id")
    fields["linkedChange"] = field("rfc") ?? field("caused_by")
    fields["service"] = field("business_service") ?? field("cmdb_ci")
    fields["ciClass"] = kind == .configurationItem ? (field("sys_class_name") ?? table) : nil
    fields["published"] = kind == .knowledgeArticle ? (state == .closed ? "true" : "false") : nil
    if table == "problem", field("known_error")?.lowercased() == "true" {
      fields["workaround"] = fields["workaround"] ?? "known error"
    }
    let group = group(native, groupBy.isEmpty ? defaultGroupField : groupBy, &warnings)
    return .record(
      ITSMRecord(kind: kind, id: id, group: group, state: state, fields: fields.compactMapValues { $0 }),
      warnings: warnings)
  }

  static let incidentStates: [String: ITSMRecord.State] = [
    "1": .new, "2": .inProgress, "3": .onHold, "6": .resolved, "7": .closed, "8": .cancelled, "new": .new,
    "in progress": .inProgress, "on hold": .onHold, "resolved": .resolved, "closed": .closed, "canceled": .cancelled,
  ]
  /// Problem states since the Madrid release (101…107), the older 1…4, and their names.
  static let problemStates: [String: ITSMRecord.State] = [
    "101": .new, "102": .inProgress, "103": .inProgress, "104": .inProgress, "106": .resolved, "107": .closed,
    "1": .new, "2": .inProgress, "3": .inProgress, "4": .closed, "new": .new, "assess": .inProgress,
    "root cause analysis": .inProgress, "fix in progress": .inProgress, "resolved": .resolved, "closed": .closed,
    "open": .new, "known error": .inProgress, "pending change": .inProgress, "closed/resolved": .closed,
  ]
  static let changeStates: [String: ITSMRecord.State] = [
    "-5": .new, "-4": .inProgress, "-3": .inProgress, "-2": .inProgress, "-1": .inProgress, "0": .resolved,
    "3": .closed, "4": .cancelled, "new": .new, "assess": .inProgress, "authorize": .inProgress,
    "scheduled": .inProgress, "implement": .inProgress, "review": .resolved, "closed": .closed, "canceled": .cancelled,
  ]
  static let requestStates: [String: ITSMRecord.State] = [
    "-5": .new, "1": .new, "2": .inProgress, "3": .closed, "4": .closed, "7": .cancelled, "pending": .new,
    "open": .new, "work in progress": .inProgress, "closed complete": .closed, "closed incomplete": .closed,
    "closed skipped": .cancelled,
  ]
  static let slaStages: [String: ITSMRecord.State] = [
    "in_progress": .inProgress, "paused": .onHold, "completed": .closed, "cancelled": .cancelled,
    "achieved": .closed, "breached": .closed, "in progress": .inProgress,
  ]
  static let knowledgeStates: [String: ITSMRecord.State] = [
    "draft": .new, "review": .inProgress, "published": .closed, "retired": .cancelled, "outdated": .cancelled,
    "pending_retirement": .closed,
  ]
  static let ciStates: [String: ITSMRecord.State] = [
    "1": .closed, "2": .inProgress, "3": .onHold, "4": .onHold, "6": .onHold, "7": .cancelled, "100": .cancelled,
    "installed": .closed, "on order": .inProgress, "in maintenance": .onHold, "pending install": .new,
    "retired": .cancelled, "absent": .cancelled,
  ]
  static let approvals: [String: String] = [
    "approved": "approved", "rejected": "rejected", "requested": "requested", "not requested": "not-required",
    "not yet requested": "requested", "cancelled": "rejected", "duplicate": "rejected",
  ]
}
