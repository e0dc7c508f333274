/// Says how far an appraisal file is from a rating, without judging it: for every practice × instantiation
/// cell the rater rates, what is recorded (nothing, artifacts only, affirmations only, both, or a team
/// value), and which goals the rules would rate Not Rated and why.
///
/// It asks the rater itself — ``AppraisalRater/ratedAreas(of:catalog:)``,
/// ``AppraisalRater/practices(of:catalog:levels:)``, ``Instantiation/examines(_:)`` and the goals of
/// ``AppraisalRater/rate(_:catalog:)`` — so it can never disagree with `rate`. Where the goal rule stops
/// at the first kind of reason (a coverage shortfall hides the practices not characterized), the check
/// lists every one, since each must be fixed before the goal can be rated. Work is linear in the cells.
public enum ReadinessCheck {
  /// The readiness of a validated `appraisal`. With `listingCells` false only the counts are kept
  /// (``Readiness/cells`` stays empty): enough for a summary, and cheaper for a large sample.
  public static func check(_ appraisal: Appraisal, catalog: Catalog, listingCells: Bool = true) -> Readiness {
    check(
      appraisal, catalog: catalog, result: AppraisalRater.rate(appraisal, catalog: catalog), listingCells: listingCells)
  }

  /// The readiness of `appraisal` from its rating `result` (``AppraisalRater/rate(_:catalog:)``), when the
  /// caller has rated it already.
  public static func check(
    _ appraisal: Appraisal, catalog: Catalog, result: AppraisalResult, listingCells: Bool = true
  ) -> Readiness {
    let ratings = Dictionary(
      result.processAreas.map { ($0.processArea, $0) }, uniquingKeysWith: { first, _ in first })
    var cells: [ReadinessCell] = []
    var counts = ReadinessCounts()
    var goals: [NotRatedGoal] = []
    var ratedGoalCount = 0

    for area in AppraisalRater.ratedAreas(of: appraisal, catalog: catalog) {
      guard let rating = ratings[area.id] else { continue }
      let units = appraisal.instantiations.filter { $0.examines(area.id) }
      let levels = AppraisalRater.ratedGenericLevels(of: appraisal, area: area.id, catalog: catalog)
      var aggregated: [PracticeReference: (goal: String, practice: OUCharacterization)] = [:]
      for goal in rating.goals {
        for practice in goal.practices { aggregated[practice.practice] = (goal.goal, practice) }
      }
      for practice in AppraisalRater.practices(of: area, catalog: catalog, levels: levels) {
        let reference = PracticeReference(area.id, practice.id)
        let goal = aggregated[reference]?.goal ?? ""
        let recorded = aggregated[reference]?.practice.instantiations ?? []
        // The rater lists the examining units in sample order; matched by id so a gap cannot shift them.
        var next = 0
        for unit in units {
          var found: InstantiationCharacterization? = nil
          if next < recorded.count, recorded[next].instantiation == unit.id {
            found = recorded[next]
            next += 1
          }
          let state = state(of: found)
          counts.add(state)
          if listingCells {
            cells.append(
              ReadinessCell(
                practice: reference, goal: goal, instantiation: unit.id, state: state, derived: found?.derived))
          }
        }
      }

      ratedGoalCount += rating.goals.count
      var coverageReasons: [NotRatedGoal.Reason] = []
      if let coverage = rating.coverage, !coverage.isMet {
        coverageReasons = coverage.subgroups.filter { !$0.isMet }.map(NotRatedGoal.Reason.coverage)
      }
      for goal in rating.goals where goal.value == .notRated {
        var reasons = coverageReasons
        for practice in goal.practices {
          if practice.value == .notYet {
            reasons.append(.notYet(practice: practice.practice))
          } else if practice.value == nil {
            switch practice.basis {
            case .noInstantiations: reasons.append(.notExamined(practice: practice.practice))
            case .incomplete(let missing):
              reasons.append(.notCharacterized(practice: practice.practice, units: missing))
            default: reasons.append(.notCharacterized(practice: practice.practice, units: []))
            }
          }
        }
        // Whatever else the rule gave (a goal with no practices): its own words, never nothing.
        if reasons.isEmpty { reasons = goal.reasons.map(NotRatedGoal.Reason.other) }
        goals.append(NotRatedGoal(processArea: area.id, goal: goal.goal, title: goal.title, reasons: reasons))
      }
    }
    return Readiness(cells: cells, counts: counts, notRatedGoals: goals, ratedGoalCount: ratedGoalCount)
  }

  /// A cell's state: the team's value first (it wins), then which kinds of indicator are recorded.
  static func state(of cell: InstantiationCharacterization?) -> ReadinessCell.State {
    guard let cell else { return .noEvidence }
    if let team = cell.team { return .team(team) }
    switch (cell.evidence.artifacts > 0, cell.evidence.affirmations > 0) {
    case (true, true): return .artifactsAndAffirmations
    case (true, false): return .artifactsOnly
    case (false, true): return .affirmationsOnly
    case (false, false): return .noEvidence
    }
  }

}
