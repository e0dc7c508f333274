/// V3 rule — a practice area's capability level in a capability appraisal: the highest level whose practice
/// group and every lower group are Satisfied (as in the reference), up to the area's target; capability
/// appraisals stop at level 3.
///
/// The level stops at the first group that is not Satisfied (Not Rated: the next level is unknown rather
/// than failed). An area with no practices at a level up to its target is not given that level (e.g. CM,
/// with groups at 1 and 2 only, is at most CL 2): the published facts do not say that a missing group
/// counts as Satisfied for capability, so this is **flagged** rather than inferred.
public enum CMMI3CapabilityLevelRule {
  /// The highest level a capability appraisal rates.
  public static let highestCapabilityLevel = 3

  /// The level of `area` from its group ratings (by level), up to `target` (capped at 3).
  public static func level(_ area: PracticeArea, groups: [Int: PracticeGroupRating], target: Int)
    -> CMMI3CapabilityLevel
  {
    let target = min(max(target, 0), highestCapabilityLevel)
    var result = CMMI3CapabilityLevel(practiceArea: area.id, level: 0, target: target)
    guard target >= 1 else { return result }
    for level in 1...target {
      guard area.group(level: level) != nil else {
        result.limitation = Message.noGroup(area.id, level)
        return result
      }
      guard let rating = groups[level] else {
        result.nextLevelNotRated = true
        result.limitation = Message.notRated(level)
        return result
      }
      switch rating.value {
      case .satisfied: result.level = level
      case .unsatisfied:
        result.limitation = Message.unsatisfied(level)
        return result
      case .notRated:
        result.nextLevelNotRated = true
        result.limitation = Message.notRated(level)
        return result
      }
    }
    return result
  }

  enum Message {
    static func noGroup(_ area: String, _ level: Int) -> String {
      "CL \(level) not given: \(area) has no practices at level \(level) (not inferred; team decides)"
    }
    static func unsatisfied(_ level: Int) -> String {
      "CL \(level) not reached: the level \(level) group is Unsatisfied"
    }
    static func notRated(_ level: Int) -> String { "CL \(level) undetermined: the level \(level) group is Not Rated" }
  }
}
