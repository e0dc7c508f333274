/// Rule 6 — a process area's capability level (continuous representation), an integer 0–3:
/// CL 1 when all specific goals are Satisfied (GG 1), CL 2 when GG 2 is Satisfied too, CL 3 when GG 3 is
/// Satisfied too. The level stops at the first goal set that is not Satisfied; if that is because a goal
/// is Not Rated or the generic goal was not rated at all, the result says so (the next level is unknown,
/// not failed).
public enum CapabilityLevelRule {
  /// `genericGoals` maps a capability level (2, 3) to that generic goal's rating, when it was rated.
  public static func level(
    specificGoals: [GoalRating], genericGoals: [Int: GoalRating], highestLevel: Int = 3
  ) -> CapabilityLevel {
    if let block = blocker(specificGoals, "CL 1") {
      return CapabilityLevel(level: 0, nextLevelNotRated: block.notRated, limitation: block.text)
    }
    var level = 1
    while level < highestLevel {
      let next = level + 1
      guard let goal = genericGoals[next] else {
        return CapabilityLevel(level: level, nextLevelNotRated: true, limitation: Message.notInScope(next))
      }
      if let block = blocker([goal], "CL \(next)") {
        return CapabilityLevel(level: level, nextLevelNotRated: block.notRated, limitation: block.text)
      }
      level = next
    }
    return CapabilityLevel(level: level)
  }

  private static func blocker(_ goals: [GoalRating], _ level: String) -> (notRated: Bool, text: String)? {
    if let failed = goals.first(where: { $0.value == .unsatisfied }) {
      return (false, Message.unsatisfied(level, failed.goal))
    }
    if let open = goals.first(where: { $0.value == .notRated }) { return (true, Message.notRated(level, open.goal)) }
    return nil
  }

  enum Message {
    static func notInScope(_ level: Int) -> String {
      "CL \(level) not rated: GG \(level) is not in the appraisal's target"
    }
    static func unsatisfied(_ level: String, _ goal: String) -> String {
      "\(level) not reached: \(goal) is Unsatisfied"
    }
    static func notRated(_ level: String, _ goal: String) -> String { "\(level) undetermined: \(goal) is Not Rated" }
  }
}
