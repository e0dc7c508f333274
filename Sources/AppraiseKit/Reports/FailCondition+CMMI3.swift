import AppraisalModel

extension FailCondition {
  /// The practice groups of a V3 rating that meet the condition, as `AREA level N` (`IRP level 3`), in report
  /// order; none for an Evaluation, which rates nothing.
  public func trippingGroups(in result: CMMI3Result) -> [String] {
    guard result.producesRatings else { return [] }
    return result.practiceGroups.filter { group in
      switch self {
      case .unsatisfied: group.value == .unsatisfied
      case .notSatisfied: group.value != .satisfied
      }
    }.map { "\($0.practiceArea) level \($0.level)" }
  }

  /// Why the V3 rating of `appraisal` fails the gate, naming up to 20 practice groups; `nil` when none meets it.
  public func failure(in result: CMMI3Result, appraisal: String) -> String? {
    let groups = trippingGroups(in: result)
    guard !groups.isEmpty else { return nil }
    let listed =
      groups.count > 20 ? groups.prefix(20).joined(separator: ", ") + ", …" : groups.joined(separator: ", ")
    return "--fail-on \(rawValue): \(groups.count) practice group\(groups.count == 1 ? "" : "s") of \(appraisal) "
      + "\(self == .unsatisfied ? "unsatisfied" : "not satisfied"): \(listed)"
  }
}
