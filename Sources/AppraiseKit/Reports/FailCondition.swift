import AppraisalModel

/// Which goals of a rated appraisal fail a gate (`--fail-on`): a pipeline step that must not pass while
/// the process still has gaps.
public enum FailCondition: String, CaseIterable, Sendable {
  /// Goals rated Unsatisfied.
  case unsatisfied
  /// Goals not rated Satisfied: Unsatisfied or Not Rated.
  case notSatisfied = "not-satisfied"

  /// The goals that meet the condition, as `AREA GOAL` (`SCON SG 2`), in report order.
  public func trippingGoals(in result: AppraisalResult) -> [String] {
    result.ratedProcessAreas.flatMap { area in
      area.goals.filter { goal in
        switch self {
        case .unsatisfied: goal.value == .unsatisfied
        case .notSatisfied: goal.value != .satisfied
        }
      }.map { "\(area.processArea) \($0.goal)" }
    }
  }

  /// Why the rating of `appraisal` (a file name, for the message) fails the gate, naming up to 20 of the
  /// goals; `nil` when no goal meets the condition.
  public func failure(in result: AppraisalResult, appraisal: String) -> String? {
    let goals = trippingGoals(in: result)
    guard !goals.isEmpty else { return nil }
    let listed = goals.count > 20 ? goals.prefix(20).joined(separator: ", ") + ", …" : goals.joined(separator: ", ")
    return "--fail-on \(rawValue): \(goals.count) goal\(goals.count == 1 ? "" : "s") of \(appraisal) "
      + "\(self == .unsatisfied ? "unsatisfied" : "not satisfied"): \(listed)"
  }
}
