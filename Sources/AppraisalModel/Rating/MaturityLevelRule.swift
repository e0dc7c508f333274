/// Rule 7 — maturity level (staged representation).
///
/// The level is the highest N (up to the target) such that every process area of the catalog at maturity
/// level ≤ N is Satisfied or excluded (Not Applicable, or an addition the organization did not select),
/// rated with the generic goals required for N: GG 2 for ML 2, GG 2 and GG 3 for ML 3–5 — so GG 3 applies
/// to the ML 2 areas too once ML 3 is sought. An area out of scope, Not Rated or Unsatisfied at a level
/// blocks it. An organization that does not reach ML 2 is at ML 1. The blockers of the next level are
/// listed with reasons.
public enum MaturityLevelRule {
  public static func level(
    catalog: Catalog, ratings: [String: ProcessAreaRating], excluded: Set<String>, target: Int
  ) -> MaturityLevelResult {
    let target = min(max(target, 1), 5)
    var level = 1
    while level < target {
      let next = level + 1
      let blockers = catalog.processAreas
        .filter { $0.maturityLevel <= next && !excluded.contains($0.id) }
        .compactMap { area in blocker(area, ratings[area.id], level: next) }
      if !blockers.isEmpty { return MaturityLevelResult(level: level, target: target, blockers: blockers) }
      level = next
    }
    return MaturityLevelResult(level: level, target: target, blockers: [])
  }

  /// The generic-goal capability levels a maturity level needs.
  public static func requiredGenericLevels(forMaturityLevel level: Int) -> [Int] {
    level >= 3 ? [2, 3] : [2]
  }

  private static func blocker(_ area: ProcessArea, _ rating: ProcessAreaRating?, level: Int) -> MaturityLevelResult
    .Blocker?
  {
    func block(_ reason: String) -> MaturityLevelResult.Blocker {
      MaturityLevelResult.Blocker(processArea: area.id, reason: reason)
    }
    guard let rating, rating.isRated else { return block(Message.outOfScope(level)) }
    var problems: [String] = []
    for goal in rating.goals where !goal.isGeneric && goal.value != .satisfied {
      problems.append("\(goal.goal) \(goal.value.rawValue)")
    }
    for genericLevel in requiredGenericLevels(forMaturityLevel: level) {
      let id = "GG \(genericLevel)"
      if let goal = rating.goals.first(where: { $0.isGeneric && $0.goal == id }) {
        if goal.value != .satisfied { problems.append("\(id) \(goal.value.rawValue)") }
      } else {
        problems.append(Message.notRated(id))
      }
    }
    return problems.isEmpty ? nil : block(problems.joined(separator: ", "))
  }

  enum Message {
    static func outOfScope(_ level: Int) -> String {
      "out of scope; ML \(level) needs every area at ML \(level) or below"
    }
    static func notRated(_ goal: String) -> String { "\(goal) not rated in this appraisal" }
  }
}
