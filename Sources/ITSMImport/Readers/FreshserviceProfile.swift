import AppraisalModel
import EvidenceParsers

/// Freshservice (docs/itsm-import.md, "Freshservice"): API v2 JSON, one file per module (`tickets`,
/// `problems`, `changes`, `releases`), with numeric ids, statuses and codes. Groups are `group_id`s named
/// through a `groups.json` of the same run (`departments.json` for `--group-by department`), which the
/// first pass collects. A ticket with a `due_by` also becomes an `sla` record. A record whose module and
/// id were read before (the same ticket twice, overlapping pages) is counted once by the reader's duplicate
/// check (``ITSMDuplicates``), as for every tool.
enum FreshserviceProfile: ITSMProfile {
  static let tool = ITSMTool.freshservice
  static let jsonArrays = ["tickets", "problems", "changes", "releases", "groups", "departments"]
  static let needsLookups = true

  static func collect(_ record: NativeRecord, context: ITSMContext, into lookups: inout ITSMLookups) {
    guard record.container == "groups" || record.container == "departments" else { return }
    lookups.loaded(record.container)
    if idTypeProblem(record.node, module: record.container) == nil, let id = record["id"].text,
      let name = ITSMText.groupName(record["name"].text)
    {
      lookups.addName(name, id: id, table: record.container)
    }
  }

  static func normalize(_ record: NativeRecord, context: ITSMContext) -> [ITSMOutcome] {
    let node = record.node
    let module = record.container
    let noun = [
      "tickets": "ticket", "problems": "problem", "changes": "change", "releases": "release", "groups": "group",
      "departments": "department",
    ][module]!
    if let problem = idTypeProblem(node, module: module) { return [.error("\(noun) \(problem)")] }
    guard module != "groups" && module != "departments" else { return [] }
    guard let number = node["id"].integer else { return [.error("\(noun) without id")] }
    var draft = RecordDraft()
    let kind: ITSMRecord.Kind
    let id: String
    let state: ITSMRecord.State
    switch module {
    case "tickets":
      let typeNode = node["type"].exists ? node["type"] : node["ticket_type"]
      switch typeNode.text?.lowercased() {
      case "incident": (kind, id) = (.incident, "INC-\(number)")
      case "service request": (kind, id) = (.serviceRequest, "SR-\(number)")
      case let type?:
        return [
          .skipped("ticket \(number): type '\(typeNode.text ?? type)' is neither Incident nor Service Request: skipped")
        ]
      case nil:
        return [.skipped("ticket \(number): no type: skipped")]
      }
      state = status(node, ticketStates, what: "ticket", &draft)
      draft.code("priority", node["priority"].text, priorities, field: "priority")
      draft["category"] = node["category"].text
      draft.date("opened", node["created_at"].text, field: "created_at")
      draft.date("resolved", node["stats"]["resolved_at"].text, field: "stats.resolved_at")
      draft.date("closed", node["stats"]["closed_at"].text, field: "stats.closed_at")
    case "problems":
      kind = node["known_error"].bool == true ? .knownError : .problem
      id = "PRB-\(number)"
      state = status(node, problemStates, what: "problem", &draft)
      draft["rootCause"] = ITSMText.plain(node["analysis_fields"]["problem_cause"]["description"].rawText)
      draft["linkedChange"] = node["associated_change"].integer.map { "CHN-\($0)" }
      draft.date("opened", node["created_at"].text, field: "created_at")
      draft.code("priority", node["priority"].text, priorities, field: "priority")
    case "changes":
      kind = .change
      id = "CHN-\(number)"
      state = status(node, changeStates, what: "change", &draft)
      draft.code("changeType", node["change_type"].text, types, field: "change_type")
      draft.code("risk", node["risk"].text, risks, field: "risk")
      if let approval = node["approval_status"].text {
        switch approval {
        case "0", "5": draft["approval"] = "requested"
        case "1": draft["approval"] = "approved"
        case "2": draft["approval"] = "rejected"
        case "3": break
        case "4": if node["change_type"].text == "2" { draft["approval"] = "not-required" }
        default: draft.warn("unknown approval_status '\(approval)': approval left out")
        }
      }
      let planning = node["planning_fields"]
      draft["implementationPlan"] = ITSMText.plain(planning["rollout_plan"]["description"].rawText)
      draft["backoutPlan"] = ITSMText.plain(planning["backout_plan"]["description"].rawText)
      draft.date("opened", node["created_at"].text, field: "created_at")
    default:
      kind = .release
      id = "REL-\(number)"
      state = status(node, releaseStates, what: "release", &draft)
      draft.code("changeType", node["release_type"].text, types, field: "release_type")
      let planning = node["planning_fields"]
      draft["implementationPlan"] =
        ITSMText.plain(planning["build_plan"]["description"].rawText)
        ?? ITSMText.plain(planning["deployment_plan"]["description"].rawText)
      draft["testPlan"] = ITSMText.plain(planning["test_plan"]["description"].rawText)
      draft.date("opened", node["created_at"].text, field: "created_at")
      if node["status"].text == "5" { draft.date("closed", node["work_end_date"].text, field: "work_end_date") }
    }

    let group = group(node, context: context, &draft)
    var outcomes = [draft.record(kind, id: id, group: group, state: state)]
    if module == "tickets", let due = node["due_by"].text {
      var sla = RecordDraft()
      sla["slaName"] = "Resolution due (due_by)"
      let resolvedAt = node["stats"]["resolved_at"].text.flatMap(ITSMText.instant)
      if let dueAt = ITSMText.instant(due), let resolvedAt {
        sla["breached"] = resolvedAt > dueAt ? "true" : "false"
      } else if let escalated = node["is_escalated"].bool {
        sla["breached"] = escalated ? "true" : "false"
      }
      let slaState: ITSMRecord.State
      switch state {
      case .resolved, .closed, .cancelled: slaState = .closed
      case .new, .inProgress, .onHold: slaState = .inProgress
      case .unknown: slaState = .unknown
      }
      outcomes.append(sla.record(.sla, id: "\(id)/due_by", group: group, state: slaState))
    }
    return outcomes
  }

  /// The first id or key field of a record of `module` that is not what the API writes: ids and the
  /// ids it refers to by (`group_id`, `department_id`, `associated_change`) are JSON integers; a string,
  /// even of digits, is not Freshservice's and could name another record.
  static func idTypeProblem(_ node: NativeNode, module: String) -> String? {
    let fields =
      switch module {
      case "groups", "departments": ["id"]
      case "problems": ["id", "group_id", "department_id", "associated_change"]
      default: ["id", "group_id", "department_id"]
      }
    for field in fields {
      let value = node[field]
      if let problem = value.idTypeProblem(field, .number) { return problem }
      if value.kind == .scalar, value.integer == nil {
        return "\(field) is \(value.jsonDescription); expected an integer"
      }
    }
    return nil
  }

  /// `status` through `table`; unknown codes and a missing status are warnings.
  static func status(
    _ node: NativeNode, _ table: [String: ITSMRecord.State], what: String, _ draft: inout RecordDraft
  ) -> ITSMRecord.State {
    draft.state(node["status"], table, what: "\(what) status", field: "status")
  }

  /// The group named through `groups.json` (`departments.json` with `--group-by department`).
  static func group(_ node: NativeNode, context: ITSMContext, _ draft: inout RecordDraft) -> String {
    let groupBy = context.options.groupBy
    let (field, table, prefix): (String, String, String)
    if groupBy.isEmpty || groupBy == ["group"] || groupBy == ["group_id"] {
      (field, table, prefix) = ("group_id", "groups", "group")
    } else if groupBy == ["department"] || groupBy == ["department_id"] {
      (field, table, prefix) = ("department_id", "departments", "department")
    } else {
      return groupBy.lazy.compactMap { ITSMText.groupName(node.path($0).text) }.first
        ?? draft.unassigned("no \(groupBy.joined(separator: " or "))")
    }
    let value = node[field]
    guard let id = value.text else { return draft.unassigned(value.isNull ? "\(field) is null" : "no \(field)") }
    if let name = context.lookups.name(id, in: table) { return name }
    let key = "\(prefix):\(id)"
    if context.lookups.hasTable(table) {
      draft.warn("\(field) \(id) not in \(table).json: group '\(key)'")
    } else {
      draft.warn("\(field) \(id) has no name (no \(table).json in the import): group '\(key)'")
    }
    return key
  }

  static let ticketStates: [String: ITSMRecord.State] = ["2": .new, "3": .onHold, "4": .resolved, "5": .closed]
  static let problemStates: [String: ITSMRecord.State] = ["1": .new, "2": .inProgress, "3": .closed]
  static let changeStates: [String: ITSMRecord.State] = [
    "1": .new, "2": .inProgress, "3": .inProgress, "4": .inProgress, "5": .resolved, "6": .closed,
  ]
  static let releaseStates: [String: ITSMRecord.State] = [
    "1": .new, "2": .onHold, "3": .inProgress, "4": .cancelled, "5": .closed,
  ]
  static let priorities = ["1": "Low", "2": "Medium", "3": "High", "4": "Urgent"]
  static let types = ["1": "Minor", "2": "Standard", "3": "Major", "4": "Emergency"]
  static let risks = ["1": "Low", "2": "Medium", "3": "High", "4": "Very High"]
}
