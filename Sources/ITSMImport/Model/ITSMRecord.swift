import AppraisalModel
import EvidenceParsers

/// One record of an ITSM tool (an incident, a change, an SLA record, …) in the tool-independent form
/// every importer produces (docs/itsm-import.md). Mapping rules (``ImportMapping``) look only at this
/// form, so one set of rules serves every tool.
public struct ITSMRecord: Hashable, Sendable {
  /// What the record is.
  public enum Kind: String, Hashable, Sendable, CaseIterable {
    case incident, problem
    case knownError = "known-error"
    case change, release
    case serviceRequest = "service-request"
    case sla
    case configurationItem = "configuration-item"
    case knowledgeArticle = "knowledge-article"
    case continuityTest = "continuity-test"
  }

  /// The record's life-cycle state, translated from the tool's own states or codes.
  public enum State: String, Hashable, Sendable, CaseIterable {
    case new
    case inProgress = "in-progress"
    case onHold = "on-hold"
    case resolved, closed, cancelled
    /// A state or code the importer does not know (reported as a warning).
    case unknown
  }

  /// The optional fields an importer may fill (values are text; dates are `YYYY-MM-DD`).
  public static let optionalFields: Set<String> = [
    "category", "priority", "opened", "resolved", "closed", "resolution", "rootCause", "workaround", "approval",
    "backoutPlan", "testPlan", "implementationPlan", "risk", "changeType", "slaName", "breached", "linkedProblem",
    "linkedChange", "service", "ciClass", "published", "reviewed",
  ]
  /// Every field a mapping condition may name.
  public static let fieldNames: Set<String> = optionalFields.union(["kind", "id", "group", "state"])

  public var kind: Kind
  /// The tool's record number, e.g. `INC0010001`.
  public var id: String
  /// What the record is grouped by into instantiations (assignment group, service, project, …).
  public var group: String
  public var state: State
  /// Optional fields by name (``optionalFields``); absent and empty values are left out.
  public var fields: [String: String]

  public init(kind: Kind, id: String, group: String, state: State, fields: [String: String] = [:]) {
    self.kind = kind
    self.id = id
    self.group = group
    self.state = state
    // Filtering copies the dictionary: only when there is an empty value.
    self.fields = fields.values.contains(where: \.isEmpty) ? fields.filter { !$0.value.isEmpty } : fields
  }

  /// The value of any field a condition may name, `nil` when absent.
  public func value(of field: String) -> String? {
    switch field {
    case "kind": kind.rawValue
    case "id": id
    case "group": group
    case "state": state.rawValue
    default: fields[field]
    }
  }

  /// The latest of the record's dates, if any (used as the evidence locator's date).
  public var latestDate: String? {
    var latest: String?
    for name in ["closed", "resolved", "opened"] {
      guard let date = fields[name], date > (latest ?? ""), AppraisalValidator.isCalendarDate(date) else { continue }
      latest = date
    }
    return latest
  }
}
