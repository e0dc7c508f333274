/// Computes the smallest set of practice improvements that reaches a target, by the rating rules
/// themselves, and checks the claim by rating the appraisal again with the plan carried out.
///
/// **Which goals.** ``CapabilityLevelRule``: capability level N of an area needs its specific goals (CL ≥ 1),
/// GG 2 (CL ≥ 2) and GG 3 (CL 3) Satisfied. ``MaturityLevelRule``: maturity level N needs every area of the
/// catalog at maturity level ≤ N — but those declared not applicable and additions the organization did
/// not select — with its specific goals and the generic goals the rule requires (GG 2; GG 2 and GG 3 from
/// ML 3). A needed area the appraisal does not rate is a ``ScopeChange``; the check makes the change.
///
/// **Which cells.** For each required goal that is not Satisfied, each practice whose organizational-unit
/// value is not FI or LI. By ``OUAggregationRule`` that value is FI or LI without a team judgment only when
/// every instantiation is FI or LI (NY units are left out unless all are NY), so the plan lists every
/// instantiation of the practice that is PI, NI or not characterized — and its NY ones when all are NY.
/// A goal the team made Unsatisfied by judging its weaknesses significant lists the cells carrying them.
/// When ``DataCoverageRule`` fails in a subgroup, the units the planned cells do not already cover provide
/// evidence, as few as the rule requires. Each item is necessary: without it its practice (or subgroup)
/// keeps its goal from Satisfied, so no smaller set reaches the target.
///
/// **The check.** ``apply(_:target:to:catalog:)`` carries the items out on a copy of the appraisal — the
/// missing artifacts and affirmations added, the cells' weaknesses dropped, a team value set to FI, the
/// practice's aggregation decision and a goal's "significant" decision dropped — and ``AppraisalRater``
/// rates it again. Significance decisions the plan leaves to the team are not invented: a goal Satisfied
/// provisionally counts as Satisfied by the rules, and the plan says the target holds once the team judges.
public enum ActionPlanner {
  /// The plan for `appraisal` to reach `target` (`nil`: the appraisal's own target). `result`, the
  /// appraisal's rating, is used when the target needs no other goals and no scope change; otherwise the
  /// planner rates the appraisal for the target itself.
  public static func plan(
    _ appraisal: Appraisal, result: AppraisalResult? = nil, catalog: Catalog, target: PlanTarget? = nil
  ) -> ActionPlan {
    let target = resolve(target ?? PlanTarget(appraisal.target), appraisal: appraisal, catalog: catalog)
    let prepared = prepare(appraisal, target: target, catalog: catalog)
    let rated = (prepared.changed ? nil : result) ?? AppraisalRater.rate(prepared.appraisal, catalog: catalog)
    let needed = neededAreas(target, appraisal: appraisal, catalog: catalog)
    let genericLevels = target.requiredGenericLevels.filter { catalog.genericGoal(forCapabilityLevel: $0) != nil }

    var items: [ActionItem] = []
    var blocked: [String] = []
    var shortfalls: [CoverageShortfall] = []
    var judgments: [OutstandingJudgment] = []
    var subgroupCounts: Set<String> = []  // subgroup-wide coverage counts already planned
    // Practices first, for every area: a planned cell gives its unit both kinds of evidence, which the
    // subgroup-wide coverage counts (v1.3 rules ii and iii) take from any area.
    var practiceItems: [String: [ActionItem]] = [:]

    for area in needed {
      guard let rating = rated.processArea(area.id), rating.isRated else { continue }
      let level = levelName(target, area: area.id)
      let required = requiredGoals(rating, genericLevels: genericLevels)
      var areaItems: [ActionItem] = []
      for goal in required where goal.value != .satisfied {
        blocked.append("\(area.id) \(goal.goal)")
        let failing = goal.practices.filter { !($0.value?.supportsSatisfaction ?? false) }
        if failing.isEmpty, goal.value == .unsatisfied, goal.significance?.significant == true {
          for practice in goal.practices {
            let cells = practice.instantiations.filter { !$0.weaknesses.isEmpty }
            guard !cells.isEmpty else { continue }
            areaItems.append(
              item(.significantWeaknesses, practice, cells, goal: goal.goal, level: level, catalog: catalog))
          }
        }
        for practice in failing {
          let cells = practice.instantiations.filter { cell in
            switch cell.value {
            case nil, .partiallyImplemented, .notImplemented: true
            case .notYet: practice.value == .notYet
            case .fullyImplemented, .largelyImplemented: false
            }
          }
          // No examining unit: nothing to lift; the scope change says so.
          guard !cells.isEmpty else { continue }
          areaItems.append(item(.practice, practice, cells, goal: goal.goal, level: level, catalog: catalog))
          if case .judgmentNeeded(let allowed) = practice.basis {
            judgments.append(
              OutstandingJudgment(
                processArea: area.id, goal: goal.goal, kind: .aggregation(practice: practice.practice, allowed: allowed)
              ))
          }
        }
      }

      practiceItems[area.id] = areaItems
    }
    var plannedAnywhere = Set(practiceItems.values.joined().flatMap { $0.cells.map(\.instantiation) })

    for area in needed {
      guard let rating = rated.processArea(area.id), rating.isRated else { continue }
      let level = levelName(target, area: area.id)
      let required = requiredGoals(rating, genericLevels: genericLevels)
      var areaItems = practiceItems[area.id] ?? []
      if let coverage = rating.coverage, !coverage.isMet {
        var planned = Set(areaItems.flatMap { $0.cells.map(\.instantiation) })
        let ratedLevels = AppraisalRater.ratedGenericLevels(of: prepared.appraisal, area: area.id, catalog: catalog)
        let practices = AppraisalRater.practices(of: area, catalog: catalog, levels: ratedLevels)
        for group in coverage.subgroups where !group.isMet {
          // A subgroup-wide count (v1.3 rules ii and iii) is met by evidence in any one area: plan it once.
          if [.halfOfUnits, .everyUnit].contains(group.rule) {
            guard subgroupCounts.insert("\(group.rule.rawValue) \(group.name)").inserted else { continue }
          }
          let subgroupWide = [.halfOfUnits, .everyUnit].contains(group.rule)
          let missing = group.missing
          let covered = missing.filter(subgroupWide ? plannedAnywhere.contains : planned.contains)
          shortfalls.append(
            CoverageShortfall(
              processArea: area.id, subgroup: group.name, units: group.units, providing: group.providing,
              required: group.required, missing: missing, coveredByPlan: covered, rule: group.rule))
          let short = group.required - group.providing - covered.count
          for unit in missing.filter({ !covered.contains($0) }).prefix(max(short, 0)) {
            planned.insert(unit)
            plannedAnywhere.insert(unit)
            areaItems.append(
              coverageItem(
                unit: unit, group: group, area: area, practices: practices, rated: rated,
                goals: required.map(\.goal), level: level))
          }
        }
      }
      items += areaItems
    }

    let scopeChanges = prepared.scopeChanges
    let reachedToday =
      scopeChanges.isEmpty && evaluate(rated, target: target, appraisal: prepared.appraisal, catalog: catalog).reached
    let (check, after) = self.check(items, target: target, appraisal: appraisal, catalog: catalog)
    for area in needed {
      guard let rating = after.processArea(area.id), rating.isRated else { continue }
      for goal in requiredGoals(rating, genericLevels: genericLevels)
      where goal.value == .satisfied && goal.isProvisional {
        judgments.append(
          OutstandingJudgment(
            processArea: area.id, goal: goal.goal, kind: .significance(weaknesses: goal.weaknesses.count)))
      }
    }
    return ActionPlan(
      target: target, areas: needed.map(\.id), blockedGoals: blocked, reachedToday: reachedToday,
      scopeChanges: scopeChanges, coverageShortfalls: shortfalls, items: items, judgments: judgments, check: check)
  }

  /// Rates `appraisal` with `items` carried out (``apply(_:target:to:catalog:)``) and says whether `target`
  /// is reached: for a plan's own items, its ``ActionPlan/check``; for a subset, whether that subset would do.
  public static func check(_ items: [ActionItem], target: PlanTarget, appraisal: Appraisal, catalog: Catalog)
    -> (check: PlanCheck, result: AppraisalResult)
  {
    let target = resolve(target, appraisal: appraisal, catalog: catalog)
    let changed = apply(items, target: target, to: appraisal, catalog: catalog)
    let result = AppraisalRater.rate(changed, catalog: catalog)
    return (evaluate(result, target: target, appraisal: changed, catalog: catalog), result)
  }

  /// `appraisal` as it would be with `target`'s scope changes made and `items` carried out: each cell gets
  /// the artifact and the affirmation it lacks; a practice item's cells lose their weaknesses and a team value
  /// becomes FI; the practice's aggregation decision, and a "significant" decision on a goal whose
  /// weaknesses the plan closes, no longer apply. A coverage item only adds evidence.
  public static func apply(_ items: [ActionItem], target: PlanTarget, to appraisal: Appraisal, catalog: Catalog)
    -> Appraisal
  {
    var changed = prepare(appraisal, target: target, catalog: catalog).appraisal
    // The lifted cells by practice, then unit: one hash of the practice per item, not per cell.
    var lifted: [PracticeReference: Set<String>] = [:]
    var practices: Set<PracticeReference> = []
    var goals: Set<String> = []
    var added: [EvidenceItem] = []
    added.reserveCapacity(items.reduce(0) { $0 + $1.cells.count })
    for item in items {
      for cell in item.cells {
        // One constant id and locator: nothing reads them, and a large plan adds hundreds of thousands.
        if cell.needsArtifact {
          added.append(
            EvidenceItem(
              id: "planned-artifact", practice: item.practice, instantiation: cell.instantiation,
              indicator: .artifact, locator: .init(document: "planned-artifact")))
        }
        if cell.needsAffirmation {
          added.append(
            EvidenceItem(
              id: "planned-affirm", practice: item.practice, instantiation: cell.instantiation,
              indicator: .affirmation, locator: .init(document: "planned-affirm")))
        }
      }
      switch item.kind {
      case .practice, .significantWeaknesses:
        practices.insert(item.practice)
        lifted[item.practice, default: []].formUnion(item.cells.lazy.map(\.instantiation))
        if item.kind == .significantWeaknesses {
          for goal in item.goals { goals.insert("\(item.practice.processArea) \(goal)") }
        }
      case .coverage: break
      }
    }
    func isLifted(_ practice: PracticeReference, _ unit: String) -> Bool { lifted[practice]?.contains(unit) ?? false }
    changed.evidence += added
    changed.observations.removeAll { $0.kind == .weakness && isLifted($0.practice, $0.instantiation) }
    for index in changed.characterizations.indices
    where isLifted(changed.characterizations[index].practice, changed.characterizations[index].instantiation) {
      changed.characterizations[index].value = .fullyImplemented
    }
    changed.aggregationDecisions.removeAll { practices.contains($0.practice) }
    changed.significanceDecisions.removeAll { $0.significant && goals.contains("\($0.processArea) \($0.goal)") }
    return changed
  }

  // MARK: - Target and scope

  /// `target` with a capability level's areas resolved: the named ones in catalog order (unknown ids left
  /// out; the command refuses them), or the areas the appraisal rates.
  static func resolve(_ target: PlanTarget, appraisal: Appraisal, catalog: Catalog) -> PlanTarget {
    guard case .capabilityLevel(let level, let areas) = target else { return target }
    guard let areas else {
      return .capabilityLevel(level, areas: AppraisalRater.ratedAreas(of: appraisal, catalog: catalog).map(\.id))
    }
    let named = Set(areas)
    return .capabilityLevel(level, areas: catalog.processAreas.map(\.id).filter(named.contains))
  }

  /// The areas a resolved target needs, in catalog order.
  static func neededAreas(_ target: PlanTarget, appraisal: Appraisal, catalog: Catalog) -> [ProcessArea] {
    switch target {
    case .capabilityLevel(_, let areas):
      let named = Set(areas ?? [])
      return catalog.processAreas.filter { named.contains($0.id) }
    case .maturityLevel(let level):
      let notApplicable = Set(appraisal.scope.notApplicable.map(\.processArea))
      return catalog.processAreas.filter { area in
        area.maturityLevel <= level && !notApplicable.contains(area.id)
          && !(area.isAddition && !appraisal.scope.includesAdditions)
      }
    }
  }

  /// The appraisal rated for the target: its rating target widened when it does not rate the generic
  /// goals the target needs, and every needed area it does not rate brought into scope.
  static func prepare(_ appraisal: Appraisal, target: PlanTarget, catalog: Catalog) -> (
    appraisal: Appraisal, scopeChanges: [ScopeChange], changed: Bool
  ) {
    var changed = appraisal
    var didChange = false
    let needed = target.requiredGenericLevels.filter { catalog.genericGoal(forCapabilityLevel: $0) != nil }
    // Every needed area must rate the generic goals the target needs (a target profile or a staged scope
    // of specific goals only may rate fewer).
    let short = neededAreas(target, appraisal: appraisal, catalog: catalog).filter { area in
      !Set(needed).isSubset(of: AppraisalRater.ratedGenericLevels(of: appraisal, area: area.id, catalog: catalog))
    }
    if !short.isEmpty {
      changed.target = target.ratingTarget
      changed.scope.specificGoalsOnly = false
      if case .capabilityLevel = target.ratingTarget, !appraisal.scope.areaTargets.isEmpty {
        // A target profile: areas keep a higher own target; the rest rate what the plan's target needs.
        changed.scope.areaTargets = appraisal.scope.processAreas.map { area in
          AppraisalScope.AreaTarget(
            processArea: area, level: max(appraisal.capabilityTarget(of: area) ?? target.level, target.level))
        }
      } else {
        changed.scope.areaTargets = []
      }
      didChange = true
    }
    var changes: [ScopeChange] = []
    let ratedAreas = Set(AppraisalRater.ratedAreas(of: appraisal, catalog: catalog).map(\.id))
    for area in neededAreas(target, appraisal: appraisal, catalog: catalog) {
      let level = levelName(target, area: area.id)
      func change(_ reason: ScopeChange.Reason) {
        changes.append(ScopeChange(processArea: area.id, name: area.name, reason: reason, level: level))
      }
      if !ratedAreas.contains(area.id) {
        didChange = true
        if let exclusion = changed.scope.notApplicable.first(where: { $0.processArea == area.id }) {
          change(.notApplicable(exclusion.reason))
          changed.scope.notApplicable.removeAll { $0.processArea == area.id }
        } else if area.isAddition && !changed.scope.includesAdditions {
          change(.additionNotSelected)
          changed.scope.includesAdditions = true
        } else {
          change(.notInScope)
        }
        if !changed.scope.processAreas.contains(area.id) { changed.scope.processAreas.append(area.id) }
      }
      if !changed.instantiations.contains(where: { $0.examines(area.id) }) { change(.notExamined) }
    }
    return (changed, changes, didChange)
  }

  /// `SCON CL 1` for a capability level, `ML 2` for a maturity level.
  static func levelName(_ target: PlanTarget, area: String) -> String {
    switch target {
    case .maturityLevel(let level): "ML \(level)"
    case .capabilityLevel(let level, _): "\(area) CL \(level)"
    }
  }

  /// The goals of a rated area the target needs: its specific goals and the generic goals of `genericLevels`.
  static func requiredGoals(_ rating: ProcessAreaRating, genericLevels: [Int]) -> [GoalRating] {
    let generic = Set(genericLevels.map { "GG \($0)" })
    return rating.goals.filter { !$0.isGeneric || generic.contains($0.goal) }
  }

  // MARK: - Items

  private static func item(
    _ kind: ActionItem.Kind, _ practice: OUCharacterization, _ cells: [InstantiationCharacterization], goal: String,
    level: String, catalog: Catalog
  ) -> ActionItem {
    ActionItem(
      kind: kind, practice: practice.practice, title: title(practice.practice, catalog: catalog), goals: [goal],
      level: level, value: practice.value, judgmentNeeded: practice.judgmentNeeded, cells: cells.map(PlanCell.init))
  }

  /// Evidence for one unit of a subgroup whose coverage fails: in the first practice of the area where the
  /// unit has one kind of evidence already (the other completes it), else the area's first practice.
  private static func coverageItem(
    unit: String, group: CoverageResult.Subgroup, area: ProcessArea, practices: [Practice], rated: AppraisalResult,
    goals: [String], level: String
  ) -> ActionItem {
    let references = practices.map { PracticeReference(area.id, $0.id) }
    func cell(_ reference: PracticeReference) -> InstantiationCharacterization? {
      rated.practice(reference)?.instantiations.first { $0.instantiation == unit }
    }
    let chosen = references.first { cell($0).map { !$0.evidence.isEmpty } ?? false } ?? references[0]
    let found = cell(chosen)
    let planCell =
      found.map(PlanCell.init)
      ?? PlanCell(
        instantiation: unit, value: nil, team: nil, derivation: "", evidence: EvidenceCounts(), weaknesses: [])
    return ActionItem(
      kind: .coverage(group),
      practice: chosen, title: practices.first { $0.id == chosen.practice }?.title ?? "", goals: goals, level: level,
      value: rated.practice(chosen)?.value, judgmentNeeded: false, cells: [planCell])
  }

  private static func title(_ reference: PracticeReference, catalog: Catalog) -> String {
    if reference.isGeneric {
      return catalog.genericGoals.lazy.flatMap(\.practices).first { $0.id == reference.practice }?.title ?? ""
    }
    return catalog.processArea(reference.processArea)?.goals.lazy.flatMap(\.practices)
      .first { $0.id == reference.practice }?.title ?? ""
  }

  // MARK: - Evaluation

  /// Whether `result` reaches `target` by the level rules, what remains, and the levels.
  static func evaluate(_ result: AppraisalResult, target: PlanTarget, appraisal: Appraisal, catalog: Catalog)
    -> PlanCheck
  {
    let needed = neededAreas(target, appraisal: appraisal, catalog: catalog)
    let genericLevels = target.requiredGenericLevels.filter { catalog.genericGoal(forCapabilityLevel: $0) != nil }
    var remaining: [String] = []
    var pending = false
    for area in needed {
      guard let rating = result.processArea(area.id), rating.isRated else {
        remaining.append("\(area.id) \(result.processArea(area.id)?.value.rawValue ?? "not rated")")
        continue
      }
      let goals = requiredGoals(rating, genericLevels: genericLevels)
      for goal in goals where goal.value != .satisfied {
        remaining.append("\(area.id) \(goal.goal) \(goal.value.rawValue)")
      }
      for level in genericLevels where !goals.contains(where: { $0.goal == "GG \(level)" }) {
        remaining.append("\(area.id) GG \(level) not rated")
      }
      if goals.contains(where: { $0.value == .satisfied && $0.isProvisional }) { pending = true }
    }
    switch target {
    case .capabilityLevel(let level, _):
      let levels = needed.map { area in
        "\(area.id) CL " + (result.processArea(area.id)?.capability.map { "\($0.level)" } ?? "–")
      }
      let reached = needed.allSatisfy { (result.processArea($0.id)?.capability?.level ?? -1) >= level }
      return PlanCheck(reached: reached, pendingSignificance: reached && pending, remaining: remaining, levels: levels)
    case .maturityLevel(let level):
      let notApplicable = Set(appraisal.scope.notApplicable.map(\.processArea))
      let excluded = Set(
        catalog.processAreas.filter {
          notApplicable.contains($0.id) || ($0.isAddition && !appraisal.scope.includesAdditions)
        }
        .map(\.id))
      let ratings = Dictionary(
        result.processAreas.map { ($0.processArea, $0) }, uniquingKeysWith: { first, _ in first })
      let maturity = MaturityLevelRule.level(catalog: catalog, ratings: ratings, excluded: excluded, target: level)
      let reached = maturity.level >= level
      return PlanCheck(
        reached: reached, pendingSignificance: reached && pending, remaining: remaining,
        levels: ["ML \(maturity.level)"])
    }
  }
}
