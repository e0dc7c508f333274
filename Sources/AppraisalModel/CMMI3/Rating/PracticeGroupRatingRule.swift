/// V3 rule — rate a practice group (one practice area at one level) from its practices' OU values.
/// **Flagged default by analogy** with SCAMPI goal rating: V3 leaves the rating to team consensus, so the
/// tool proposes one and flags it.
///
/// Default, in this order:
/// 1. **Not Rated** if a practice is NY or not characterized at OU level.
/// 2. **Satisfied** if every practice is FM or LM (no weakness is judged significant until the team says so).
/// 3. **Unsatisfied** otherwise (a practice is PM or DM).
///
/// The team's decision replaces the default within reason — it never lifts a group:
///
/// | default | decisions allowed |
/// |---|---|
/// | Satisfied, weaknesses recorded | Satisfied, or Unsatisfied (the weaknesses are significant) |
/// | Satisfied, no weakness | Satisfied |
/// | Unsatisfied | Unsatisfied |
/// | Not Rated | Not Rated |
///
/// A decision equal to the default confirms it (the value is then the team's, not a default). Any other
/// decision is an input error (``CMMI3Validator``) and is ignored here, with the reason kept.
public enum PracticeGroupRatingRule {
  /// The default value and its reasons.
  public static func defaultValue(_ practices: [CMMI3OUValue]) -> (value: PracticeGroupRating.Value, reasons: [String])
  {
    if practices.isEmpty { return (.notRated, [Message.noPractices]) }
    let open = practices.filter { $0.value == nil || $0.value == .notYet || $0.value == .outOfScope }
    if !open.isEmpty { return (.notRated, open.map(Message.open)) }
    let failing = practices.filter { !($0.value?.supportsSatisfaction ?? false) }
    if failing.isEmpty {
      let weaknesses = practices.reduce(0) { $0 + $1.weaknesses.count }
      return (.satisfied, [weaknesses == 0 ? Message.allMeet : Message.unjudged(weaknesses)])
    }
    return (.unsatisfied, failing.map(Message.failing))
  }

  /// The decisions a team may record for a group with default `value`.
  public static func allowedDecisions(forDefault value: PracticeGroupRating.Value, hasWeaknesses: Bool)
    -> [PracticeGroupRating.Value]
  {
    value == .satisfied && hasWeaknesses ? [.satisfied, .unsatisfied] : [value]
  }

  /// The group's rating: the default, or the team's decision when allowed.
  public static func rate(
    practiceArea: String, level: Int, practices: [CMMI3OUValue],
    weaknesses: [CMMI3PracticeInput.Weakness]? = nil, decision: PracticeGroupDecision? = nil
  ) -> PracticeGroupRating {
    let weaknesses = weaknesses ?? practices.flatMap(\.weaknesses)
    let (value, reasons) = defaultValue(practices)
    let allowed = allowedDecisions(forDefault: value, hasWeaknesses: !weaknesses.isEmpty)
    var rating = PracticeGroupRating(
      practiceArea: practiceArea, level: level, value: value, defaultValue: value, allowed: allowed, reasons: reasons,
      practices: practices, weaknesses: weaknesses)
    guard let decision else { return rating }
    if allowed.contains(decision.value) {
      rating.value = decision.value
      rating.teamJustification = decision.justification
    } else {
      rating.rejectedDecision = Message.notAllowed(decision.value, value, allowed)
    }
    return rating
  }

  enum Message {
    static let noPractices = "the group has no practices"
    static func open(_ practice: CMMI3OUValue) -> String {
      practice.value == nil
        ? "\(practice.practice) is not characterized: \(practice.reason)" : "\(practice.practice) is NY"
    }
    static let allMeet = "every practice FM or LM, no weakness recorded"
    static func unjudged(_ count: Int) -> String {
      "every practice FM or LM; \(count) weakness\(count == 1 ? "" : "es") not judged significant"
    }
    static func failing(_ practice: CMMI3OUValue) -> String {
      "\(practice.practice) is \(practice.value?.code ?? "not characterized")"
        + (practice.judgmentNeeded && practice.isDefault ? " (proposed; judgment needed)" : "")
    }
    static func notAllowed(
      _ value: PracticeGroupRating.Value, _ defaultValue: PracticeGroupRating.Value,
      _ allowed: [PracticeGroupRating.Value]
    ) -> String {
      "team decision \(value.rawValue) is not allowed for a group whose default is \(defaultValue.rawValue); expected "
        + allowed.map(\.rawValue).joined(separator: " or ")
    }
  }
}
