import AppraisalModel
import EvidenceParsers

/// ServiceNow (docs/itsm-import.md, "ServiceNow"): the XML unload (`<unload>` with one element per record,
/// named after its table), the Table API's JSON (`{"result": [...]}`) in any of its three value shapes
/// (plain values, plain display values, `{"display_value", "value"}` objects) and the legacy JSONv2
/// export (`{"records": [...]}`, read like Table API results). Tables read: incident, problem,
/// change_request, sc_req_item, task_sla, kb_knowledge and the cmdb_ci tables; `task_sla` records take the
/// group of their task, looked up among all records of the run; `sys_user_group` records (XML unload or
/// JSON) name the groups that other records reference by sys_id only. A JSON record without
/// `sys_class_name` gets its table as ``inferredTable(_:file:syntax:)`` says.
enum ServiceNowProfile: ITSMProfile {
  static let tool = ITSMTool.servicenow
  static let xmlShape: NativeRecordReader.XMLShape? = NativeRecordReader.XMLShape(
    root: "unload", wrappers: [], records: nil, description: "a ServiceNow XML unload (<unload>)")
  static let jsonArrays = ["result", "records"]
  static let needsLookups = true

  static let tables = "incident, problem, change_request, sc_req_item, task_sla, kb_knowledge, cmdb_ci…"

  // MARK: - Fields

  /// A field as this profile reads it: whether it is a plain scalar (a plain JSON value, an XML record's
  /// attribute), its stored value and its display value, each cleaned. Every other reading (``text``,
  /// ``reference``, ``flag``, ``link``) derives from these three, whether they came from a node or, for a
  /// flat XML record, straight from its bytes (``field(_:_:)``).
  struct Field {
    var isScalar = false
    /// The stored value: the XML element's text, a JSON object's `value`, or a plain JSON value.
    var value: String?
    /// The display value: the XML `display_value` attribute, a JSON object's `display_value`, or a plain
    /// JSON value (which is a label in exports with `sysparm_display_value=true`).
    var label: String?

    init(isScalar: Bool = false, value: String?, label: String?) {
      self.isScalar = isScalar
      self.value = value
      self.label = label
    }

    init(_ node: NativeNode) {
      switch node.kind {
      case .scalar: self.init(isScalar: true, value: node.text, label: node.text)
      case .object:
        self.init(value: node.members.isEmpty ? node.text : node["value"].text, label: node["display_value"].text)
      default: self.init(value: nil, label: nil)
      }
    }

    init(_ found: FlatElement.Found) {
      switch found {
      case .field(let text, let displayValue): self.init(value: text, label: displayValue)
      case .attribute(let text): self.init(isScalar: true, value: text, label: text)
      case .missing: self.init(value: nil, label: nil)
      }
    }

    /// Its value, else its display value.
    var text: String? { value ?? label }

    /// A reference field: the referenced record's display name and its sys_id, whichever the export has (a
    /// plain value is the sys_id when it looks like one).
    var reference: (name: String?, key: String?) {
      guard isScalar else { return (label, value) }
      guard let value else { return (nil, nil) }
      return ServiceNowProfile.isSysID(value) ? (nil, value) : (value, nil)
    }

    /// A true/false field (`true`, `1`).
    var flag: Bool {
      let text = value?.lowercased()
      return text == "true" || text == "1"
    }

    /// A linked record: its display value (its number), else its sys_id.
    var link: String? {
      let (name, key) = reference
      return name ?? key
    }
  }

  /// The field `name` of `record`. A flat XML record's (most of an XML unload) is read without building its
  /// node, which was most of the time an import spent in this profile.
  static func field(_ record: NativeRecord, _ name: String) -> Field {
    record.flatField(name).map(Field.init) ?? Field(record[name])
  }

  static func isSysID(_ text: String) -> Bool {
    text.utf8.count == 32
      && text.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x66) }
  }

  // MARK: - Tables

  /// The table named by a `sys_class_name` value or label (`incident`, `Incident`, `Change Request`).
  static func tableName(_ text: String) -> String {
    let name = text.lowercased()
    return tableLabels[name] ?? name.replacingOccurrences(of: " ", with: "_")
  }

  static let tableLabels: [String: String] = [
    "change request": "change_request", "requested item": "sc_req_item", "task sla": "task_sla",
    "knowledge": "kb_knowledge", "configuration item": "cmdb_ci",
  ]

  /// The record's table as the record itself says: its XML element, else its `sys_class_name`.
  static func ownTable(_ record: NativeRecord, syntax: ITSMSyntax) -> String? {
    if syntax == .xml { return record.container }
    return field(record, "sys_class_name").text.map(tableName)
  }

  // MARK: - Groups

  /// The group of a record of `table` and the warning about it, if any. A reference by sys_id only is
  /// named by its JSONv2 display field (`dv_assignment_group`, with `displayvalue=all`), else through the
  /// `sys_user_group` records of the run (`lookups`; none in the first pass).
  /// With `lookupFieldsOnly`, the record is read as if it held only its ``lookupFields(_:)`` (as the first
  /// pass has always read XML records): a `dv_` field is seen only when `--group-by` names it.
  static func group(
    _ record: NativeRecord, table: String, options: ITSMImportOptions, lookups: ITSMLookups? = nil,
    lookupFieldsOnly: Bool = false
  ) -> (String, String?) {
    let fields = groupFields(table: table, options: options)
    for field in fields {
      let (name, key) = Self.field(record, field).reference
      if let name = ITSMText.groupName(name) { return (name, nil) }
      if key != nil, !lookupFieldsOnly || options.groupBy.contains("dv_" + field),
        let name = ITSMText.groupName(Self.field(record, "dv_" + field).text)
      {
        return (name, nil)
      }
      if let key {
        guard let lookups else { return (key, nil) }
        if let named = lookups.name(key, in: "sys_user_group") { return (named, nil) }
        let why =
          lookups.hasTable("sys_user_group")
          ? "not in the sys_user_group export of the import" : "no sys_user_group export in the import names it"
        return (key, "\(field) has no display value (\(why)): sys_id '\(key)' used as group")
      }
    }
    let reason =
      fields.count == 1 && record[fields[0]].isNull
      ? "\(fields[0]) is null" : "no \(fields.joined(separator: " or "))"
    return ("unassigned", "\(reason): group 'unassigned'")
  }

  /// The fields a record of `table` takes its group from, first present wins.
  static func groupFields(table: String, options: ITSMImportOptions) -> [String] {
    if !options.groupBy.isEmpty { return options.groupBy }
    if table == "kb_knowledge" { return ["ownership_group"] }
    if table.hasPrefix("cmdb_ci") { return ["support_group"] }
    return ["assignment_group"]
  }

  // MARK: - Ids and keys

  /// The id and key fields a record of `table` is read by: its own ids, the references that become ids
  /// (a task_sla's task and SLA, linked problems and changes) and the group references.
  static func idFields(table: String, options: ITSMImportOptions) -> [String] {
    let own: [String]
    if table == "task_sla" {
      own = ["task", "sla", "sys_id"]
    } else if table.hasPrefix("cmdb_ci") {
      own = ["name", "sys_id"]
    } else {
      own = ["number", "sys_id", "problem_id", "rfc", "caused_by"]
    }
    return own + groupFields(table: table, options: options)
  }

  /// The first id or key field of a Table API record that is not a string: every Table API value is a
  /// string, plain or in a `{"display_value", "value"}` (or `{"link", "value"}`) object; a number there is
  /// not an export of ServiceNow's and would be misread as another record's id. XML values are text.
  static func idTypeProblem(_ record: NativeRecord, fields: [String], syntax: ITSMSyntax) -> String? {
    guard syntax == .json else { return nil }
    for field in fields {
      let node = record[field]
      if node.kind == .object {
        for member in ["value", "display_value"] {
          if let problem = node[member].idTypeProblem("\(field).\(member)", .string) { return problem }
        }
      } else if let problem = node.idTypeProblem(field, .string) {
        return problem
      }
    }
    return nil
  }

  static func lookupFields(_ options: ITSMImportOptions) -> Set<String>? {
    Set(
      ["number", "sys_id", "sys_class_name", "name", "assignment_group", "ownership_group", "support_group"]
        + options.groupBy)
  }

  /// An XML record needs the run's look-ups when it is a task_sla (its task's group) or its group is a
  /// sys_id without a display value (named by the run's sys_user_group records); JSON records always
  /// (their table may be taken from the other records of the file).
  static func recordNeedsLookups(_ record: NativeRecord, context: ITSMContext) -> Bool {
    guard context.syntax == .xml else { return true }
    let table = record.container
    if table == "task_sla" { return true }
    if table == "sys_user_group" { return false }
    // As group(_:table:options:lookups:) goes through the fields.
    for field in groupFields(table: table, options: context.options) {
      let (name, key) = Self.field(record, field).reference
      if ITSMText.groupName(name) != nil { return false }
      guard key != nil else { continue }
      return ITSMText.groupName(Self.field(record, "dv_" + field).text) == nil
    }
    return false
  }

  static func collect(_ record: NativeRecord, context: ITSMContext, into lookups: inout ITSMLookups) {
    // A record no field names the table of is a group only when `--table sys_user_group` says so (the
    // other records of its file are not all known yet).
    let table =
      context.syntax == .json
      ? noteTable(record, context: context, into: &lookups)
        ?? context.options.serviceNowTable.flatMap { $0 == "sys_user_group" ? $0 : nil }
      : ownTable(record, syntax: context.syntax)
    if table == "sys_user_group" {
      lookups.loaded("sys_user_group")
      if let sysID = field(record, "sys_id").value, let name = ITSMText.groupName(field(record, "name").text) {
        lookups.addName(name, id: sysID, table: "sys_user_group")
      }
      return
    }
    guard table != "task_sla" else {
      // A task_sla looks its task's group up: from here on the run keeps records' groups.
      lookups.keepRecords()
      return
    }
    // Until then a record's group is not kept (nor worked out): the reader reads the earlier records again.
    guard lookups.keepsRecords else { return }
    // A record with an id of the wrong type is skipped in the second pass: nothing may refer to it.
    if idTypeProblem(record, fields: ["number", "sys_id"], syntax: context.syntax) != nil { return }
    let number = field(record, "number").text
    let sysID = field(record, "sys_id").value
    guard number != nil || sysID != nil else { return }
    let (group, _) = group(
      record, table: table ?? "incident", options: context.options, lookupFieldsOnly: context.syntax == .xml)
    lookups.addRecord(number, sysID: sysID, group: group)
  }

  // MARK: - Normalizing

  static func normalize(_ record: NativeRecord, context: ITSMContext) -> [ITSMOutcome] {
    var draft = RecordDraft()
    var notes: [ITSMOutcome] = []
    let table: String
    if context.syntax == .xml, let own = ownTable(record, syntax: context.syntax) {
      table = own
    } else if let (inferred, source) = inferredTable(record, file: context.file, syntax: context.syntax) {
      table = inferred
      if case .prefix = source {
        notes.append(.skipped(prefixWarning(file: context.file, lookups: context.lookups), once: "table-prefix"))
      }
    } else if let tables = context.lookups.tablesOfFile[context.file], tables.count == 1, let only = tables.first {
      table = only
      draft.warn("no sys_class_name: table '\(only)' taken from the other records of the file")
    } else if let option = context.options.serviceNowTable {
      table = option
    } else {
      let number = field(record, "number").text.map { " \($0)" } ?? ""
      return [
        .error(
          "record\(number) has no sys_class_name and the other records of the file do not name one table")
      ]
    }
    if table == "sys_user_group" { return [] }
    switch table {
    case "incident", "problem", "change_request", "sc_req_item", "kb_knowledge", "task_sla": break
    case let name where name.hasPrefix("cmdb_ci"): break
    default:
      return notes + [
        .skipped(
          "table '\(table)' is not one the import reads (\(tables)): its records are skipped", once: "table:\(table)")
      ]
    }

    // (XML values are text: no field list to make.)
    if context.syntax == .json,
      let problem = idTypeProblem(record, fields: idFields(table: table, options: context.options), syntax: .json)
    {
      return [.error("\(table) record: \(problem)")]
    }
    if table == "task_sla" { return notes + [taskSLA(record, context: context, draft: draft)] }

    // The id.
    let id: String
    if table.hasPrefix("cmdb_ci") {
      if let name = field(record, "name").text {
        id = name
      } else if let sysID = field(record, "sys_id").value {
        id = sysID
        draft.warn("no name: sys_id used as id")
      } else {
        return [.error("\(table) record without name and sys_id")]
      }
    } else if let number = field(record, "number").text {
      id = number
    } else {
      let sysID = field(record, "sys_id").value.map { " (sys_id \($0))" } ?? ""
      return [.error("\(table) record without number\(sysID)")]
    }

    // Kind and state.
    let kind: ITSMRecord.Kind
    let state: ITSMRecord.State
    switch table {
    case "incident":
      kind = .incident
      state = Self.state(record, "state", fallback: "incident_state", incidentStates, what: "incident", &draft)
    case "problem":
      kind = field(record, "known_error").flag ? .knownError : .problem
      state = Self.state(record, "state", fallback: "problem_state", problemStates, what: "problem", &draft)
    case "change_request":
      kind = .change
      state = Self.state(record, "state", fallback: nil, changeStates, what: "change_request", &draft)
    case "sc_req_item":
      kind = .serviceRequest
      state = Self.state(record, "state", fallback: nil, requestStates, what: "sc_req_item", &draft)
    case "kb_knowledge":
      kind = .knowledgeArticle
      state = Self.state(record, "workflow_state", fallback: nil, knowledgeStates, what: "kb_knowledge", &draft)
    default:
      kind = .configurationItem
      state = Self.state(record, "install_status", fallback: nil, ciStates, what: table, &draft)
    }

    // Fields.
    switch kind {
    case .incident, .problem, .knownError, .change:
      draft["category"] = field(record, "category").text
      labelled(record["priority"], priorities, into: &draft, name: "priority", field: "priority")
      let service = field(record, "business_service").reference
      draft["service"] = service.name ?? service.key
      date(record, "opened_at", as: "opened", &draft)
      if kind != .change { date(record, "resolved_at", as: "resolved", &draft) }
      date(record, "closed_at", as: "closed", &draft)
    case .serviceRequest:
      date(record, "opened_at", as: "opened", &draft)
      date(record, "closed_at", as: "closed", &draft)
    default: break
    }
    switch kind {
    case .incident:
      draft["resolution"] = field(record, "close_notes").text ?? field(record, "close_code").text
      draft["linkedProblem"] = field(record, "problem_id").link
      draft["linkedChange"] = field(record, "rfc").link ?? field(record, "caused_by").link
    case .problem, .knownError:
      draft["rootCause"] = field(record, "cause_notes").text
      draft["workaround"] = field(record, "workaround").text
      draft["resolution"] = field(record, "fix_notes").text ?? field(record, "close_notes").text
      draft["linkedChange"] = field(record, "rfc").link
    case .change:
      let type = field(record, "type").text
      draft["changeType"] = type
      approval(record["approval"], type: type, into: &draft)
      draft["backoutPlan"] = field(record, "backout_plan").text
      draft["testPlan"] = field(record, "test_plan").text
      draft["implementationPlan"] = field(record, "implementation_plan").text
      labelled(record["risk"], risks, into: &draft, name: "risk", field: "risk")
      draft["resolution"] = field(record, "close_notes").text ?? field(record, "close_code").text
    case .serviceRequest:
      approval(record["approval"], type: nil, into: &draft)
    case .knowledgeArticle:
      let workflow = field(record, "workflow_state").value?.lowercased().replacingOccurrences(of: " ", with: "_")
      draft["published"] = workflow == "published" || workflow == "pending_retirement" ? "true" : "false"
      draft["category"] = field(record, "kb_category").reference.name
    case .configurationItem:
      draft["ciClass"] = field(record, "sys_class_name").text ?? table
    default: break
    }
    let (group, warning) = group(record, table: table, options: context.options, lookups: context.lookups)
    if let warning { draft.warn(warning) }
    return notes + [draft.record(kind, id: id, group: group, state: state)]
  }

  /// A `task_sla` record: id `<task>/<SLA>`, the group of its task.
  static func taskSLA(_ record: NativeRecord, context: ITSMContext, draft: RecordDraft) -> ITSMOutcome {
    var draft = draft
    let task = field(record, "task").reference
    let sla = field(record, "sla").reference
    let slaName = sla.name
    let id: String
    let group: String
    // The task by its number (display value); by its sys_id only when the export has no display value.
    if let taskKey = task.name ?? task.key {
      id = "\(taskKey)/\(slaName ?? sla.key ?? "SLA")"
      if let known = context.lookups.group(ofRecord: taskKey) {
        group = context.lookups.name(known, in: "sys_user_group") ?? known
      } else {
        group = draft.unassigned("task \(taskKey) not among the imported records")
      }
    } else if let sysID = field(record, "sys_id").value {
      id = sysID
      group = draft.unassigned("no task: id '\(sysID)'")
    } else {
      return .error("task_sla record without task and sys_id")
    }
    var state = Self.state(record, "stage", fallback: nil, slaStages, what: "task_sla", &draft)
    let stage = field(record, "stage").value?.lowercased()
    if stage == "breached", field(record, "active").flag { state = .inProgress }
    draft["slaName"] = slaName
    if let breached = field(record, "has_breached").value?.lowercased() {
      draft["breached"] = breached == "true" || breached == "1" ? "true" : "false"
    }
    date(record, "start_time", as: "opened", &draft)
    date(record, "end_time", as: "closed", &draft)
    return draft.record(.sla, id: id, group: group, state: state)
  }

  /// The state from `field` (or `fallback` when `field` is empty): its code through `table`, else its
  /// label through the same table (labels are listed there lower-cased).
  static func state(
    _ record: NativeRecord, _ field: String, fallback: String?, _ table: [String: ITSMRecord.State], what: String,
    _ draft: inout RecordDraft
  ) -> ITSMRecord.State {
    var name = field
    var node = record[field]
    if let fallback, node.isEmpty, !record[fallback].isEmpty {
      name = fallback
      node = record[fallback]
    }
    let read = Field(node)
    let (code, display) = (read.value, read.label)
    if let code, let state = table[code.lowercased()] { return state }
    if let display, let state = table[display.lowercased()] { return state }
    guard let shown = code ?? display else {
      draft.warn(node.isNull ? "\(name) is null: state 'unknown'" : "no \(name): state 'unknown'")
      return .unknown
    }
    draft.warn("unknown \(what) \(name) '\(shown)'")
    return .unknown
  }

  /// A date field from its value, else from its display value if that is in an accepted form.
  static func date(_ record: NativeRecord, _ field: String, as name: String, _ draft: inout RecordDraft) {
    let read = Self.field(record, field)
    let display = read.label
    guard let stored = read.text else { return }
    if let day = ITSMText.day(stored) ?? display.flatMap(ITSMText.day) {
      draft.fields[name] = day
    } else {
      draft.warn("unrecognised date '\(stored)' in \(field): left out")
    }
  }

  /// A choice field with documented codes (`priority`, `risk`): the code's label, the export's own label,
  /// or a warning for an unknown code without a label.
  static func labelled(
    _ node: NativeNode, _ table: [String: String], into draft: inout RecordDraft, name: String, field: String
  ) {
    guard let code = Field(node).value else { return }
    if let known = table[code] {
      draft[name] = known
    } else if let display = node["display_value"].text {
      draft[name] = display
    } else if code.allSatisfy(\.isNumber) {
      draft.warn("unknown \(field) '\(code)': \(name) left out")
    } else {
      draft[name] = code
    }
  }

  /// `approval` of a change or requested item.
  static func approval(_ node: NativeNode, type: String?, into draft: inout RecordDraft) {
    guard let raw = Field(node).text else { return }
    switch raw.lowercased().replacingOccurrences(of: "_", with: " ") {
    case "approved": draft["approval"] = "approved"
    case "rejected": draft["approval"] = "rejected"
    case "requested": draft["approval"] = "requested"
    case "not requested", "not yet requested":
      if type?.lowercased() == "standard" { draft["approval"] = "not-required" }
    case "cancelled", "canceled": break
    default: draft.warn("unknown approval '\(raw)': approval left out")
    }
  }

  // MARK: - Tables of states and codes

  static let priorities = [
    "1": "1 - Critical", "2": "2 - High", "3": "3 - Moderate", "4": "4 - Low", "5": "5 - Planning",
  ]
  static let risks = ["1": "Very High", "2": "High", "3": "Moderate", "4": "Low"]

  static let incidentStates: [String: ITSMRecord.State] = [
    "1": .new, "2": .inProgress, "3": .onHold, "6": .resolved, "7": .closed, "8": .cancelled,
    "new": .new, "in progress": .inProgress, "on hold": .onHold, "resolved": .resolved, "closed": .closed,
    "canceled": .cancelled, "cancelled": .cancelled,
  ]
  /// Problem states since the Madrid release (101…107), the legacy 1…4, and their labels.
  static let problemStates: [String: ITSMRecord.State] = [
    "101": .new, "102": .inProgress, "103": .inProgress, "104": .inProgress, "106": .resolved, "107": .closed,
    "1": .new, "2": .inProgress, "3": .inProgress, "4": .closed,
    "new": .new, "assess": .inProgress, "root cause analysis": .inProgress, "fix in progress": .inProgress,
    "resolved": .resolved, "closed": .closed, "open": .new, "known error": .inProgress,
    "pending change": .inProgress, "closed/resolved": .closed,
  ]
  static let changeStates: [String: ITSMRecord.State] = [
    "-5": .new, "-4": .inProgress, "-3": .inProgress, "-2": .inProgress, "-1": .inProgress, "0": .resolved,
    "3": .closed, "4": .cancelled,
    "new": .new, "assess": .inProgress, "authorize": .inProgress, "scheduled": .inProgress, "implement": .inProgress,
    "review": .resolved, "closed": .closed, "canceled": .cancelled, "cancelled": .cancelled,
  ]
  static let requestStates: [String: ITSMRecord.State] = [
    "-5": .onHold, "1": .new, "2": .inProgress, "3": .closed, "4": .cancelled, "7": .cancelled,
    "pending": .onHold, "open": .new, "work in progress": .inProgress, "closed complete": .closed,
    "closed incomplete": .cancelled, "closed skipped": .cancelled,
  ]
  static let slaStages: [String: ITSMRecord.State] = [
    "in_progress": .inProgress, "paused": .onHold, "completed": .closed, "achieved": .closed, "breached": .closed,
    "cancelled": .cancelled, "in progress": .inProgress, "canceled": .cancelled,
  ]
  static let knowledgeStates: [String: ITSMRecord.State] = [
    "draft": .new, "review": .inProgress, "scheduled_for_publish": .inProgress, "published": .closed,
    "pending_retirement": .closed, "retired": .cancelled, "outdated": .cancelled,
    "scheduled for publish": .inProgress, "pending retirement": .closed,
  ]
  static let ciStates: [String: ITSMRecord.State] = [
    "1": .inProgress, "3": .onHold, "2": .new, "4": .new, "6": .new, "5": .onHold, "7": .closed, "8": .cancelled,
    "100": .cancelled,
    "installed": .inProgress, "in maintenance": .onHold, "on order": .new, "pending install": .new,
    "in stock": .new, "pending repair": .onHold, "retired": .closed, "stolen": .cancelled, "absent": .cancelled,
  ]
}
