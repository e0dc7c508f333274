/// Rule 3 — data coverage (SCAMPI v1.3 style).
///
/// For a process area, group the sampled units that examine it by subgroup (units without one form a
/// single default subgroup). In each subgroup, at least the policy's share (default one half, rounded up)
/// of the units must provide both at least one artifact and at least one affirmation for some practice of
/// the area. If any subgroup falls short, every goal of the area is Not Rated. Team characterizations do
/// not count as evidence here.
public enum DataCoverageRule {
  public static let defaultSubgroup = "(all units)"

  /// The units that provide artifacts, and affirmations, for one process area.
  public struct Providers: Sendable {
    public var artifacts: Set<String> = []
    public var affirmations: Set<String> = []
  }

  /// Who provides what for every area, in one pass over the evidence (the rater checks every area).
  public static func providers(_ appraisal: Appraisal) -> [String: Providers] {
    var result: [String: Providers] = [:]
    for item in appraisal.evidence {
      if item.indicator.isArtifact {
        result[item.practice.processArea, default: Providers()].artifacts.insert(item.instantiation)
      } else {
        result[item.practice.processArea, default: Providers()].affirmations.insert(item.instantiation)
      }
    }
    if let tally = appraisal.evidenceTally {
      for area in Set(tally.practices.map(\.processArea)) {
        let counted = tally.coverage(of: area)
        result[area, default: Providers()].artifacts.formUnion(counted.artifacts)
        result[area, default: Providers()].affirmations.formUnion(counted.affirmations)
      }
    }
    return result
  }

  /// Checks one area; pass `providers` from ``providers(_:)`` when checking several areas.
  public static func check(
    processArea: String, appraisal: Appraisal, policy: CoveragePolicy, providers: Providers? = nil
  ) -> CoverageResult {
    let units = appraisal.instantiations.filter { $0.examines(processArea) }
    let given = providers ?? Self.providers(appraisal)[processArea] ?? Providers()
    let artifacts = given.artifacts
    let affirmations = given.affirmations
    var order: [String] = []
    var groups: [String: [Instantiation]] = [:]
    for unit in units {
      let name = unit.subgroup ?? defaultSubgroup
      if groups[name] == nil { order.append(name) }
      groups[name, default: []].append(unit)
    }
    let subgroups = order.map { name in
      let members = groups[name]!
      let providing = members.filter { artifacts.contains($0.id) && affirmations.contains($0.id) }.count
      return CoverageResult.Subgroup(
        name: name, units: members.count, providing: providing,
        required: max(1, policy.minimumShare.required(of: members.count)))
    }
    return CoverageResult(processArea: processArea, isEnabled: policy.isEnabled, subgroups: subgroups)
  }

  /// Why coverage failed, one phrase per failing subgroup.
  public static func shortfall(_ result: CoverageResult) -> [String] {
    result.subgroups.filter { !$0.isMet }.map { group in
      "data coverage not met in subgroup \(group.name): \(group.providing) of \(group.units) units provide "
        + "both artifacts and affirmations; at least \(group.required) required"
    }
  }
}
