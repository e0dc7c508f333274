import AppraisalModel

/// Jira Service Management: the REST search result (`{"issues": [{"key": …, "fields": {…}}]}`) and the
/// XML issue export (RSS: `rss/channel/item`). Issue types Incident, Problem, Change and Service request
/// (with or without the `[System] ` prefix) are read; others are skipped with a warning.
enum JiraProfile: ITSMProfile {
  static let shape = NativeRecordReader.XMLShape(
    root: "rss", wrappers: ["channel"], records: ["item"], description: "a Jira XML issue export (<rss>)")
  static let jsonArrays = ["issues"]
  static let defaultGroupField = ["fields.project.name", "project", "fields.project.key", "project.key"]

  static func normalize(_ native: NativeRecord, groupBy: [String]) -> NormalizedRecord {
    var warnings: [String] = []
    let typeName = native.value("fields.issuetype.name", "type") ?? ""
    var type = typeName.lowercased()
    if type.hasPrefix("[system] ") { type.removeFirst("[system] ".count) }
    let kind: ITSMRecord.Kind
    switch type {
    case "incident": kind = .incident
    case "problem": kind = .problem
    case "change", "emergency change", "normal change", "standard change": kind = .change
    case "service request", "service request with approvals", "it help", "new feature request": kind = .serviceRequest
    case "post-incident review": kind = .problem
    default:
      return .skipped(
        "issue type \"\(typeName)\" is not one the import reads (Incident, Problem, Change, Service request)")
    }
    guard let id = native.value("key", "id") else { return .skipped("issue has no key; skipped") }
    let statusName = native.value("fields.status.name", "status")
    var state: ITSMRecord.State
    if let name = statusName?.lowercased(), let known = statuses[name] {
      state = known
    } else if let category = native.value("fields.status.statusCategory.key")?.lowercased(),
      let known = categories[category]
    {
      state = known
    } else {
      state = Self.state(statusName, statuses, field: "status", &warnings)
    }
    var fields: [String: String] = [:]
    let resolution = native.value("fields.resolution.name", "resolution")
    if let resolution, resolution.lowercased() != "unresolved" {
      fields["resolution"] = resolution
      if state == .inProgress || state == .new { state = .resolved }
    }
    fields["priority"] = native.value("fields.priority.name", "priority")
    fields["category"] = native.value("fields.components.name", "component")
    fields["opened"] = day(native.value("fields.created", "created"))
    fields["resolved"] = day(native.value("fields.resolutiondate", "resolved"))
    fields["service"] = native.value("fields.components.name", "component")
    let group = group(native, groupBy.isEmpty ? defaultGroupField : groupBy, &warnings)
    return .record(ITSMRecord(kind: kind, id: id, group: group, state: state, fields: fields), warnings: warnings)
  }

  static let statuses: [String: ITSMRecord.State] = [
    "open": .new, "new": .new, "waiting for support": .new, "to do": .new, "in progress": .inProgress,
    "work in progress": .inProgress, "investigating": .inProgress, "under investigation": .inProgress,
    "waiting for customer": .onHold, "pending": .onHold, "escalated": .inProgress, "awaiting approval": .inProgress,
    "awaiting implementation": .inProgress, "implementing": .inProgress, "planning": .inProgress,
    "under review": .inProgress, "resolved": .resolved, "done": .closed, "closed": .closed, "completed": .closed,
    "canceled": .cancelled, "cancelled": .cancelled, "declined": .cancelled, "rejected": .cancelled,
  ]
  static let categories: [String: ITSMRecord.State] = ["new": .new, "indeterminate": .inProgress, "done": .closed]
}
