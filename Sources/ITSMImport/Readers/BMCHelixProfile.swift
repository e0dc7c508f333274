import AppraisalModel
import EvidenceParsers

/// BMC Helix ITSM / Remedy (docs/itsm-import.md, "BMC Helix ITSM / Remedy"): CSV exported from a console,
/// report or `arexport` (first row = field labels), the AR System REST JSON
/// (`{"entries": [{"values": {…}}]}`), and the ITSM simplified REST API's `{"status": "Success", "details": …}`
/// (``SimplifiedTicket``). The form — incidents (HPD:Help Desk), problem investigations, known errors,
/// infrastructure changes, service requests (SRM:RequestInterface) — is recognised by its id field. Field
/// names are the same in the CSV and AR REST shapes; a `values.` prefix (REST entries flattened by another
/// tool) is accepted too.
enum BMCHelixProfile: ITSMProfile {
  static let tool = ITSMTool.bmcHelix
  static let jsonArrays = ["entries", "details"]

  enum Form {
    case incident, problem, knownError, change, serviceRequest

    var idField: String {
      switch self {
      case .incident: "Incident Number"
      case .problem: "Problem Investigation ID"
      case .knownError: "Known Error ID"
      case .change: "Infrastructure Change ID"
      case .serviceRequest: "Request Number"
      }
    }

    /// The prefix of the form's record numbers (`INC000000000101`), which names the form of a simplified
    /// REST ticket.
    var numberPrefix: String {
      switch self {
      case .incident: "INC"
      case .problem: "PBI"
      case .knownError: "PKE"
      case .change: "CRQ"
      case .serviceRequest: "REQ"
      }
    }
  }

  static let forms: [Form] = [.incident, .problem, .knownError, .change, .serviceRequest]
  static var idFields: String { forms.map(\.idField).joined(separator: ", ") }

  static func fileProblem(container: String, envelope: NativeNode, syntax: ITSMSyntax)
    -> NativeRecordReader.FileProblem?
  {
    if syntax == .json && container == "details" { return SimplifiedTicket.fileProblem(envelope) }
    guard syntax == .csv else { return nil }
    let names = Set(envelope.members.map { $0.name.hasPrefix("values.") ? String($0.name.dropFirst(7)) : $0.name })
    if forms.contains(where: { names.contains($0.idField) }) { return nil }
    return .init(
      message: "the header has none of the id columns \(idFields); expected a BMC Helix export of incidents, "
        + "problems, known errors, changes or service requests",
      line: envelope.line, column: envelope.column)
  }

  /// A form field in any shape: a member of `values`, a member of the record, `values.<name>`, or the
  /// simplified REST name of the field (``SimplifiedTicket``).
  struct Entry {
    let node: NativeNode
    /// Whether the record is a ticket of the simplified REST API.
    var simplified = false

    subscript(name: String) -> NativeNode {
      if simplified { return SimplifiedTicket.field(name, of: node) }
      let values = node["values"]
      if values.kind == .object, values[name].exists { return values[name] }
      if node[name].exists { return node[name] }
      return node["values." + name]
    }

    /// The form of the entry: the first whose id field is present (a simplified REST ticket: by its number's
    /// prefix).
    var form: Form? {
      if simplified {
        let number = SimplifiedTicket.number(of: node)?.uppercased() ?? ""
        return forms.first { number.hasPrefix($0.numberPrefix) }
      }
      return forms.first { self[$0.idField].exists }
    }

    /// The time the entry reached `status`, from AR System's `Status-History` (`{"Completed": {"user": …,
    /// "timestamp": …}}`), if the entry has one.
    func statusTime(_ status: String) -> String? { self["Status-History"][status]["timestamp"].text }
  }

  static func normalize(_ record: NativeRecord, context: ITSMContext) -> [ITSMOutcome] {
    let simplified = record.container == "details"
    let entry = Entry(node: record.node, simplified: simplified)
    let what = context.syntax == .csv ? "row" : simplified ? "ticket" : "entry"
    guard let form = entry.form else {
      if simplified {
        return [
          .error(
            "ticket has no displayId or id starting with "
              + forms.map(\.numberPrefix).joined(separator: ", ") + " (the form's record number)")
        ]
      }
      return [.error("\(what) has none of the id fields \(idFields)")]
    }
    // AR System's REST API writes the id fields as strings (`"INC000000000101"`); CSV cells are text.
    if context.syntax == .json, let problem = entry[form.idField].idTypeProblem(form.idField, .string) {
      return [.error("\(what) \(problem)")]
    }
    guard let id = entry[form.idField].text else { return [.error("\(what) without \(form.idField)")] }
    var draft = RecordDraft()
    let kind: ITSMRecord.Kind
    let state: ITSMRecord.State
    switch form {
    case .incident:
      kind =
        entry["Service Type"].text?.lowercased() == "user service request" ? .serviceRequest : .incident
      state = draft.state(entry["Status"], incidentStates, what: "incident Status", field: "Status")
      draft["priority"] = entry["Priority"].text
      draft["category"] = entry["Categorization Tier 1"].text
      draft.date("opened", entry["Submit Date"].text, field: "Submit Date")
      draft.date("resolved", entry["Last Resolved Date"].text, field: "Last Resolved Date")
      draft.date("closed", entry["Closed Date"].text, field: "Closed Date")
      draft["resolution"] = entry["Resolution"].text
      draft["service"] = entry["ServiceCI"].text
    case .problem, .knownError:
      kind = form == .problem ? .problem : .knownError
      let field = form == .problem ? "Investigation Status" : "Known Error Status"
      state = draft.state(
        entry[field], form == .problem ? problemStates : knownErrorStates, what: field, field: field)
      draft["workaround"] = entry["Temporary Workaround"].text
      // PBM:ProblemInterface entries carry no root-cause field; `Implemented Solution` is what was done.
      draft["resolution"] = entry[form == .knownError ? "Resolution" : "Implemented Solution"].text
      draft.date("opened", entry["Submit Date"].text, field: "Submit Date")
      draft.date("resolved", entry["Last Completed Date"].text, field: "Last Completed Date")
      draft["priority"] = entry["Priority"].text
      draft["service"] = entry["ServiceCI"].text
    case .change:
      kind = .change
      state = draft.state(
        entry["Change Request Status"], changeStates, what: "Change Request Status", field: "Change Request Status")
      let timing = entry["Class"].text
      draft["changeType"] = timing
      draft["risk"] = entry["Risk Level"].text
      if let approval = entry["Approval Status"].text {
        draft.code("approval", approval, approvals, field: "Approval Status")
      } else if let status = entry["Change Request Status"].text?.lowercased(), let derived = derivedApprovals[status] {
        draft["approval"] = derived
      } else if timing?.lowercased() == "standard" {
        draft["approval"] = "not-required"
      }
      draft["implementationPlan"] = entry["Install Plan"].text
      draft["backoutPlan"] = entry["Backout Plan"].text
      draft["testPlan"] = entry["Test Plan"].text
      draft.date("opened", entry["Submit Date"].text, field: "Submit Date")
      draft.date("resolved", entry["Actual End Date"].text, field: "Actual End Date")
      draft.date("closed", entry["Closed Date"].text, field: "Closed Date")
    case .serviceRequest:
      kind = .serviceRequest
      state = draft.state(entry["Status"], requestStates, what: "service request Status", field: "Status")
      draft["priority"] = entry["Priority"].text
      draft["category"] = entry["Navigation Tier 1"].text
      draft.date("opened", entry["Submit Date"].text, field: "Submit Date")
      draft.date("resolved", entry.statusTime("Completed"), field: "Status-History.Completed")
      draft.date("closed", entry.statusTime("Closed"), field: "Status-History.Closed")
    }

    let groupBy = context.options.groupBy
    let fields: [String]
    if groupBy == ["service"] {
      fields = ["ServiceCI"]
    } else if !groupBy.isEmpty {
      fields = groupBy
    } else {
      switch form {
      case .change: fields = ["Change Coordinator Group", "ASGRP"]
      // SRM:RequestInterface entries name the fulfilling group `Assignee Group`; `Assigned Group` is null.
      case .serviceRequest: fields = ["Assignee Group", "Assigned Group"]
      default: fields = ["Assigned Group"]
      }
    }
    let group: String
    if let name = fields.lazy.compactMap({ ITSMText.groupName(entry[$0].text) }).first {
      group = name
    } else {
      let present = fields.filter { entry[$0].exists }
      if present.count == 1, entry[present[0]].isNull {
        group = draft.unassigned("\(present[0]) is null")
      } else if !present.isEmpty {
        group = draft.unassigned("empty \(present.joined(separator: " and "))")
      } else {
        group = draft.unassigned("no \(fields.joined(separator: " or "))")
      }
    }
    return [draft.record(kind, id: id, group: group, state: state)]
  }

  static let incidentStates: [String: ITSMRecord.State] = [
    "new": .new, "assigned": .inProgress, "in progress": .inProgress, "pending": .onHold, "resolved": .resolved,
    "closed": .closed, "cancelled": .cancelled,
  ]
  static let problemStates: [String: ITSMRecord.State] = [
    "draft": .new, "under review": .new, "request for authorization": .new, "assigned": .inProgress,
    "under investigation": .inProgress, "pending": .onHold, "completed": .resolved, "rejected": .cancelled,
    "closed": .closed, "cancelled": .cancelled,
  ]
  static let knownErrorStates: [String: ITSMRecord.State] = [
    "assigned": .inProgress, "scheduled for correction": .inProgress, "assigned to vendor": .inProgress,
    "no action planned": .onHold, "corrected": .resolved, "closed": .closed, "cancelled": .cancelled,
  ]
  static let changeStates: [String: ITSMRecord.State] = [
    "draft": .new, "request for authorization": .new, "request for change": .inProgress,
    "planning in progress": .inProgress, "scheduled for review": .inProgress, "scheduled for approval": .inProgress,
    "scheduled": .inProgress, "implementation in progress": .inProgress, "pending": .onHold,
    "completed": .resolved, "closed": .closed, "rejected": .cancelled, "cancelled": .cancelled,
  ]
  static let requestStates: [String: ITSMRecord.State] = [
    "draft": .new, "submitted": .new, "in review": .new, "waiting approval": .onHold, "planning": .inProgress,
    "in progress": .inProgress, "pending": .onHold, "completed": .resolved, "rejected": .cancelled,
    "cancelled": .cancelled, "closed": .closed,
  ]
  static let approvals: [String: String] = [
    "approved": "approved", "rejected": "rejected", "pending": "requested", "not required": "not-required",
  ]
  /// The approval a change's status implies when the export has no `Approval Status` (BMC's status
  /// transitions: approval phases come before scheduling).
  static let derivedApprovals: [String: String] = [
    "scheduled": "approved", "implementation in progress": "approved", "completed": "approved", "closed": "approved",
    "request for authorization": "requested", "request for change": "requested",
    "scheduled for approval": "requested", "rejected": "rejected",
  ]
}
