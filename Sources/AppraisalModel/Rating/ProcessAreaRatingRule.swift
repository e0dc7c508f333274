/// Rule 5 — rate a process area in scope from its goals in scope: **Satisfied** when all are Satisfied,
/// **Unsatisfied** when any is Unsatisfied, **Not Rated** when any is Not Rated and none Unsatisfied.
/// Areas declared not applicable are **Not Applicable**; areas not in scope, and additions the
/// organization did not select, are **Out of Scope** (both are decided by ``AppraisalRater`` from the
/// scope, not from goals).
public enum ProcessAreaRatingRule {
  public static func rate(_ goals: [GoalRating]) -> (value: ProcessAreaRating.Value, reasons: [String]) {
    let unsatisfied = goals.filter { $0.value == .unsatisfied }.map(\.goal)
    if !unsatisfied.isEmpty { return (.unsatisfied, [Message.goals(unsatisfied, "Unsatisfied")]) }
    let notRated = goals.filter { $0.value == .notRated }.map(\.goal)
    if !notRated.isEmpty { return (.notRated, [Message.goals(notRated, "Not Rated")]) }
    if goals.isEmpty { return (.notRated, [Message.noGoals]) }
    return (.satisfied, [])
  }

  enum Message {
    static func goals(_ ids: [String], _ value: String) -> String {
      "\(value): " + ids.joined(separator: ", ")
    }
    static let noGoals = "no goal in scope to rate"
  }
}
