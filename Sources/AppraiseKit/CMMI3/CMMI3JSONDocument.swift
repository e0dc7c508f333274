import AppraisalModel

/// The JSON form of a ``CMMI3Report`` (schema: docs/schemas/cmmi3-report.schema.json; fields:
/// docs/cmmi-3-report.md). Every value the tool proposed where the team decides carries `default: true`;
/// every flagged default is also listed in `flags`.
struct CMMI3JSONDocument: Encodable {
  static let reportFormat = 1

  var reportFormat = Self.reportFormat
  var kind = "cmmi3"
  var tool = JSONRenderer.Tool()
  var method = CMMI3Report.methodStatement
  var model: Model
  var appraisal: AppraisalInfo
  var practiceAreas: [Area]
  var projects: [Project]
  var organizationalProcesses: [Process]
  /// Capability appraisals (not an Evaluation).
  var capabilityLevels: [CapabilityLevel]?
  /// Maturity appraisals (not an Evaluation).
  var maturityLevel: MaturityLevel?
  var practiceGroups: [Group]
  var ouValues: [OUValue]
  var projectValues: [ProjectValue]
  /// Every weakness once per practice and text, with the projects it was recorded in.
  var weaknesses: [ProjectWeakness]
  var flags: [Flag]
  var rules: [Rule]
  var warnings: [String]
  var inputs: [Input]

  struct Model: Encodable {
    var id: String
    var version: String
    var title: String?
  }

  struct AppraisalInfo: Encodable {
    var id: String
    var name: String
    var organizationalUnit: String
    var date: String
    var type: String
    var typeTitle: String
    /// ``AppraisalType/summary``: the type's validity facts.
    var typeSummary: String
    var producesRatings: Bool
    var validityYears: Int?
    var validityExtensionYears: Int?
    var representation: String
    var view: String
    var optionalAreas: [String]
    /// Absent when the whole view is rated.
    var selectedAreas: [String]?
    /// Absent for an Evaluation.
    var targetLevel: Int?
    var areaTargets: [AreaTarget]
  }

  struct AreaTarget: Encodable {
    var practiceArea: String
    var level: Int
  }

  struct Area: Encodable {
    var id: String
    var domain: String
    var title: String?
    var ratedLevel: Int
  }

  struct Project: Encodable {
    var id: String
    var name: String
    var outOfScope: [String]
    var organizationalProcesses: [String]
  }

  struct Process: Encodable {
    var id: String
    var name: String
  }

  struct CapabilityLevel: Encodable {
    var practiceArea: String
    var level: Int
    var target: Int
    var nextLevelNotRated: Bool
    var limitation: String?
  }

  struct MaturityLevel: Encodable {
    var level: Int
    var target: Int
    var blockers: [Blocker]
    var inferences: [Inference]
  }

  struct Blocker: Encodable {
    var practiceArea: String
    var reason: String
  }

  struct Inference: Encodable {
    var practiceArea: String
    var maturityLevel: Int
    var throughLevel: Int
    /// Always `true`: an inference the published facts do not settle.
    var flagged = true
  }

  struct Group: Encodable {
    var practiceArea: String
    var level: Int
    var value: String
    var defaultValue: String
    var allowed: [String]
    /// Whether ``value`` is the tool's default (the team has not decided).
    var `default`: Bool
    /// `default (team decides)` or `team decision`.
    var label: String
    var teamJustification: String?
    var reasons: [String]
    var rejectedDecision: String?
  }

  struct OUValue: Encodable {
    var practice: String
    /// Absent when undetermined.
    var value: String?
    var proposed: String?
    var allowed: [String]
    var judgmentNeeded: Bool
    var `default`: Bool
    var label: String
    var teamJustification: String?
    var reason: String
    var rejectedTeamValue: String?
  }

  struct ProjectValue: Encodable {
    var practice: String
    var project: String
    /// Absent when not characterized.
    var value: String?
    /// Evaluation only.
    var risk: String?
    var basis: String
    /// `organizational-processes` basis: the processes whose lowest value it is.
    var processes: [String]?
    var teamJustification: String?
    /// `true` for a GOV or II value defaulted from the organizational processes.
    var `default`: Bool
    var reason: String
    var weaknesses: [Weakness]
  }

  struct Weakness: Encodable {
    var text: String
    var id: String?
  }

  struct ProjectWeakness: Encodable {
    var practice: String
    var text: String
    var id: String?
    var projects: [String]
  }

  struct Flag: Encodable {
    var kind: String
    var subject: String
    var reason: String
    /// Always `true`: the value is a default the team confirms or replaces.
    var `default` = true
  }

  struct Rule: Encodable {
    var rule: String
    var status: String
    var statement: String
  }

  struct Input: Encodable {
    var role: String
    var path: String
    var sha256: String
  }
}

extension CMMI3JSONDocument {
  init(_ report: CMMI3Report) {
    let appraisal = report.appraisal
    let result = report.result
    let header = appraisal.header
    let ratings = result.producesRatings
    model = Model(id: report.catalog.model.id, version: report.catalog.model.version, title: report.catalog.model.title)
    self.appraisal = AppraisalInfo(
      id: header.id, name: header.name, organizationalUnit: header.organizationalUnit, date: header.date,
      type: result.type.rawValue, typeTitle: result.type.title, typeSummary: result.type.summary,
      producesRatings: ratings, validityYears: result.type.validityYears,
      validityExtensionYears: result.type.validityExtensionYears, representation: appraisal.representation.rawValue,
      view: appraisal.view, optionalAreas: appraisal.optionalAreas, selectedAreas: appraisal.selectedAreas,
      targetLevel: ratings ? appraisal.target.level : nil,
      areaTargets: appraisal.target.practiceAreas.map { AreaTarget(practiceArea: $0.practiceArea, level: $0.level) })
    practiceAreas = report.areas.map {
      Area(id: $0.id, domain: $0.domain, title: $0.title, ratedLevel: appraisal.ratedLevel(for: $0.id))
    }
    projects = appraisal.projects.map {
      Project(id: $0.id, name: $0.name, outOfScope: $0.outOfScope, organizationalProcesses: $0.organizationalProcesses)
    }
    organizationalProcesses = appraisal.organizationalProcesses.map { Process(id: $0.id, name: $0.name) }
    if ratings && appraisal.representation == .capability {
      capabilityLevels = result.capabilityLevels.map {
        CapabilityLevel(
          practiceArea: $0.practiceArea, level: $0.level, target: $0.target, nextLevelNotRated: $0.nextLevelNotRated,
          limitation: $0.limitation)
      }
    }
    maturityLevel = result.maturityLevel.map { level in
      MaturityLevel(
        level: level.level, target: level.target,
        blockers: level.blockers.map { Blocker(practiceArea: $0.practiceArea, reason: $0.reason) },
        inferences: level.inferences.map {
          Inference(practiceArea: $0.practiceArea, maturityLevel: $0.maturityLevel, throughLevel: $0.throughLevel)
        })
    }
    practiceGroups = result.practiceGroups.map { group in
      Group(
        practiceArea: group.practiceArea, level: group.level, value: group.value.rawValue,
        defaultValue: group.defaultValue.rawValue, allowed: group.allowed.map(\.rawValue), default: group.isDefault,
        label: CMMI3Report.label(isDefault: group.isDefault), teamJustification: group.teamJustification,
        reasons: group.reasons, rejectedDecision: group.rejectedDecision)
    }
    ouValues = result.ouValues.map { value in
      OUValue(
        practice: value.practice, value: value.value?.code, proposed: value.proposed?.code,
        allowed: value.allowed.map(\.code), judgmentNeeded: value.judgmentNeeded,
        default: value.isProposedDefault, label: CMMI3Report.label(value), teamJustification: value.teamJustification,
        reason: value.reason, rejectedTeamValue: value.rejectedTeamValue)
    }
    projectValues = result.projectValues.map { value in
      var processes: [String]?
      var justification: String?
      switch value.basis {
      case .organizationalProcesses(let list): processes = list
      case .team(let text): justification = text
      default: break
      }
      return ProjectValue(
        practice: value.practice, project: value.project, value: value.value?.code, risk: value.risk?.code,
        basis: value.basisCode, processes: processes, teamJustification: justification,
        default: value.isFlaggedDefault, reason: value.reason,
        weaknesses: value.weaknesses.map { Weakness(text: $0.text, id: $0.id) })
    }
    weaknesses = report.weaknesses.map {
      ProjectWeakness(practice: $0.practice, text: $0.text, id: $0.id, projects: $0.projects)
    }
    flags = result.flags.map { Flag(kind: $0.kind.rawValue, subject: $0.subject, reason: $0.reason) }
    rules = report.rules.map { Rule(rule: $0.rule, status: $0.status.rawValue, statement: $0.statement) }
    warnings = report.warnings
    inputs = report.inputs.map { Input(role: $0.role, path: $0.path, sha256: $0.sha256) }
  }
}

extension JSONRenderer {
  /// The CMMI V3.0 report as JSON (docs/schemas/cmmi3-report.schema.json): keys sorted, pretty-printed.
  public func render(_ report: CMMI3Report) -> String {
    // Encoding these plain structs cannot fail; a failure would be a programming error.
    try! ReportJSONEncoder().encode(CMMI3JSONDocument(report))
  }
}
