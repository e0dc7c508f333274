/// Rule 2 — aggregate a practice's instantiation values to the organizational unit.
///
/// Every sampled unit that examines the practice's area must be characterized first (NY counts as a
/// value); otherwise the OU value is undetermined. NY units are left out unless all are NY. Then:
///
/// | instantiation values | OU value |
/// |---|---|
/// | all the same value X | X |
/// | all FI or LI, at least one LI | LI |
/// | any PI, no NI | team judgment: LI or PI |
/// | any NI (not all NI) | team judgment: NI, PI or LI |
/// | all NY | NY |
///
/// For the two judgment rows the team's recorded decision is taken when its value is in the allowed set;
/// without one the rule uses PI — the conservative value the method's table allows in both rows (it keeps
/// the goal from being Satisfied, as NI would) — and flags the practice "judgment needed". A decision
/// recorded for a practice whose value is not a judgment, or outside the allowed set, is reported and
/// ignored.
public enum OUAggregationRule {
  public static func aggregate(
    _ practice: PracticeReference, _ instantiations: [InstantiationCharacterization],
    decision: AggregationDecision? = nil
  ) -> OUCharacterization {
    aggregate(practice, InstantiationValues(instantiations), decision: decision)
  }

  /// Aggregates values read straight from a rating table (``InstantiationValues``): no pair is built.
  public static func aggregate(
    _ practice: PracticeReference, _ instantiations: InstantiationValues, decision: AggregationDecision? = nil
  ) -> OUCharacterization {
    var result = rule(practice, instantiations)
    guard let decision else { return result }
    switch result.basis {
    case .judgmentNeeded(let allowed):
      if allowed.contains(decision.value) {
        result.value = decision.value
        result.basis = .teamDecision(allowed: allowed, justification: decision.justification)
      } else {
        result.rejectedDecision = (decision, Message.notAllowed(decision.value, allowed))
      }
    default:
      result.rejectedDecision = (decision, Message.noJudgment)
    }
    return result
  }

  private static func rule(_ practice: PracticeReference, _ instantiations: InstantiationValues)
    -> OUCharacterization
  {
    func result(_ value: Characterization?, _ basis: OUCharacterization.Basis) -> OUCharacterization {
      OUCharacterization(practice: practice, value: value, basis: basis, instantiations: instantiations)
    }
    if instantiations.isEmpty { return result(nil, .noInstantiations) }
    // One pass over the values: which are missing, the first non-NY value, and what the others are.
    var missing: [String] = []
    var first: Characterization? = nil
    var uniform = true
    var supportsSatisfaction = true
    var anyNotImplemented = false
    for (position, value) in instantiations.values.enumerated() {
      guard let value else {
        missing.append(instantiations.instantiation(at: position))
        continue
      }
      guard value != .notYet else { continue }
      if let first, value != first { uniform = false }
      if first == nil { first = value }
      if !value.supportsSatisfaction { supportsSatisfaction = false }
      if value == .notImplemented { anyNotImplemented = true }
    }
    if !missing.isEmpty { return result(nil, .incomplete(missing: missing)) }

    guard let first else { return result(.notYet, .allNotYet) }
    if uniform { return result(first, .uniform) }
    if supportsSatisfaction { return result(.largelyImplemented, .fullyOrLargely) }
    if anyNotImplemented {
      return result(
        .partiallyImplemented,
        .judgmentNeeded(allowed: [.notImplemented, .partiallyImplemented, .largelyImplemented]))
    }
    return result(.partiallyImplemented, .judgmentNeeded(allowed: [.largelyImplemented, .partiallyImplemented]))
  }

  enum Message {
    static func notAllowed(_ value: Characterization, _ allowed: [Characterization]) -> String {
      "team decision \(value.code) is not allowed for these instantiation values; expected one of "
        + allowed.map(\.code).joined(separator: ", ")
    }
    static let noJudgment = "the instantiation values determine the OU value; no team judgment applies"
  }
}
