import AppraisalModel
import EvidenceParsers

/// Jira Service Management (docs/itsm-import.md, "Jira Service Management"): the REST search result
/// (`{"issues": [{"key": …, "fields": {…}}], "names": {…}}`) and the XML issue export (RSS:
/// `rss/channel/item`). Issues labelled as continuity tests, incidents, problems, changes and service
/// requests (with or without the `[System] ` prefix) are read, and any issue type the type map
/// (`--jira-type`, the mapping file's `jiraIssueTypes`) names; other issue types are skipped with a warning
/// naming `--jira-type`. SLA fields of the JSON shape become `sla` records of their issue's group.
///
/// An issue in a Done-category status is closed on its `resolutiondate`, else on the changelog's last
/// transition to that status (`expand=changelog`). A resolution that is not a fix (``unfixedResolutions``:
/// "Won't Do", "Duplicate", "Cannot Reproduce", …) makes the issue `cancelled`, without a resolved date, so
/// it never counts as resolved. A partial export — RSS `<issue start end total>` with `total` above the
/// items returned, a REST page with `total` above `startAt` + `maxResults`, or `isLast: false` — is warned
/// once per file (``PartialExport``).
enum JiraProfile: ITSMProfile {
  static let tool = ITSMTool.jiraSM
  static let xmlShape: NativeRecordReader.XMLShape? = NativeRecordReader.XMLShape(
    root: "rss", wrappers: ["channel"], records: ["item", "issue"], description: "a Jira XML issue export (<rss>)")
  static let jsonArrays = ["issues"]

  static func normalize(_ record: NativeRecord, context: ITSMContext) -> [ITSMOutcome] {
    // The RSS channel's `<issue start end total>` element: no record, at most a warning.
    if context.syntax == .xml && record.container == "issue" {
      return PartialExport.rss(record.node).map { [.skipped($0.message)] } ?? []
    }
    let partial: [ITSMOutcome] =
      context.syntax == .json
      ? PartialExport.rest(context.envelope).map { [.skipped($0.message, once: "partial export")] } ?? [] : []
    return partial + normalizeIssue(record, context: context)
  }

  static func normalizeIssue(_ record: NativeRecord, context: ITSMContext) -> [ITSMOutcome] {
    let issue = Issue(record.node, xml: context.syntax == .xml, names: context.envelope["names"], context.options)
    let key = issue.key
    let prefix = key.map { "\($0): " } ?? ""

    // Kind.
    let kind: ITSMRecord.Kind
    let label = context.options.continuityLabel.lowercased()
    if issue.labels.contains(where: { $0.lowercased() == label }) {
      kind = .continuityTest
    } else if let typeName = issue.typeName {
      var type = typeName.lowercased()
      let mapped = context.options.jiraTypes[type]
      if type.hasPrefix("[system] ") { type.removeFirst("[system] ".count) }
      guard let known = mapped ?? context.options.jiraTypes[type] ?? kinds[type] else {
        return [
          .skipped(
            "\(prefix)issue type '\(typeName)' is not an ITSM record type: skipped "
              + "(to import it, pass --jira-type '\(typeName)=incident' or problem, change, service-request)")
        ]
      }
      kind = known
    } else {
      return [.skipped("\(prefix)issue has no issue type: skipped")]
    }
    if let problem = issue.idTypeProblem(grouped: context.options.groupBy.isEmpty) {
      return [.error("issue \(problem)")]
    }
    guard let key else { return [.error("\(issue.xml ? "item" : "issue") without key")] }

    var draft = RecordDraft()
    // State: by status name, else by status category.
    var state: ITSMRecord.State
    if let status = issue.statusName {
      if let known = statuses[status.lowercased()] {
        state = known
      } else if let category = issue.statusCategory {
        if let known = categories[category.lowercased()] {
          state = known
          draft.warn("status '\(status)' not in the status table: state from its category '\(category)'")
        } else {
          state = .unknown
          draft.warn("status '\(status)' not in the status table and unknown category '\(category)': state 'unknown'")
        }
      } else {
        state = .unknown
        draft.warn("status '\(status)' not in the status table and no status category: state 'unknown'")
      }
    } else {
      state = .unknown
      draft.warn("no status: state 'unknown'")
    }

    var fixed = true
    if let resolution = issue.resolution, resolution.lowercased() != "unresolved" {
      draft["resolution"] = resolution
      if unfixedResolutions.contains(resolution.lowercased()) {
        // Closed without a fix: kept apart from resolved work.
        fixed = false
        if state != .unknown { state = .cancelled }
      }
    }
    let resolvedField = issue.xml ? "resolved" : "fields.resolutiondate"
    draft.date("opened", issue.created, field: issue.xml ? "created" : "fields.created")
    if fixed { draft.date("resolved", issue.resolved, field: resolvedField) }
    if issue.isDone(state: state) {
      if let resolved = issue.resolved {
        draft.date("closed", resolved, field: resolvedField)
      } else if let transition = issue.doneTransition {
        draft.date("closed", transition, field: "changelog.histories[].created")
      }
    }
    draft["priority"] = issue.priority
    draft["category"] = issue.requestType
    for (name, value) in issue.customFields where ITSMRecord.optionalFields.contains(name) {
      draft[name] = draft.fields[name] ?? value
    }
    for link in issue.links {
      if link.type.lowercased() == "problem/incident" {
        if kind == .incident && link.inward { draft["linkedProblem"] = draft.fields["linkedProblem"] ?? link.key }
        if kind == .problem && !link.inward { draft["linkedChange"] = draft.fields["linkedChange"] ?? link.key }
      }
      if link.isChange { draft["linkedChange"] = draft.fields["linkedChange"] ?? link.key }
    }
    if let decisions = issue.approvals, !decisions.isEmpty {
      if decisions.contains("declined") {
        draft["approval"] = "rejected"
      } else if decisions.allSatisfy({ $0 == "approved" }) {
        draft["approval"] = "approved"
      } else {
        draft["approval"] = "requested"
      }
    }

    // Group.
    let group: String
    let groupBy = context.options.groupBy
    if groupBy.isEmpty {
      group = draft.group(issue.projectKey, field: issue.xml ? "project key" : "fields.project.key")
    } else if groupBy == ["component"] {
      group = draft.group(issue.firstComponent, field: "component")
    } else {
      group =
        groupBy.lazy.compactMap { ITSMText.groupName(issue.native($0)) }.first
        ?? draft.unassigned("no \(groupBy.joined(separator: " or "))")
    }

    var outcomes = [draft.record(kind, id: key, group: group, state: state)]
    for sla in issue.slas {
      var slaDraft = RecordDraft()
      slaDraft["slaName"] = sla.name
      slaDraft["breached"] = sla.breached ? "true" : "false"
      outcomes.append(slaDraft.record(.sla, id: "\(key)/\(sla.name)", group: group, state: sla.state))
    }
    return outcomes
  }

  static let kinds: [String: ITSMRecord.Kind] = [
    "incident": .incident, "fault": .incident, "problem": .problem, "change": .change,
    "service request": .serviceRequest, "service request with approvals": .serviceRequest, "it help": .serviceRequest,
    "access": .serviceRequest, "purchase": .serviceRequest,
  ]

  static let statuses: [String: ITSMRecord.State] = [
    "open": .new, "new": .new, "to do": .new, "waiting for support": .new, "draft": .new,
    "in progress": .inProgress, "work in progress": .inProgress, "under investigation": .inProgress,
    "under review": .inProgress, "investigating": .inProgress, "planning": .inProgress,
    "awaiting implementation": .inProgress, "implementing": .inProgress, "authorize": .inProgress,
    "awaiting approval": .inProgress, "escalated": .inProgress,
    "pending": .onHold, "waiting for customer": .onHold, "waiting for approval": .onHold, "on hold": .onHold,
    "resolved": .resolved, "closed": .closed, "done": .closed, "completed": .closed,
    "canceled": .cancelled, "cancelled": .cancelled, "declined": .cancelled, "rejected": .cancelled,
    "won't do": .cancelled,
  ]
  /// Resolutions (lower-cased) that close an issue without fixing it (Jira's defaults and common ones):
  /// the issue becomes `cancelled` and gets no resolved date.
  static let unfixedResolutions: Set<String> = [
    "won't do", "won't fix", "duplicate", "cannot reproduce", "declined", "incomplete", "obsolete",
    "not a bug", "works as designed", "withdrawn", "abandoned",
  ]
  static let categories: [String: ITSMRecord.State] = ["new": .new, "indeterminate": .inProgress, "done": .closed]

  /// Names of the JSM ITSM template's custom fields (lower-cased) → normalized field.
  static let customFieldNames: [String: String] = [
    "root cause": "rootCause", "workaround": "workaround", "change type": "changeType", "change risk": "risk",
    "backout plan": "backoutPlan", "implementation plan": "implementationPlan", "test plan": "testPlan",
    "approvals": "approvals",
  ]

  /// One issue in either shape.
  struct Issue {
    let node: NativeNode
    let xml: Bool
    /// Field id → normalized field name, from `names` and the `--jira-field` overrides.
    let fieldNames: [String: String]
    /// Field id → Jira field name, from `names`.
    let jiraNames: NativeNode

    init(_ node: NativeNode, xml: Bool, names: NativeNode, _ options: ITSMImportOptions) {
      self.node = node
      self.xml = xml
      jiraNames = names
      var fieldNames: [String: String] = [:]
      for member in names.members {
        let (id, name) = (member.name, member.node)
        if let text = name.text, let field = customFieldNames[text.lowercased()] { fieldNames[id] = field }
      }
      for (name, id) in options.jiraFields {
        if let field = customFieldNames[name.lowercased()] ?? (ITSMRecord.optionalFields.contains(name) ? name : nil) {
          fieldNames[id] = field
        }
      }
      self.fieldNames = fieldNames
    }

    var fields: NativeNode { node["fields"] }

    var key: String? { node["key"].text }

    /// The first key of the JSON issue that is not a string, as Jira writes every key (`ITSM-101`,
    /// `ITSM`): the issue's own, its linked issues' and, when it is the group, its project's. (In the XML
    /// export keys are text.)
    func idTypeProblem(grouped: Bool) -> String? {
      guard !xml else { return nil }
      if let problem = node["key"].idTypeProblem("key", .string) { return problem }
      for link in fields["issuelinks"].elements {
        for direction in ["inwardIssue", "outwardIssue"] {
          if let problem = link[direction]["key"].idTypeProblem("fields.issuelinks[].\(direction).key", .string) {
            return problem
          }
        }
      }
      return grouped ? fields["project"]["key"].idTypeProblem("fields.project.key", .string) : nil
    }
    var typeName: String? { xml ? node["type"].text : fields["issuetype"]["name"].text }
    var labels: [String] {
      xml ? node["labels"].all("label").compactMap(\.text) : fields["labels"].elements.compactMap(\.text)
    }
    var statusName: String? { xml ? node["status"].text : fields["status"]["name"].text }
    var statusCategory: String? {
      xml
        ? node["statusCategory"]["key"].text ?? node["status"]["statusCategory"]["key"].text
        : fields["status"]["statusCategory"]["key"].text
    }
    var resolution: String? { xml ? node["resolution"].text : fields["resolution"]["name"].text }
    var created: String? { xml ? node["created"].text : fields["created"].text }
    var resolved: String? { xml ? node["resolved"].text : fields["resolutiondate"].text }

    /// Whether the issue's status is in the Done category: its category key is `done`, or (without a
    /// category) its state is closed or cancelled.
    func isDone(state: ITSMRecord.State) -> Bool {
      if let category = statusCategory?.lowercased() { return category == "done" }
      return state == .closed || state == .cancelled
    }

    /// When the issue last moved to its current status, or else to a status the status table closes or
    /// cancels, from the changelog (`expand=changelog`: `changelog.histories[].items[]` with `field`
    /// `status`). The latest by time wins (in document order when times do not read).
    var doneTransition: String? {
      guard !xml else { return nil }
      let current = statusName?.lowercased()
      var found: (date: String, current: Bool, time: Int?)?
      for history in node["changelog"]["histories"].elements {
        guard let created = history["created"].text else { continue }
        let time = ITSMText.instant(created)
        for item in history["items"].elements where item["field"].text?.lowercased() == "status" {
          guard let target = item["toString"].text?.lowercased() else { continue }
          let isCurrent = target == current
          guard isCurrent || [.closed, .cancelled].contains(statuses[target]) else { continue }
          if let previous = found {
            // A transition to the current status beats any other; among equals, the later one.
            if previous.current && !isCurrent { continue }
            if previous.current == isCurrent, let before = previous.time, let now = time, now < before { continue }
          }
          found = (created, isCurrent, time)
        }
      }
      return found?.date
    }
    var priority: String? { xml ? node["priority"].text : fields["priority"]["name"].text }
    var projectKey: NativeNode { xml ? node["project"]["key"] : fields["project"]["key"] }
    var firstComponent: NativeNode {
      xml ? node["component"] : fields["components"].elements.first?["name"] ?? .missing
    }

    /// A native field for `--group-by`: `fields.<name>` (or the element `<name>`), its text, name or key.
    func native(_ name: String) -> String? {
      let found = xml ? node.path(name) : (fields.path(name).exists ? fields.path(name) : node.path(name))
      let value = found.kind == .array ? found.elements.first ?? .missing : found
      return value.text ?? value["name"].text ?? value["key"].text ?? value["value"].text
    }

    /// The request type's name: the value of a field holding `requestType.name`.
    var requestType: String? {
      guard !xml else { return nil }
      return fields.members.lazy.compactMap { $0.node["requestType"]["name"].text }.first
    }

    /// Custom fields with a normalized name, as text.
    var customFields: [(String, String)] {
      if xml {
        return node["customfields"].all("customfield").compactMap { field in
          guard
            let name = field["customfieldname"].text.flatMap({ customFieldNames[$0.lowercased()] })
              ?? field["id"].text.flatMap({ fieldNames[$0] }),
            let value = field["customfieldvalues"].all("customfieldvalue").compactMap({ ITSMText.plain($0.rawText) })
              .first
          else { return nil }
          return (name, value)
        }
      }
      return fields.members.compactMap { member in
        let (id, value) = (member.name, member.node)
        guard let name = fieldNames[id], let text = Self.text(of: value) else { return nil }
        return (name, text)
      }
    }

    /// Text of a JSON custom field value: a string, an option (`{"value": …}`), a list of options, or an
    /// Atlassian document (`{"type": "doc", "content": […]}`, REST API v3).
    static func text(of value: NativeNode) -> String? {
      switch value.kind {
      case .scalar: return value.text
      case .array:
        let texts = value.elements.compactMap { text(of: $0) }
        return texts.isEmpty ? nil : texts.joined(separator: ", ")
      case .object:
        if value["type"].text == "doc" {
          var parts: [String] = []
          collectText(value, into: &parts)
          return ITSMText.clean(parts.joined(separator: " "))
        }
        return value["value"].text ?? value["name"].text
      default: return nil
      }
    }

    private static func collectText(_ node: NativeNode, into parts: inout [String]) {
      if node["type"].text == "text", let text = node["text"].text { parts.append(text) }
      for element in node["content"].elements { collectText(element, into: &parts) }
    }

    /// The final decisions of the approvals field, if the issue has one.
    var approvals: [String]? {
      guard !xml else { return nil }
      for member in fields.members where member.node.kind == .array {
        let (id, value) = (member.name, member.node)
        let isApprovals =
          fieldNames[id] == "approvals"
          || !value.elements.isEmpty && value.elements.allSatisfy { $0["finalDecision"].exists }
        if isApprovals { return value.elements.compactMap { $0["finalDecision"].text?.lowercased() } }
      }
      return nil
    }

    struct Link {
      var type: String
      var inward: Bool
      var key: String
      var isChange: Bool
    }

    /// Linked issues: link type name, direction, key, and whether the linked issue is a change.
    var links: [Link] {
      if xml {
        var links: [Link] = []
        for linkType in node["issuelinks"].all("issuelinktype") {
          let type = linkType["name"].text ?? ""
          for (direction, inward) in [("inwardlinks", true), ("outwardlinks", false)] {
            for list in linkType.all(direction) {
              for link in list.all("issuelink") {
                if let key = link["issuekey"].text {
                  links.append(Link(type: type, inward: inward, key: key, isChange: false))
                }
              }
            }
          }
        }
        return links
      }
      return fields["issuelinks"].elements.compactMap { link in
        let inward = link["inwardIssue"].exists
        let linked = inward ? link["inwardIssue"] : link["outwardIssue"]
        guard let key = linked["key"].text else { return nil }
        var type = linked["fields"]["issuetype"]["name"].text?.lowercased() ?? ""
        if type.hasPrefix("[system] ") { type.removeFirst("[system] ".count) }
        return Link(type: link["type"]["name"].text ?? "", inward: inward, key: key, isChange: type == "change")
      }
    }

    struct SLA {
      var name: String
      var breached: Bool
      var state: ITSMRecord.State
    }

    /// SLA fields (values with `completedCycles` or `ongoingCycle`) that have started.
    var slas: [SLA] {
      guard !xml else { return [] }
      return fields.members.compactMap { member in
        let (id, value) = (member.name, member.node)
        guard value.kind == .object, value["completedCycles"].exists || value["ongoingCycle"].exists else {
          return nil
        }
        let name = value["name"].text ?? jiraNames[id].text ?? id
        let completed = value["completedCycles"].elements
        let ongoing = value["ongoingCycle"]
        let state: ITSMRecord.State
        if ongoing.kind == .object {
          state = ongoing["paused"].bool == true ? .onHold : .inProgress
        } else if !completed.isEmpty {
          state = .closed
        } else {
          return nil
        }
        let breached = completed.contains { $0["breached"].bool == true } || ongoing["breached"].bool == true
        return SLA(name: name, breached: breached, state: state)
      }
    }
  }
}
