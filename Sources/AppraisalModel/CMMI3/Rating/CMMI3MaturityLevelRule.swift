/// V3 rule — the organization's maturity level in a maturity appraisal: the highest N up to the target such
/// that, for every level n ≤ N, every practice area of the appraisal's view is satisfied at level n (all
/// its groups 1…n Satisfied) — as in the reference; V3 counts every in-scope area at level 2 for ML 2. An
/// organization that does not reach ML 1 is at ML 0.
///
/// An area with no practices at level n is counted through its highest group (CM, with groups at 1 and 2,
/// counts for ML 3 when both are Satisfied). That is an **inference, flagged**: the published facts do not
/// state it.
public enum CMMI3MaturityLevelRule {
  /// The level from `groups` (area id → level → rating) for `areas`, up to `target` (1–5).
  public static func level(areas: [PracticeArea], groups: [String: [Int: PracticeGroupRating]], target: Int)
    -> CMMI3MaturityLevel
  {
    let target = min(max(target, 1), 5)
    var result = CMMI3MaturityLevel(level: 0, target: target)
    var inferred: [String: CMMI3MaturityLevel.Inference] = [:]
    for level in 1...target {
      var blockers: [CMMI3MaturityLevel.Blocker] = []
      var inferences: [CMMI3MaturityLevel.Inference] = []
      for area in areas {
        let through = min(level, area.highestLevel)
        let open = (1...max(through, 1)).compactMap { groupLevel -> String? in
          guard area.group(level: groupLevel) != nil else { return nil }
          let value = groups[area.id]?[groupLevel]?.value
          return value == .satisfied ? nil : "level \(groupLevel) \(value?.rawValue ?? "not rated")"
        }
        if !open.isEmpty {
          blockers.append(.init(practiceArea: area.id, reason: open.joined(separator: ", ")))
        } else if through < level {
          inferences.append(.init(practiceArea: area.id, maturityLevel: level, throughLevel: through))
        }
      }
      if !blockers.isEmpty {
        result.blockers = blockers
        break
      }
      result.level = level
      for inference in inferences { inferred[inference.practiceArea] = inference }
    }
    result.inferences = areas.compactMap { inferred[$0.id] }
    return result
  }
}
