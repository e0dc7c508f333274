import AppraisalModel
import EvidenceParsers

/// ManageEngine ServiceDesk Plus (docs/itsm-import.md, "ManageEngine ServiceDesk Plus"): API v3 JSON,
/// one file per module (`requests`, `problems`, `changes`), or a single-record response (`request`,
/// `problem`, `change`), with a `response_status` that must be a success. A list whose
/// `list_info.has_more_rows` is `true` is one page of more: one warning per file names the page. Lookup fields are `{"id", "name"}` objects (the name is taken), dates `{"value", "display_value"}`
/// objects (only the epoch-millisecond `value` is used). A request with an SLA also becomes an `sla` record.
enum ManageEngineProfile: ITSMProfile {
  static let tool = ITSMTool.manageengine
  static let jsonArrays = ["requests", "problems", "changes", "request", "problem", "change"]

  /// The module of a record's container: a single-record response's `request` is a `requests` record.
  static func module(_ container: String) -> String {
    ["request": "requests", "problem": "problems", "change": "changes"][container] ?? container
  }

  /// The warning for a list that is one page of more (`list_info.has_more_rows: true`), naming the page;
  /// `nil` for the last or only page.
  static func pageWarning(_ envelope: NativeNode) -> String? {
    let info = envelope["list_info"]
    guard info["has_more_rows"].bool == true else { return nil }
    let start = Int(info["start_index"].text ?? "")
    let rows = Int(info["row_count"].text ?? "")
    var page = "this file is one page"
    if let start, let rows {
      page += " (rows \(start)–\(start + rows - 1), start_index \(start), row_count \(rows))"
    } else if let number = info["page"].text {
      page += " (page \(number))"
    }
    let next = start.flatMap { start in rows.map { " from start_index \(start + $0)" } } ?? ""
    return "list_info.has_more_rows is true: \(page) of a longer list and only its records are imported; "
      + "fetch the further pages\(next) and import them together"
  }

  static func fileProblem(container: String, envelope: NativeNode, syntax: ITSMSyntax)
    -> NativeRecordReader.FileProblem?
  {
    let status = envelope["response_status"]
    for entry in status.kind == .array ? status.elements : [status] where entry.kind == .object {
      let code = entry["status_code"].text
      if let code, code != "2000" {
        let text = entry["status"].text.map { " (\($0))" } ?? ""
        return .init(
          message: "response_status \(code)\(text): the export is an API error, not a list of \(container)",
          line: entry.line, column: entry.column)
      }
    }
    return nil
  }

  static func normalize(_ record: NativeRecord, context: ITSMContext) -> [ITSMOutcome] {
    let node = record.node
    var draft = RecordDraft()
    let id: String
    let module = Self.module(record.container)
    let notes: [ITSMOutcome] = pageWarning(context.envelope).map { [.skipped($0, once: "has_more_rows")] } ?? []
    // SDP writes ids as strings (`"id": "1000000000101"`) or, in some versions, as numbers; both are read.
    for field in ["id", "display_id"] {
      if let problem = node[field].idTypeProblem(field, .stringOrNumber) {
        return notes + [.error("\(Self.noun(module)) \(problem)")]
      }
    }
    if module == "problems" {
      guard let value = node["id"].text else { return notes + [.error("problem without id")] }
      id = value
    } else if let display = node["display_id"].text {
      id = display
    } else if let value = node["id"].text {
      id = value
      if module == "requests" { draft.warn("no display_id: id used") }
    } else {
      return notes + [.error("\(Self.noun(module)) without display_id and id")]
    }

    let kind: ITSMRecord.Kind
    let state: ITSMRecord.State
    switch module {
    case "requests":
      if let flag = node["is_service_request"].bool {
        kind = flag ? .serviceRequest : .incident
      } else {
        kind = node["request_type"]["name"].text?.lowercased() == "service request" ? .serviceRequest : .incident
      }
      state = draft.state(node["status"]["name"], requestStates, what: "request status", node: node["status"])
      draft["priority"] = node["priority"]["name"].text
      draft["category"] = node["category"]["name"].text
      date(node, "created_time", as: "opened", &draft)
      date(node, "resolved_time", as: "resolved", &draft)
      date(node, "completed_time", as: "closed", &draft)
      draft["resolution"] = ITSMText.plain(node["resolution"]["content"].rawText)
      draft["service"] = node["service_category"]["name"].text
    case "problems":
      kind = node["known_error"].bool == true ? .knownError : .problem
      state = draft.state(node["status"]["name"], problemStates, what: "problem status", node: node["status"])
      draft["rootCause"] = Self.text(node["root_cause"])
      draft["workaround"] = Self.text(node["workaround"])
      date(node, "reported_time", as: "opened", &draft)
      date(node, "resolved_time", as: "resolved", &draft)
      date(node, "closed_time", as: "closed", &draft)
      draft["priority"] = node["priority"]["name"].text
      draft["category"] = node["category"]["name"].text
    default:
      kind = .change
      if node["status"]["name"].text == nil, let stage = node["stage"]["name"].text {
        state = draft.state(stage, stages, what: "change stage")
      } else {
        state = draft.state(node["status"]["name"], changeStates, what: "change status", node: node["status"])
      }
      draft["changeType"] = node["change_type"]["name"].text
      draft["risk"] = node["risk"]["name"].text
      if let approval = node["approval_status"]["name"].text {
        draft.code("approval", approval, approvals, field: "approval_status")
      }
      draft["implementationPlan"] = ITSMText.plain(node["roll_out_plan"]["roll_out_plan_description"].rawText)
      draft["backoutPlan"] = ITSMText.plain(node["back_out_plan"]["back_out_plan_description"].rawText)
      date(node, "created_time", as: "opened", &draft)
      date(node, "completed_time", as: "resolved", &draft)
    }

    let groupBy = context.options.groupBy
    let group: String
    if groupBy.isEmpty || groupBy == ["group"] {
      group = draft.group(node["group"]["name"], field: "group", node: node["group"])
    } else if groupBy == ["site"] {
      group = draft.group(node["site"]["name"], field: "site", node: node["site"])
    } else {
      group =
        groupBy.lazy.compactMap { ITSMText.groupName(node.path($0).text ?? node.path($0)["name"].text) }.first
        ?? draft.unassigned("no \(groupBy.joined(separator: " or "))")
    }

    var outcomes = [draft.record(kind, id: id, group: group, state: state)]
    if module == "requests", let sla = node["sla"]["name"].text {
      var slaDraft = RecordDraft()
      slaDraft["slaName"] = sla
      if let overdue = node["is_overdue"].bool { slaDraft["breached"] = overdue ? "true" : "false" }
      let done: Set<ITSMRecord.State> = [.resolved, .closed, .cancelled]
      outcomes.append(
        slaDraft.record(.sla, id: "\(id)/\(sla)", group: group, state: done.contains(state) ? .closed : .inProgress))
    }
    return notes + outcomes
  }

  /// A record of `module`, for messages.
  static func noun(_ module: String) -> String {
    ["requests": "request", "problems": "problem", "changes": "change"][module] ?? module
  }

  /// A date object's epoch-millisecond `value`; an object without `value` is a warning.
  static func date(_ node: NativeNode, _ field: String, as name: String, _ draft: inout RecordDraft) {
    let date = node[field]
    guard date.kind == .object || date.kind == .scalar else { return }
    let value = date.kind == .scalar ? date : date["value"]
    guard let text = value.text else {
      draft.warn("\(field) has no value (epoch milliseconds): \(name) left out")
      return
    }
    draft.date(name, text, field: field)
  }

  /// A text field given as a string or as an object whose single text member holds it
  /// (`{"root_cause_description": "…"}`); HTML removed.
  static func text(_ node: NativeNode) -> String? {
    switch node.kind {
    case .scalar: return ITSMText.plain(node.rawText)
    case .object: return node.members.lazy.compactMap { ITSMText.plain($0.node.rawText) }.first
    default: return nil
    }
  }

  static let requestStates: [String: ITSMRecord.State] = [
    "open": .new, "assigned": .inProgress, "in progress": .inProgress, "on hold": .onHold, "onhold": .onHold,
    "resolved": .resolved, "closed": .closed, "completed": .closed, "canceled": .cancelled, "cancelled": .cancelled,
  ]
  static let problemStates: [String: ITSMRecord.State] = [
    "open": .new, "in progress": .inProgress, "pending": .onHold, "on hold": .onHold, "resolved": .resolved,
    "closed": .closed, "canceled": .cancelled, "cancelled": .cancelled,
  ]
  static let changeStates: [String: ITSMRecord.State] = [
    "requested": .new, "open": .new, "requested for information": .onHold, "approval pending": .inProgress,
    "pending approval": .inProgress, "planning in progress": .inProgress, "approved": .inProgress,
    "in progress": .inProgress, "implementation in progress": .inProgress, "completed": .resolved,
    "closed": .closed, "rejected": .cancelled, "canceled": .cancelled, "cancelled": .cancelled,
  ]
  static let stages: [String: ITSMRecord.State] = [
    "submission": .new, "planning": .inProgress, "cab evaluation": .inProgress, "implementation": .inProgress,
    "uat": .inProgress, "release": .inProgress, "review": .resolved, "close": .closed,
  ]
  static let approvals: [String: String] = [
    "approved": "approved", "rejected": "rejected", "pending": "requested", "pending approval": "requested",
    "not required": "not-required", "approval not required": "not-required",
  ]
}

extension RecordDraft {
  /// A state from a lookup object's name; when there is no name, the warning names the object (`status`)
  /// as absent or `null`.
  mutating func state(
    _ name: NativeNode, _ table: [String: ITSMRecord.State], what: String, node: NativeNode
  ) -> ITSMRecord.State {
    guard let value = name.text else {
      let field = what.split(separator: " ").last.map(String.init) ?? what
      let noun = what.split(separator: " ").dropLast().joined(separator: " ")
      warn(node.isNull ? "\(field) is null: state 'unknown'" : "\(noun) has no \(field): state 'unknown'")
      return .unknown
    }
    return state(value, table, what: what)
  }

  /// A group from a lookup object's name, the warning naming the object when there is none.
  mutating func group(_ name: NativeNode, field: String, node: NativeNode) -> String {
    if let group = ITSMText.groupName(name.text) { return group }
    return unassigned(node.isNull ? "\(field) is null" : "no \(field)")
  }
}
