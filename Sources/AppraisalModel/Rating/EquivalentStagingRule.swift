/// Rule 8 — equivalent staging: a maturity level from a capability profile. ML 2 needs CL 2 in every ML 2
/// area; ML 3, 4 and 5 need CL 3 in every area at or below that level. Excluded areas (Not Applicable,
/// unselected additions) are left out; an area with no capability level (not rated) blocks.
public enum EquivalentStagingRule {
  public static func level(
    catalog: Catalog, profile: [String: CapabilityLevel], excluded: Set<String>, target: Int = 5
  ) -> MaturityLevelResult {
    let target = min(max(target, 1), 5)
    var level = 1
    while level < target {
      let next = level + 1
      let needed = next >= 3 ? 3 : 2
      let blockers = catalog.processAreas
        .filter { $0.maturityLevel <= next && !excluded.contains($0.id) }
        .compactMap { area -> MaturityLevelResult.Blocker? in
          guard let capability = profile[area.id] else {
            return .init(processArea: area.id, reason: Message.noProfile)
          }
          return capability.level >= needed
            ? nil : .init(processArea: area.id, reason: Message.tooLow(has: capability.level, needs: needed))
        }
      if !blockers.isEmpty { return MaturityLevelResult(level: level, target: target, blockers: blockers) }
      level = next
    }
    return MaturityLevelResult(level: level, target: target, blockers: [])
  }

  enum Message {
    static let noProfile = "no capability level: out of scope or not rated"
    static func tooLow(has: Int, needs: Int) -> String { "CL \(has); CL \(needs) needed" }
  }
}
