/// Rule 3 — data coverage, by the appraisal's ``CoveragePolicy``. Team characterizations do not count as
/// evidence here. If any count falls short, every goal of the area is Not Rated, and the goal's reasons name
/// the rule, the subgroup (or support function) and the units.
///
/// **SCAMPI v1.3** (``CoveragePolicy/Rule/scampi13``, the default). Basic units (every kind but support
/// function) are grouped by subgroup (units without one form a single default subgroup). For an area, each
/// subgroup with a unit that examines it must meet:
/// - (i) at least one of its units that examine the area provides both artifacts and affirmations for it;
/// - (ii) at least the policy's share (one half, rounded up) of all its units provide both for some area in
///   scope;
/// - (iii) every one of its units provides artifacts or affirmations for some area in scope.
///
/// A failure of (ii) or (iii) is the subgroup's, so it leaves every area its units examine Not Rated. A
/// support function that examines (owns) the area must provide both for it, each owner on its own. The rule
/// "every practice of an area in scope is covered by some unit" is the goal rule's: a practice no unit
/// characterizes leaves its goals Not Rated.
///
/// **Per-area share** (``CoveragePolicy/Rule/perArea``). For an area, in each subgroup at least the share
/// (rounded up, at least one) of the units that examine it — support functions included — provide both
/// artifacts and affirmations for it.
public enum DataCoverageRule {
  public static let defaultSubgroup = "(all units)"

  /// The units that provide artifacts, and affirmations, for one process area.
  public struct Providers: Sendable {
    public var artifacts: Set<String> = []
    public var affirmations: Set<String> = []
    public init() {}

    /// Whether `unit` provides both kinds.
    public func both(_ unit: String) -> Bool { artifacts.contains(unit) && affirmations.contains(unit) }
    /// Whether `unit` provides either kind.
    public func either(_ unit: String) -> Bool { artifacts.contains(unit) || affirmations.contains(unit) }
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

  /// Who provides what for every area, from a rating table's counts (its evidence items and tally, the same
  /// evidence ``providers(_:)`` reads): a unit is looked at once per area, not once per practice.
  static func providers(_ table: CharacterizationTable) -> [String: Providers] {
    let storage = table.storage
    let width = storage.units.count
    var areaNumbers: [String: Int] = [:]
    var areas: [String] = []
    // Per area, per unit: bit 1 artifacts, bit 2 affirmations.
    var provided: [[UInt8]] = []
    for (p, practice) in storage.practices.enumerated() {
      let (area, isNew) = areaNumbers.number(of: practice.processArea, appendingTo: &areas)
      if isNew { provided.append(Array(repeating: 0, count: width)) }
      for u in 0..<width {
        let base = 4 * (p * width + u)
        var bits: UInt8 = 0
        if storage.evidence[base] > 0 || storage.evidence[base + 1] > 0 || storage.evidence[base + 2] > 0 { bits |= 1 }
        if storage.evidence[base + 3] > 0 { bits |= 2 }
        provided[area][u] |= bits
      }
    }
    var result: [String: Providers] = [:]
    for (area, name) in areas.enumerated() {
      var providers = Providers()
      for (u, bits) in provided[area].enumerated() {
        if bits & 1 != 0 { providers.artifacts.insert(storage.units[u]) }
        if bits & 2 != 0 { providers.affirmations.insert(storage.units[u]) }
      }
      result[name] = providers
    }
    return result
  }

  /// The sample's subgroups with what does not depend on the area checked: under SCAMPI v1.3, which basic
  /// units provide both kinds, and either kind, for some rated area they examine (counts ii and iii).
  struct Sample {
    var subgroups: [(name: String, members: [Instantiation], noBoth: [String], none: [String])] = []

    init(_ appraisal: Appraisal, rule: CoveragePolicy.Rule, providers all: [String: Providers], ratedAreas: [String]) {
      guard rule == .scampi13 else { return }
      let areas = ratedAreas.map { ($0, all[$0] ?? Providers()) }
      let basic = appraisal.instantiations.filter { $0.kind != .supportFunction }
      for (name, members) in grouped(basic) {
        let noBoth = members.filter { unit in
          !areas.contains { area, providers in unit.examines(area) && providers.both(unit.id) }
        }.map(\.id)
        let none = members.filter { unit in
          !areas.contains { area, providers in unit.examines(area) && providers.either(unit.id) }
        }.map(\.id)
        subgroups.append((name, members, noBoth, none))
      }
    }
  }

  /// Checks one area. Pass `providers` from ``providers(_:)`` and the rated areas' ids when checking
  /// several areas; by default they are computed, the rated areas being the scope's.
  public static func check(
    processArea: String, appraisal: Appraisal, policy: CoveragePolicy, providers: [String: Providers]? = nil,
    ratedAreas: [String]? = nil
  ) -> CoverageResult {
    let all = providers ?? Self.providers(appraisal)
    return check(
      processArea: processArea, appraisal: appraisal, policy: policy, providers: all,
      sample: Sample(appraisal, rule: policy.rule, providers: all, ratedAreas: ratedAreas ?? ratedScope(appraisal)))
  }

  /// Checks one area with the area-independent counts of the sample worked out once (``Sample``).
  static func check(
    processArea: String, appraisal: Appraisal, policy: CoveragePolicy, providers all: [String: Providers],
    sample: Sample
  ) -> CoverageResult {
    let given = all[processArea] ?? Providers()
    let counts: [CoverageResult.Subgroup]
    switch policy.rule {
    case .perArea:
      counts = grouped(appraisal.instantiations.filter { $0.examines(processArea) }).map { name, members in
        let missing = members.filter { !given.both($0.id) }.map(\.id)
        return CoverageResult.Subgroup(
          name: name, units: members.count, providing: members.count - missing.count,
          required: max(1, policy.minimumShare.required(of: members.count)), rule: .share, missing: missing)
      }
    case .scampi13:
      var found: [CoverageResult.Subgroup] = []
      for (name, members, noBoth, none) in sample.subgroups {
        let examining = members.filter { $0.examines(processArea) }
        guard !examining.isEmpty else { continue }
        let lacking = examining.filter { !given.both($0.id) }.map(\.id)
        found.append(
          .init(
            name: name, units: examining.count, providing: examining.count - lacking.count, required: 1,
            rule: .anyUnit, missing: lacking))
        found.append(
          .init(
            name: name, units: members.count, providing: members.count - noBoth.count,
            required: max(1, policy.minimumShare.required(of: members.count)), rule: .halfOfUnits, missing: noBoth))
        found.append(
          .init(
            name: name, units: members.count, providing: members.count - none.count, required: members.count,
            rule: .everyUnit, missing: none))
      }
      for owner in appraisal.instantiations where owner.kind == .supportFunction && owner.examines(processArea) {
        let provides = given.both(owner.id)
        found.append(
          .init(
            name: owner.id, units: 1, providing: provides ? 1 : 0, required: 1, rule: .supportFunction,
            missing: provides ? [] : [owner.id]))
      }
      counts = found
    }
    return CoverageResult(processArea: processArea, isEnabled: policy.isEnabled, subgroups: counts)
  }

  /// Why coverage failed, one phrase per count that falls short.
  public static func shortfall(_ result: CoverageResult) -> [String] {
    result.subgroups.filter { !$0.isMet }.map(\.shortfall)
  }

  /// The units by subgroup, subgroups in order of first appearance.
  private static func grouped(_ units: [Instantiation]) -> [(String, [Instantiation])] {
    var order: [String] = []
    var groups: [String: [Instantiation]] = [:]
    for unit in units {
      let name = unit.subgroup ?? defaultSubgroup
      if groups[name] == nil { order.append(name) }
      groups[name, default: []].append(unit)
    }
    return order.map { ($0, groups[$0]!) }
  }

  /// The scope's areas less those declared not applicable (the catalog is not at hand here; additions the
  /// scope leaves out are not listed in it).
  private static func ratedScope(_ appraisal: Appraisal) -> [String] {
    let excluded = Set(appraisal.scope.notApplicable.map(\.processArea))
    return appraisal.scope.processAreas.filter { !excluded.contains($0) }
  }
}
