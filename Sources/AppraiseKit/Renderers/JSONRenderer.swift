import AppraisalModel

/// Machine-readable reports (schema: docs/schemas/report.schema.json). Keys are sorted and the output
/// pretty-printed, so the same inputs always give the same bytes.
public struct JSONRenderer: ReportRenderer {
  public init() {}

  static let reportFormat = 1

  public func render(_ report: RateReport) -> String {
    encode(RateDocument(kind: "rate", report: report, inputs: report.inputs))
  }

  public func render(_ report: CompareReport) -> String {
    encode(CompareDocument(report))
  }

  private func encode(_ value: some Encodable) -> String {
    // Encoding these plain structs cannot fail; a failure would be a programming error.
    try! ReportJSONEncoder().encode(value)
  }

  /// The program that wrote the report.
  struct Tool: Encodable {
    var name = ToolIdentity.name
    var version = ToolIdentity.version
  }

  struct RateDocument: Encodable {
    var reportFormat = JSONRenderer.reportFormat
    var kind: String
    var tool = Tool()
    var method = RatingRules.methodStatement
    var model: Model
    var appraisal: AppraisalInfo
    /// The disclosure facts as the evidence file records them; absent when it records none.
    var disclosure: Disclosure?
    var scope: Scope
    var instantiations: [Unit]
    var processAreas: [Area]
    /// The executive summary's judgments the team still owes (aggregations, significance decisions).
    var judgmentsOutstanding: [String]
    var maturityLevel: Level?
    var equivalentStaging: Level
    var rules: [Rule]
    var notes: [String]
    var inputs: [Input]?
    var itilView: View?
    /// "summary" when per-instantiation values are counted per practice; absent for full detail.
    var detail: String?

    init(kind: String, report: RateReport, inputs: [InputDigest]?) {
      let result = report.result
      let appraisal = report.appraisal
      self.kind = kind
      model = Model(
        id: report.catalog.model.id, version: report.catalog.model.version, title: report.catalog.model.title)
      let target = appraisal.target.representation
      self.appraisal = AppraisalInfo(
        id: appraisal.header.id, name: appraisal.header.name, organizationalUnit: appraisal.header.organizationalUnit,
        date: appraisal.header.date, methodClass: appraisal.header.methodClass, representation: target.0,
        targetLevel: target.1)
      disclosure = appraisal.disclosure.isEmpty ? nil : appraisal.disclosure
      scope = Scope(
        inScope: report.ratedAreas.map(\.processArea),
        notApplicable: appraisal.scope.notApplicable.map { .init(processArea: $0.processArea, reason: $0.reason) },
        outOfScope: result.processAreas.filter { $0.value == .outOfScope }.map(\.processArea),
        outOfScopeReasons: appraisal.scope.outOfScope.isEmpty
          ? nil : appraisal.scope.outOfScope.map { .init(processArea: $0.processArea, reason: $0.reason) },
        includesAdditions: appraisal.scope.includesAdditions,
        areaTargets: appraisal.scope.areaTargets.isEmpty
          ? nil : appraisal.scope.areaTargets.map { .init(processArea: $0.processArea, level: $0.level) },
        specificGoalsOnly: appraisal.scope.specificGoalsOnly ? true : nil,
        coverage: .init(
          enabled: appraisal.coverage.isEnabled, rule: appraisal.coverage.rule.rawValue,
          minimumShare: appraisal.coverage.minimumShare.description))
      instantiations = appraisal.instantiations.map {
        Unit(id: $0.id, name: $0.name, kind: $0.kind.rawValue, subgroup: $0.subgroup, processAreas: $0.processAreas)
      }
      // Full detail lists each unit's value with the evidence items behind it (the evidence trail).
      var trail: [String: [TrailItem]] = [:]
      if report.detail == .full, let cells = report.evidenceTrail?.cells {
        for cell in cells { trail["\(cell.practice)\u{0}\(cell.instantiation)"] = cell.entries.map(TrailItem.init) }
      }
      processAreas = report.ratedAreas.map { Area($0, report: report, trail: trail) }
      judgmentsOutstanding = report.outstandingJudgments()
      maturityLevel = result.maturityLevel.map(Level.init)
      equivalentStaging = Level(result.equivalentStaging)
      rules = RatingRules.summary(coverage: appraisal.coverage).map { Rule(rule: $0.rule, statement: $0.statement) }
      notes = result.notes + report.warnings
      self.inputs = inputs?.map(Input.init)
      itilView = report.view.map(View.init)
      detail = report.detail == .summary ? "summary" : nil
    }
  }

  struct Model: Encodable { var id, version, title: String }

  struct AppraisalInfo: Encodable {
    var id, name, organizationalUnit, date, methodClass, representation: String
    var targetLevel: Int
  }

  struct Scope: Encodable {
    struct Exclusion: Encodable { var processArea, reason: String }
    struct Coverage: Encodable {
      var enabled: Bool
      var rule: String
      var minimumShare: String
    }
    struct AreaTarget: Encodable {
      var processArea: String
      var level: Int
    }
    var inScope: [String]
    var notApplicable: [Exclusion]
    var outOfScope: [String]
    var outOfScopeReasons: [Exclusion]?
    var includesAdditions: Bool
    var areaTargets: [AreaTarget]?
    var specificGoalsOnly: Bool?
    var coverage: Coverage
  }

  struct Unit: Encodable {
    var id, name, kind: String
    var subgroup: String?
    var processAreas: [String]?
  }

  struct Capability: Encodable {
    var level: Int
    var nextLevelNotRated: Bool
    var limitation: String?
  }

  struct Area: Encodable {
    var id, name, rating: String
    var maturityLevel: Int
    var reasons: [String]
    /// The goals not (yet) satisfied, each with its first reason, as the executive summary lists them.
    var remainingGaps: [String]
    var capabilityLevel: Capability?
    /// Continuous appraisals: the level sought for this area (its own target or the appraisal's).
    var targetCapabilityLevel: Int?
    var coverageMet: Bool?
    /// The data-coverage counts that fall short, in the goal reasons' words.
    var coverageShortfalls: [String]?
    var goals: [GoalEntry]

    init(_ area: ProcessAreaRating, report: RateReport, trail: [String: [TrailItem]]) {
      id = area.processArea
      name = area.name
      rating = area.value.rawValue
      maturityLevel = area.maturityLevel
      reasons = area.reasons
      remainingGaps = report.gapList(area)
      capabilityLevel = area.capability.map {
        Capability(level: $0.level, nextLevelNotRated: $0.nextLevelNotRated, limitation: $0.limitation)
      }
      targetCapabilityLevel = area.targetCapabilityLevel
      coverageMet = area.coverage.map(\.isMet)
      if let coverage = area.coverage, !coverage.isMet { coverageShortfalls = DataCoverageRule.shortfall(coverage) }
      goals = area.goals.map { GoalEntry($0, report: report, trail: trail) }
    }
  }

  struct Significance: Encodable {
    var significant: Bool
    var justification: String
  }

  struct GoalEntry: Encodable {
    var id, title, rating: String
    var generic, provisional: Bool
    var reasons: [String]
    var significance: Significance?
    var practices: [PracticeEntry]

    init(_ goal: GoalRating, report: RateReport, trail: [String: [TrailItem]]) {
      id = goal.goal
      title = goal.title
      rating = goal.value.rawValue
      generic = goal.isGeneric
      provisional = goal.isProvisional
      reasons = goal.reasons
      significance = goal.significance.map {
        Significance(significant: $0.significant, justification: $0.justification)
      }
      practices = goal.practices.map {
        PracticeEntry($0, title: report.title(of: $0.practice), detail: report.detail, trail: trail)
      }
    }
  }

  struct Decision: Encodable {
    var value: String
    var allowed: [String]
    var justification: String
  }

  struct PracticeEntry: Encodable {
    var id, title: String
    var value: String?
    /// Which aggregation row decided: uniform, fully-or-largely, team-decision, judgment-needed,
    /// all-not-yet, incomplete, no-instantiations.
    var basis: String
    var judgmentNeeded: Bool
    /// The values the team may choose from while the judgment is needed.
    var allowed: [String]?
    var decision: Decision?
    var rejectedDecision: String?
    /// Every instantiation's value (full detail), or
    var instantiations: [UnitValue]?
    /// how many instantiations have each value (summary: FI, LI, PI, NI, NY and "—" not characterized).
    var distribution: [String: Int]?

    init(_ practice: OUCharacterization, title: String, detail: ReportDetail, trail: [String: [TrailItem]]) {
      id = practice.practice.description
      self.title = title
      value = practice.value?.code
      judgmentNeeded = practice.judgmentNeeded
      switch practice.basis {
      case .noInstantiations: basis = "no-instantiations"
      case .incomplete: basis = "incomplete"
      case .allNotYet: basis = "all-not-yet"
      case .uniform: basis = "uniform"
      case .fullyOrLargely: basis = "fully-or-largely"
      case .teamDecision(let allowed, let justification):
        basis = "team-decision"
        decision = Decision(value: practice.value!.code, allowed: allowed.map(\.code), justification: justification)
      case .judgmentNeeded(let values):
        basis = "judgment-needed"
        allowed = values.map(\.code)
      }
      rejectedDecision = practice.rejectedDecision?.reason
      switch detail {
      case .full:
        instantiations = practice.instantiations.map {
          UnitValue($0, items: trail["\($0.practice)\u{0}\($0.instantiation)"] ?? [])
        }
      case .summary:
        distribution = Dictionary(
          uniqueKeysWithValues: zip(ReportDetail.columns, ReportDetail.distribution(practice)))
      }
    }
  }

  struct Observed: Encodable {
    var text: String
    var impact: String?
  }

  struct UnitValue: Encodable {
    struct Evidence: Encodable { var directArtifacts, indirectArtifacts, untypedArtifacts, affirmations: Int }
    var instantiation: String
    var value, team, derived: String?
    var derivation: String
    var evidence: Evidence
    var weaknesses: [Observed]
    var strengths: [Observed]
    /// The evidence items behind the value (the evidence trail), sorted by id.
    var items: [TrailItem]

    init(_ unit: InstantiationCharacterization, items: [TrailItem]) {
      self.items = items
      instantiation = unit.instantiation
      value = unit.value?.code
      team = unit.team?.code
      derived = unit.derived?.code
      derivation = unit.derivation
      evidence = Evidence(
        directArtifacts: unit.evidence.directArtifacts, indirectArtifacts: unit.evidence.indirectArtifacts,
        untypedArtifacts: unit.evidence.untypedArtifacts, affirmations: unit.evidence.affirmations)
      weaknesses = unit.weaknesses.map { Observed(text: $0.text, impact: $0.impact.rawValue) }
      strengths = unit.strengths.map { Observed(text: $0.text, impact: nil) }
    }
  }

  /// One evidence item of the trail: an artifact with its locator, an affirmation by its record only.
  struct TrailItem: Encodable {
    var id, indicator, document: String
    var section, version, date, url: String?
    var imported: Bool

    init(_ entry: EvidenceTrail.Entry) {
      id = entry.id
      indicator = entry.indicator.rawValue
      document = entry.document
      section = entry.section
      version = entry.version
      date = entry.date
      url = entry.url
      imported = entry.imported
    }
  }

  struct Level: Encodable {
    struct Blocker: Encodable { var processArea, reason: String }
    var level, target: Int
    var blockers: [Blocker]
    init(_ result: MaturityLevelResult) {
      level = result.level
      target = result.target
      blockers = result.blockers.map { Blocker(processArea: $0.processArea, reason: $0.reason) }
    }
  }

  struct Rule: Encodable { var rule, statement: String }

  struct Input: Encodable {
    var role, path, sha256: String
    init(_ digest: InputDigest) {
      role = digest.role
      path = digest.path
      sha256 = digest.sha256
    }
  }

  struct CompareDocument: Encodable {
    struct GoalRow: Encodable {
      var id, title, before, after: String
      /// Satisfied with weaknesses not yet judged for significance (as `provisional` in a rate report).
      var beforeProvisional, afterProvisional: Bool
      var changed: Bool
    }
    struct AreaRow: Encodable {
      var processArea, name, before, after: String
      var capabilityBefore, capabilityAfter: Int?
      var goals: [GoalRow]
    }
    struct Transition: Encodable {
      var practice: String
      var before, after: String?
    }
    struct WeaknessChange: Encodable {
      var practice, text, impact: String
      var instantiations: [String]
      var ids: [String]
    }
    /// A weakness on both sides with other wording: the same finding.
    struct Rewording: Encodable {
      var practice, textBefore, textAfter, impact: String
      var instantiations: [String]
      var ids: [String]
      /// `id` or `text` (FindingIdentity.Match).
      var matchedBy: String
    }

    var reportFormat = JSONRenderer.reportFormat
    var kind = "compare"
    var tool = Tool()
    var method = RatingRules.methodStatement
    var warnings: [String]
    var table: [AreaRow]
    var transitions: [Transition]
    var closedWeaknesses: [WeaknessChange]
    var newWeaknesses: [WeaknessChange]
    var rewordedWeaknesses: [Rewording]
    var before: RateDocument
    var after: RateDocument
    var inputs: [Input]

    init(_ report: CompareReport) {
      let comparison = report.comparison
      warnings = comparison.warnings
      table = comparison.areas.map { area in
        AreaRow(
          processArea: area.processArea, name: area.name, before: area.before.rawValue, after: area.after.rawValue,
          capabilityBefore: area.beforeCapability?.level, capabilityAfter: area.afterCapability?.level,
          goals: area.goals.map {
            GoalRow(
              id: $0.goal, title: $0.title, before: $0.before.rawValue, after: $0.after.rawValue,
              beforeProvisional: $0.beforeIsProvisional, afterProvisional: $0.afterIsProvisional, changed: $0.changed)
          })
      }
      transitions = comparison.transitions.map {
        Transition(practice: $0.practice.description, before: $0.before?.code, after: $0.after?.code)
      }
      let change = { (weakness: AppraisalComparison.WeaknessChange) in
        WeaknessChange(
          practice: weakness.practice.description, text: weakness.text, impact: weakness.impact.rawValue,
          instantiations: weakness.instantiations, ids: weakness.ids)
      }
      closedWeaknesses = comparison.closedWeaknesses.map(change)
      newWeaknesses = comparison.newWeaknesses.map(change)
      rewordedWeaknesses = comparison.rewordedWeaknesses.map {
        Rewording(
          practice: $0.after.practice.description, textBefore: $0.before.text, textAfter: $0.after.text,
          impact: $0.after.impact.rawValue, instantiations: $0.after.instantiations,
          ids: ($0.before.ids + $0.after.ids).uniqued(), matchedBy: $0.match.rawValue)
      }
      before = RateDocument(kind: "rate", report: report.before, inputs: nil)
      after = RateDocument(kind: "rate", report: report.after, inputs: nil)
      inputs = report.inputs.map(Input.init)
    }
  }

  /// A cross-model view (`--view itil`).
  struct View: Encodable {
    struct Link: Encodable {
      var cmmi, relation, strength, source: String
      var authoritative: Bool
      var status: String
      var supports: Bool
      var note: String?
    }
    struct Process: Encodable {
      var id, name: String
      var book: String?
      var summary: String
      var links: [Link]
    }
    struct Source: Encodable {
      var id, title: String
      var reference: String?
      var authoritative: Bool
    }
    var framework: String
    var statement: String
    var processes: [Process]
    var sources: [Source]

    init(_ view: CrossModelView) {
      framework = view.framework
      statement = RateReport.viewStatement(view)
      processes = view.rows.map { row in
        Process(
          id: row.process.id, name: row.process.name, book: row.process.book, summary: row.summary,
          links: row.entries.map {
            Link(
              cmmi: $0.link.target, relation: $0.link.relation.rawValue, strength: $0.link.strength.rawValue,
              source: $0.link.source, authoritative: $0.isAuthoritative, status: $0.status, supports: $0.supports,
              note: $0.link.note)
          })
      }
      sources = view.sources.map {
        Source(id: $0.id, title: $0.title, reference: $0.reference, authoritative: $0.isAuthoritative)
      }
    }
  }
}
