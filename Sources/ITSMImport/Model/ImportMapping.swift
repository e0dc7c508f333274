import AppraisalModel
import EvidenceParsers

/// Mapping rules from ITSM records to practice implementation indicators, loaded from a data file
/// (practice-catalogs/mappings/, format in docs/itsm-import.md): which record kinds, with which field
/// conditions, count as which indicator of which practice, and why.
public struct ImportMapping: Hashable, Sendable {
  /// One test on one field of a record.
  public struct Condition: Hashable, Sendable {
    public enum Test: Hashable, Sendable {
      /// The field has a non-empty value (`true`) or none (`false`).
      case present(Bool)
      /// The field's value is one of these.
      case oneOf([String])
    }
    public var field: String
    public var test: Test

    public init(field: String, test: Test) {
      self.field = field
      self.test = test
    }

    public func holds(for record: ITSMRecord) -> Bool { holds(record.value(of: field)) }

    /// Whether the condition holds for a record whose value of ``field`` is `value`.
    func holds(_ value: String?) -> Bool {
      switch test {
      case .present(let wanted): return (value != nil) == wanted
      case .oneOf(let values): return value.map(values.contains) ?? false
      }
    }
  }

  /// Records of `kind` meeting every condition are evidence of `practice`, as `indicator`, once at
  /// least `minimumRecords` of one group do.
  public struct Rule: Hashable, Sendable {
    public var id: String
    public var kind: ITSMRecord.Kind
    public var conditions: [Condition]
    public var practice: PracticeReference
    public var indicator: EvidenceItem.Indicator
    public var minimumRecords: Int
    /// Why such records are evidence of the practice.
    public var rationale: String

    public init(
      id: String, kind: ITSMRecord.Kind, conditions: [Condition], practice: PracticeReference,
      indicator: EvidenceItem.Indicator, minimumRecords: Int = 1, rationale: String
    ) {
      self.id = id
      self.kind = kind
      self.conditions = conditions
      self.practice = practice
      self.indicator = indicator
      self.minimumRecords = minimumRecords
      self.rationale = rationale
    }

    public func matches(_ record: ITSMRecord) -> Bool {
      record.kind == kind && conditions.allSatisfy { $0.holds(for: record) }
    }
  }

  public var model: String
  public var modelVersion: String
  public var title: String
  public var rules: [Rule]
  /// Jira issue type names read as a record kind (`"Support Request": "service-request"`), for service desks
  /// run in Jira Software or Jira Cloud; `--jira-type` entries come before them.
  public var jiraIssueTypes: [String: ITSMRecord.Kind]
  /// ITSM group → the instantiation (id or name) of an appraisal merged into that takes its records
  /// (`groupMap` in the file; `--map-group GROUP=UNIT` adds to it and wins).
  public var groupMap: [String: String]

  public init(
    model: String, modelVersion: String, title: String, rules: [Rule], jiraIssueTypes: [String: ITSMRecord.Kind] = [:],
    groupMap: [String: String] = [:]
  ) {
    self.model = model
    self.modelVersion = modelVersion
    self.title = title
    self.rules = rules
    self.jiraIssueTypes = jiraIssueTypes
    self.groupMap = groupMap
  }

  /// Every problem of the mapping against `catalog`: model mismatch, duplicate rule ids, practices
  /// not in the catalog, unknown fields, artifacts only (an import never affirms anything).
  public func problems(against catalog: Catalog) -> [ModelProblem] {
    var problems: [ModelProblem] = []
    let root = ModelPath.root
    if let mismatch = catalog.model.mismatch(model, modelVersion, what: "the mapping") {
      problems.append(ModelProblem(.error, at: root.appending("model"), mismatch))
    }
    var ids: Set<String> = []
    for (index, rule) in rules.enumerated() {
      let path = root.appending("rules").appending(index)
      if !ids.insert(rule.id).inserted {
        problems.append(
          ModelProblem(.error, at: path.appending("id"), "rule id \"\(rule.id)\" appears twice"))
      }
      if !catalog.contains(rule.practice) {
        problems.append(
          ModelProblem(
            .error, at: path.appending("practice"),
            "rule \(rule.id): practice \"\(rule.practice)\" is not in \(catalog.model.id) \(catalog.model.version)"
          ))
      }
      if !rule.indicator.isArtifact {
        problems.append(
          ModelProblem(
            .error, at: path.appending("indicator"),
            "rule \(rule.id): indicator is \"\(rule.indicator.rawValue)\"; expected an artifact (records are never affirmations)"
          ))
      }
      if rule.minimumRecords < 1 {
        problems.append(
          ModelProblem(
            .error, at: path.appending("minimumRecords"),
            "rule \(rule.id): minimumRecords is \(rule.minimumRecords); expected 1 or more"))
      }
      for (number, condition) in rule.conditions.enumerated() where !ITSMRecord.fieldNames.contains(condition.field) {
        problems.append(
          ModelProblem(
            .error, at: path.appending("when").appending(number).appending("field"),
            "rule \(rule.id): unknown field \"\(condition.field)\"; expected one of "
              + ITSMRecord.fieldNames.sorted().joined(separator: ", ")))
      }
    }
    return problems
  }
}
