/// Runs the rating rules over an appraisal: characterization per instantiation (rule 1), aggregation to
/// the OU (rule 2), data coverage (rule 3), goals (rule 4), process areas (rule 5), capability levels
/// (rule 6), maturity level (rule 7) and equivalent staging (rule 8).
///
/// The rater trusts that the appraisal was validated against the catalog; anything it cannot use (e.g.
/// evidence for an area out of scope, a decision for a practice that was not rated) becomes a note in the
/// result, never a crash and never a silent change of rating.
public enum AppraisalRater {
  public static func rate(_ appraisal: Appraisal, catalog: Catalog) -> AppraisalResult {
    let scope = appraisal.scope
    let notApplicable = Dictionary(
      scope.notApplicable.map { ($0.processArea, $0.reason) }, uniquingKeysWith: { first, _ in first })
    let inScope = Set(scope.processAreas)

    // Which areas are rated and which are excluded from maturity levels.
    var excluded: Set<String> = []
    var ratedAreas: [ProcessArea] = []
    for area in catalog.processAreas {
      if notApplicable[area.id] != nil || (area.isAddition && !scope.includesAdditions) {
        excluded.insert(area.id)
      } else if inScope.contains(area.id) {
        ratedAreas.append(area)
      }
    }

    // Rule 1 for every recorded pair and every pair the rated goals need (each rated practice in each unit
    // that examines its area), by number: units as indices into the sample.
    var areaUnits: [String: [Int32]] = [:]
    var required: [(practices: [PracticeReference], units: [Int32])] = []
    for area in ratedAreas {
      let units = appraisal.instantiations.indices.filter { appraisal.instantiations[$0].examines(area.id) }
        .map { Int32($0) }
      areaUnits[area.id] = units
      let ratedLevels = ratedGenericLevels(of: appraisal, area: area.id, catalog: catalog)
      required.append(
        (practices(of: area, catalog: catalog, levels: ratedLevels).map { PracticeReference(area.id, $0.id) }, units))
    }
    let characterized = PracticeCharacterizationRule.characterize(appraisal, required: required)
    let decisions = Dictionary(
      appraisal.aggregationDecisions.map { ($0.practice, $0) }, uniquingKeysWith: { first, _ in first })
    let significance = Dictionary(
      appraisal.significanceDecisions.map { ("\($0.processArea) \($0.goal)", $0) },
      uniquingKeysWith: { first, _ in first })

    let provided = DataCoverageRule.provided(characterized)
    let ratedAreaIDs = ratedAreas.map(\.id)
    let sample = DataCoverageRule.Sample(
      appraisal, rule: appraisal.coverage.rule, provided: provided, ratedAreas: ratedAreaIDs)
    var ratings: [ProcessAreaRating] = []
    var used: Set<PracticeReference> = []
    var usedGoals: Set<String> = []
    for area in catalog.processAreas {
      if let reason = notApplicable[area.id] {
        ratings.append(rating(area, .notApplicable, Message.notApplicable(reason)))
        continue
      }
      if area.isAddition && !scope.includesAdditions {
        ratings.append(rating(area, .outOfScope, Message.additionNotSelected))
        continue
      }
      guard inScope.contains(area.id) else {
        let reason = scope.outOfScope.first { $0.processArea == area.id }?.reason
        ratings.append(rating(area, .outOfScope, reason.map(Message.outOfScope) ?? Message.notInScope))
        continue
      }
      let ratedLevels = ratedGenericLevels(of: appraisal, area: area.id, catalog: catalog)
      let units = (areaUnits[area.id] ?? []).map { Int32(characterized.instantiationNumbers[Int($0)]) }
      let coverage = DataCoverageRule.check(
        processArea: area.id, appraisal: appraisal, policy: appraisal.coverage, provided: provided, sample: sample)

      func rateGoal(_ id: String, _ title: String, _ practices: [Practice], generic: Bool) -> GoalRating {
        let aggregated = practices.map { practice in
          let reference = PracticeReference(area.id, practice.id)
          used.insert(reference)
          let values = characterized.number(reference).map { characterized.values(practice: $0, units: units) } ?? []
          return OUAggregationRule.aggregate(reference, values, decision: decisions[reference])
        }
        usedGoals.insert("\(area.id) \(id)")
        return GoalRatingRule.rate(
          processArea: area.id, goal: id, title: title, isGeneric: generic, practices: aggregated,
          coverage: coverage, significance: significance["\(area.id) \(id)"])
      }

      let specific = area.goals.map { rateGoal($0.id, $0.title, $0.practices, generic: false) }
      var generic: [Int: GoalRating] = [:]
      for level in ratedLevels {
        let goal = catalog.genericGoal(forCapabilityLevel: level)!
        generic[level] = rateGoal(goal.id, goal.title, goal.practices, generic: true)
      }
      let goals = specific + ratedLevels.compactMap { generic[$0] }
      let (value, reasons) = ProcessAreaRatingRule.rate(goals)
      let capability = CapabilityLevelRule.level(
        specificGoals: specific, genericGoals: generic, highestLevel: catalog.highestCapabilityLevel)
      ratings.append(
        ProcessAreaRating(
          processArea: area.id, name: area.name, maturityLevel: area.maturityLevel, value: value, reasons: reasons,
          goals: goals, capability: capability, coverage: coverage,
          targetCapabilityLevel: appraisal.capabilityTarget(of: area.id)))
    }

    let byID = Dictionary(uniqueKeysWithValues: ratings.map { ($0.processArea, $0) })
    var maturity: MaturityLevelResult? = nil
    if case .maturityLevel(let target) = appraisal.target, !scope.specificGoalsOnly {
      maturity = MaturityLevelRule.level(catalog: catalog, ratings: byID, excluded: excluded, target: target)
    }
    let profile = ratings.reduce(into: [String: CapabilityLevel]()) { $0[$1.processArea] = $1.capability }
    let staging = EquivalentStagingRule.level(catalog: catalog, profile: profile, excluded: excluded)

    return AppraisalResult(
      appraisal: appraisal, model: catalog.model, processAreas: ratings, maturityLevel: maturity,
      equivalentStaging: staging,
      notes: notes(appraisal, characterized: characterized, used: used, usedGoals: usedGoals, ratings: ratings))
  }

  /// The process areas `appraisal` rates, in catalog order: in scope, not declared not applicable, and not
  /// an addition the scope leaves out.
  public static func ratedAreas(of appraisal: Appraisal, catalog: Catalog) -> [ProcessArea] {
    let notApplicable = Set(appraisal.scope.notApplicable.map(\.processArea))
    let inScope = Set(appraisal.scope.processAreas)
    return catalog.processAreas.filter { area in
      !notApplicable.contains(area.id) && !(area.isAddition && !appraisal.scope.includesAdditions)
        && inScope.contains(area.id)
    }
  }

  /// The generic-goal capability levels `appraisal`'s target rates for any area that `catalog` has a
  /// generic goal for (with a target profile, the union over the areas).
  public static func ratedGenericLevels(of appraisal: Appraisal, catalog: Catalog) -> [Int] {
    appraisal.ratedGenericLevelsOfAnyArea.filter { catalog.genericGoal(forCapabilityLevel: $0) != nil }
  }

  /// The generic-goal capability levels rated for `area` that `catalog` has a generic goal for.
  public static func ratedGenericLevels(of appraisal: Appraisal, area: String, catalog: Catalog) -> [Int] {
    appraisal.ratedGenericLevels(of: area).filter { catalog.genericGoal(forCapabilityLevel: $0) != nil }
  }

  /// The practices rated for an area: its specific practices and the generic practices of the rated levels
  /// (``ratedGenericLevels(of:catalog:)``), in catalog order.
  public static func practices(of area: ProcessArea, catalog: Catalog, levels: [Int]) -> [Practice] {
    area.goals.flatMap(\.practices)
      + levels.flatMap { catalog.genericGoal(forCapabilityLevel: $0)?.practices ?? [] }
  }

  private static func rating(_ area: ProcessArea, _ value: ProcessAreaRating.Value, _ reason: String)
    -> ProcessAreaRating
  {
    ProcessAreaRating(
      processArea: area.id, name: area.name, maturityLevel: area.maturityLevel, value: value, reasons: [reason])
  }

  private static func notes(
    _ appraisal: Appraisal, characterized: CharacterizationTable,
    used: Set<PracticeReference>, usedGoals: Set<String>, ratings: [ProcessAreaRating]
  ) -> [String] {
    var notes: [String] = []
    let unused = characterized.practicesRecorded.subtracting(used)
    if !unused.isEmpty {
      notes.append(Message.unusedRecords(unused.sorted().map(\.description)))
    }
    for decision in appraisal.aggregationDecisions where !used.contains(decision.practice) {
      notes.append(Message.unusedDecision("\(decision.practice)"))
    }
    for decision in appraisal.significanceDecisions
    where !usedGoals.contains("\(decision.processArea) \(decision.goal)") {
      notes.append(Message.unusedDecision("\(decision.processArea) \(decision.goal)"))
    }
    for practice in ratings.flatMap({ $0.goals.flatMap(\.practices) }) {
      if let rejected = practice.rejectedDecision {
        notes.append("team decision for \(practice.practice) ignored: \(rejected.reason)")
      }
      let units = practice.instantiations
      let lacking = units.positions { team, hasWeakness in
        team.map { $0 != .fullyImplemented && $0 != .notYet } == true && !hasWeakness
      }
      for position in lacking { notes.append(Message.noWeakness(units[position])) }
    }
    // Areas rated Not Rated for want of affirmations that only an import gave evidence for: say what is missing.
    let notRated = Set(ratings.filter { $0.goals.contains { $0.value == .notRated } }.map(\.processArea))
    if let hint = Appraisal.affirmationsHint(areas: appraisal.areasWithImportedArtifactsOnly.filter(notRated.contains))
    {
      notes.append(hint)
    }
    return notes
  }

  enum Message {
    static func notApplicable(_ reason: String) -> String { "declared not applicable: \(reason)" }
    static let additionNotSelected = "an addition the organization did not select"
    static let notInScope = "not in the appraisal's scope"
    static func outOfScope(_ reason: String) -> String { "out of scope: \(reason)" }
    static func unusedRecords(_ practices: [String]) -> String {
      "records for practices that are not rated were ignored: " + practices.joined(separator: ", ")
    }
    static func unusedDecision(_ what: String) -> String { "team decision for \(what) ignored: it was not rated" }
    static func noWeakness(_ unit: InstantiationCharacterization) -> String {
      "\(unit.practice) in \(unit.instantiation) is characterized \(unit.team!.code) by the team but carries no weakness; "
        + "SCAMPI expects at least one for LI, PI and NI"
    }
  }
}
