/// Rule 4 — rate a goal from the OU characterizations of its practices, in this order:
///
/// 1. **Not Rated** if data coverage for the area is not met, or any practice is not characterized or NY
///    at OU level (so one NI and one NY practice give Not Rated, not Unsatisfied). A recorded significance
///    decision waits, named in the reasons, until the goal can be rated.
/// 2. **Satisfied** if every practice is FI or LI, unless the team recorded that the aggregated weaknesses
///    are significant (then Unsatisfied, with the team's reason). A decision on a goal with no weakness has
///    nothing to judge and is ignored (``AppraisalValidator`` refuses it as an input error). With
///    weaknesses and no recorded decision the goal is Satisfied but *provisional*, and the weaknesses are
///    listed.
/// 3. **Unsatisfied** otherwise, naming each PI or NI practice and its weaknesses. No judgment lifts a goal
///    with a PI or NI practice to Satisfied.
public enum GoalRatingRule {
  public static func rate(
    processArea: String, goal: String, title: String, isGeneric: Bool, practices: [OUCharacterization],
    coverage: CoverageResult? = nil, significance: SignificanceDecision? = nil
  ) -> GoalRating {
    // Counted, not gathered: the rating keeps its practices, which list the weaknesses when asked.
    let weaknesses = practices.reduce(0) { $0 + $1.instantiations.weaknessCount }
    var rating = GoalRating(
      processArea: processArea, goal: goal, title: title, isGeneric: isGeneric, value: .notRated,
      practices: practices)

    if let coverage, !coverage.isMet {
      rating.reasons = DataCoverageRule.shortfall(coverage)
      if significance != nil { rating.reasons.append(Message.decisionPending) }
      return rating
    }
    let uncharacterized = practices.filter { $0.value == nil }
    let notYet = practices.filter { $0.value == .notYet }
    if !uncharacterized.isEmpty || !notYet.isEmpty {
      rating.reasons =
        uncharacterized.map { Message.notCharacterized($0) } + notYet.map { Message.notYet($0.practice) }
      if significance != nil { rating.reasons.append(Message.decisionPending) }
      return rating
    }
    if practices.isEmpty {
      rating.reasons = [Message.noPractices]
      return rating
    }

    let failing = practices.filter { !($0.value?.supportsSatisfaction ?? false) }
    if failing.isEmpty {
      if significance != nil && weaknesses == 0 {
        // No weakness, nothing to judge: the decision cannot make the goal Unsatisfied (validation refuses it).
        rating.value = .satisfied
        rating.reasons = [Message.noWeaknessToJudge]
      } else if let significance, significance.significant {
        rating.value = .unsatisfied
        rating.significance = significance
        rating.reasons = [Message.significant(significance.justification)]
      } else if let significance {
        rating.value = .satisfied
        rating.significance = significance
      } else {
        rating.value = .satisfied
        rating.isProvisional = weaknesses > 0
        if rating.isProvisional { rating.reasons = [Message.provisional(weaknesses)] }
      }
      return rating
    }
    rating.value = .unsatisfied
    rating.reasons = failing.map(Message.failing)
    if significance != nil { rating.reasons.append(Message.decisionIgnored) }
    return rating
  }

  enum Message {
    static func notCharacterized(_ practice: OUCharacterization) -> String {
      switch practice.basis {
      case .incomplete(let missing) where missing.count <= 3:
        "\(practice.practice) is not characterized in " + missing.joined(separator: ", ")
      case .incomplete(let missing):
        // Readable at any sample size: a count and the first few, never every unit.
        "\(practice.practice) is not characterized in \(missing.count) of \(practice.instantiations.count) units ("
          + missing.prefix(3).joined(separator: ", ") + ", …)"
      case .noInstantiations:
        "\(practice.practice) is examined in no sampled unit"
      default:
        "\(practice.practice) is not characterized"
      }
    }
    static func notYet(_ practice: PracticeReference) -> String { "\(practice) is NY (not yet) for the whole unit" }
    static let noPractices = "the goal has no practices to rate"
    static func significant(_ justification: String) -> String {
      "the team judged the weaknesses significant: \(justification)"
    }
    static func provisional(_ count: Int) -> String {
      // The rating already says "provisional"; the reason says why.
      "\(count) weakness\(count == 1 ? "" : "es") not yet judged for significance"
    }
    static func failing(_ practice: OUCharacterization) -> String {
      let value = practice.value?.code ?? "not characterized"
      let texts = Array(Set(practice.weaknesses.map(\.text))).sorted()
      let because =
        texts.isEmpty
        ? practice.instantiations.first { $0.value == practice.value }?.derivation ?? "no weakness recorded"
        : texts.prefix(3).joined(separator: "; ") + (texts.count > 3 ? "; and \(texts.count - 3) more weaknesses" : "")
      let judgment = practice.judgmentNeeded ? " (judgment needed)" : ""
      return "\(practice.practice) is \(value)\(judgment): \(because)"
    }
    static let decisionPending = "the team's significance decision applies once the goal can be rated"
    static let noWeaknessToJudge = "the recorded significance decision does not apply: no weakness is recorded"
    static let decisionIgnored = "the recorded significance decision does not apply: a practice is PI or NI"
  }
}
