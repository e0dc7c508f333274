/// Whether each recorded team judgment can apply to the values it judges (SCAMPI rules §2 and §3). A
/// judgment that cannot apply is an error in the input, never a silent change of rating or a dropped record:
///
/// - An **aggregation decision** applies only to a practice whose instantiation values leave the OU value to
///   the team (a mix with PI or NI), and its value must lie in the set that row allows (LI or PI; NI, PI or
///   LI). A decision for a practice whose values decide the OU value by rule, or that is not characterized in
///   every sampled unit yet, is an error at the decision's practice; a value outside the allowed set is an
///   error at the value, naming the allowed values.
/// - A **significance decision** applies only to a goal whose practices are all FI or LI at OU level (after
///   the team's aggregation decisions) *and* carry at least one weakness. A goal with a PI or NI practice is
///   Unsatisfied whatever the team decides (a PI that stands in for an undecided aggregation included: the
///   team decides the aggregation first), and a goal with no weakness cannot be judged to have significant
///   ones; either way the decision is an error at its goal. A goal still waiting for evidence — a practice
///   not characterized or NY, or a data-coverage shortfall — is Not Rated, not contradicted: its decision
///   stands and applies once the goal can be rated. A decision for a generic goal the target does not rate
///   is a warning (the record is ignored, like any record for a generic practice the target does not
///   rate).
///
/// It characterizes and aggregates only what the decisions judge, with the rating rules themselves, so
/// validation and rating cannot disagree. It assumes every reference resolves: ``AppraisalValidator`` runs
/// it only when nothing else in the appraisal is an error.
enum JudgmentApplicability {
  static func problems(in appraisal: Appraisal, catalog: Catalog) -> [ModelProblem] {
    var problems: [ModelProblem] = []
    let scope = Set(appraisal.scope.processAreas)
    // With a target profile, each area rates the generic goals up to its own target.
    func ratedGenericGoals(_ area: String) -> [GenericGoal] {
      appraisal.ratedGenericLevels(of: area).compactMap { catalog.genericGoal(forCapabilityLevel: $0) }
    }
    var ratedGenericPractices: [String: Set<String>] = [:]
    func ratedGeneric(_ practice: PracticeReference) -> Bool {
      if ratedGenericPractices[practice.processArea] == nil {
        ratedGenericPractices[practice.processArea] = Set(
          ratedGenericGoals(practice.processArea).flatMap(\.practices).map(\.id))
      }
      return ratedGenericPractices[practice.processArea]!.contains(practice.practice)
    }

    // The practices each significance decision's goal rates.
    var goalPractices: [Int: [PracticeReference]] = [:]
    for (index, decision) in appraisal.significanceDecisions.enumerated() {
      guard scope.contains(decision.processArea), let area = catalog.processArea(decision.processArea) else {
        continue
      }
      let path = ModelPath.root.appending("significanceDecisions").appending(index).appending("goal")
      if let goal = area.goal(decision.goal) {
        goalPractices[index] = goal.practices.map { PracticeReference(area.id, $0.id) }
      } else if let goal = ratedGenericGoals(area.id).first(where: { $0.id == decision.goal }) {
        goalPractices[index] = goal.practices.map { PracticeReference(area.id, $0.id) }
      } else if catalog.genericGoal(decision.goal) != nil {
        problems.append(ModelProblem(.warning, at: path, Message.genericGoalNotRated(area.id, decision.goal)))
      }
    }
    func isRated(_ practice: PracticeReference) -> Bool {
      scope.contains(practice.processArea) && catalog.contains(practice)
        && (!practice.isGeneric || ratedGeneric(practice))
    }
    let decided = appraisal.aggregationDecisions.map(\.practice).filter(isRated)
    let judged = Set(decided + goalPractices.values.joined())
    guard !judged.isEmpty else { return problems }

    // Rules 1 and 2 for exactly the practices judged, in every sampled unit that examines their area.
    var units: [String: [String]] = [:]
    for area in Set(judged.map(\.processArea)) {
      units[area] = appraisal.instantiations.filter { $0.examines(area) }.map(\.id)
    }
    let required = judged.flatMap { practice in (units[practice.processArea] ?? []).map { (practice, $0) } }
    let table = PracticeCharacterizationRule.characterize(appraisal, required: required)
    let decisions = Dictionary(
      appraisal.aggregationDecisions.map { ($0.practice, $0) }, uniquingKeysWith: { first, _ in first })
    var aggregated: [PracticeReference: OUCharacterization] = [:]
    func ou(_ practice: PracticeReference) -> OUCharacterization {
      if let known = aggregated[practice] { return known }
      let values = (units[practice.processArea] ?? []).compactMap { table[practice, $0] }
      let result = OUAggregationRule.aggregate(practice, values, decision: decisions[practice])
      aggregated[practice] = result
      return result
    }

    for (index, decision) in appraisal.aggregationDecisions.enumerated() where isRated(decision.practice) {
      let path = ModelPath.root.appending("aggregationDecisions").appending(index)
      let practice = ou(decision.practice)
      guard practice.rejectedDecision != nil else { continue }
      if case .judgmentNeeded(let allowed) = practice.basis {
        problems.append(ModelProblem(at: path.appending("value"), Message.notAllowed(decision, practice, allowed)))
      } else {
        problems.append(ModelProblem(at: path.appending("practice"), Message.noJudgment(practice)))
      }
    }

    for (index, decision) in appraisal.significanceDecisions.enumerated() {
      guard let references = goalPractices[index] else { continue }
      let practices = references.map(ou)
      let blocking = practices.compactMap(Message.blocking)
      let reason: String
      if !blocking.isEmpty {
        reason = blocking.joined(separator: "; ")
      } else if practices.allSatisfy({ $0.weaknesses.isEmpty }) {
        reason = Message.noWeakness
      } else {
        continue
      }
      problems.append(
        ModelProblem(
          at: ModelPath.root.appending("significanceDecisions").appending(index).appending("goal"),
          Message.significanceDoesNotApply(decision, reason)))
    }
    return problems
  }

  enum Message {
    /// The instantiation values as counts in characterization order, e.g. `1 FI, 2 PI` (bounded in length
    /// however many units were sampled).
    static func values(_ practice: OUCharacterization) -> String {
      let values = practice.instantiations.map(\.value)
      var parts = Characterization.allCases.compactMap { value -> String? in
        let count = values.lazy.filter { $0 == value }.count
        return count == 0 ? nil : "\(count) \(value.code)"
      }
      let missing = values.lazy.filter { $0 == nil }.count
      if missing > 0 { parts.append("\(missing) not characterized") }
      return parts.joined(separator: ", ")
    }

    static func list(_ values: [Characterization]) -> String {
      values.map(\.code).joined(separator: ", ")
    }

    static func notAllowed(
      _ decision: AggregationDecision, _ practice: OUCharacterization, _ allowed: [Characterization]
    ) -> String {
      "aggregation decision \(decision.value.code) for \(decision.practice) is not allowed for its instantiation "
        + "values (\(values(practice))); expected one of \(list(allowed))"
    }

    static func noJudgment(_ practice: OUCharacterization) -> String {
      let rule: String
      switch practice.basis {
      case .uniform:
        rule = "are all \(practice.value?.code ?? "the same"), so the OU value is \(practice.value?.code ?? "")"
      case .fullyOrLargely: rule = "are all FI or LI, so the OU value is LI"
      case .allNotYet: rule = "are all NY, so the OU value is NY"
      case .incomplete(let missing):
        let shown =
          missing.prefix(5).joined(separator: ", ") + (missing.count > 5 ? " and \(missing.count - 5) more" : "")
        rule = "are not all recorded (not characterized in \(shown)), so the OU value is not determined yet"
      case .noInstantiations: rule = "are none: no sampled unit examines \(practice.practice.processArea)"
      case .teamDecision, .judgmentNeeded: rule = "leave the OU value to the team"
      }
      let counted = practice.instantiations.isEmpty ? "" : " (\(values(practice)))"
      return "\(practice.practice) needs no aggregation decision: its instantiation values\(counted) \(rule); "
        + "a decision applies only to a mix with PI or NI — remove it"
    }

    /// Why one practice keeps its goal from being judged for significance (it is PI or NI), or `nil`. A
    /// practice whose aggregation decision is refused is left out: that error is reported at the decision,
    /// and the goal's fate depends on how the team corrects it.
    static func blocking(_ practice: OUCharacterization) -> String? {
      if practice.rejectedDecision != nil { return nil }
      switch practice.value {
      case .fullyImplemented, .largelyImplemented, .notYet, nil: return nil
      case .partiallyImplemented, .notImplemented:
        guard case .judgmentNeeded(let allowed) = practice.basis else {
          return "\(practice.practice) is \(practice.value!.code)"
        }
        return "\(practice.practice) is \(practice.value!.code) until the team records an aggregation decision "
          + "(one of \(list(allowed)))"
      }
    }

    static let noWeakness = "no weakness is recorded against its practices, so there is nothing to judge"

    static func significanceDoesNotApply(_ decision: SignificanceDecision, _ reason: String) -> String {
      "significance decision for \(decision.processArea) \(decision.goal) does not apply: \(reason); a significance "
        + "decision applies only to a goal whose practices are all FI or LI and carry weaknesses"
    }

    static func genericGoalNotRated(_ area: String, _ goal: String) -> String {
      "\(area) \(goal) is a generic goal the target does not rate; the significance decision is ignored"
    }
  }
}
