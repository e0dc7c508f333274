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

  /// Who provides what for every area, by the appraisal's instantiation index: what the checks read, so that
  /// asking about a unit is an index, not a set look-up of its id.
  struct Provided {
    private var areaNumbers: [String: Int] = [:]
    /// Per area number, per instantiation index: bit 1 artifacts, bit 2 affirmations.
    private var bits: [UInt8] = []
    /// The number of instantiations.
    let units: Int

    init(units: Int) { self.units = units }

    /// From ``providers(_:)``'s sets, for the instantiations of `appraisal`.
    init(_ appraisal: Appraisal, providers: [String: Providers]) {
      self.init(units: appraisal.instantiations.count)
      for (area, given) in providers {
        let row = self.row(area)
        for (index, unit) in appraisal.instantiations.enumerated() {
          bits[row + index] =
            (given.artifacts.contains(unit.id) ? 1 : 0) | (given.affirmations.contains(unit.id) ? 2 : 0)
        }
      }
    }

    /// The first position of `area`'s bits, added (none provided) if new.
    mutating func row(_ area: String) -> Int {
      if let number = areaNumbers[area] { return number * units }
      areaNumbers[area] = areaNumbers.count
      bits.append(contentsOf: repeatElement(0, count: units))
      return (areaNumbers.count - 1) * units
    }

    mutating func add(_ provided: UInt8, row: Int, unit index: Int) { bits[row + index] |= provided }

    /// What each unit provides for `area` (nothing for an area no unit provides for).
    func area(_ area: String) -> Area {
      guard let number = areaNumbers[area] else { return Area(bits: ArraySlice(repeatElement(0, count: units))) }
      return Area(bits: bits[(number * units)..<((number + 1) * units)])
    }

    /// What each unit provides for one area.
    struct Area {
      let bits: ArraySlice<UInt8>
      /// Whether the unit at `index` provides both kinds.
      func both(_ index: Int) -> Bool { bits[bits.startIndex + index] == 3 }
      /// Whether the unit at `index` provides either kind.
      func either(_ index: Int) -> Bool { bits[bits.startIndex + index] != 0 }
    }
  }

  /// Who provides what for every area, from a rating table's counts (its evidence items and tally, the same
  /// evidence ``providers(_:)`` reads), for the sampled units: a unit is looked at once per practice, by
  /// number.
  static func provided(_ table: CharacterizationTable) -> Provided {
    let storage = table.storage
    let width = storage.units.count
    let sample = table.instantiationNumbers
    var provided = Provided(units: sample.count)
    storage.provision.withUnsafeBufferPointer { provision in
      for (p, practice) in storage.practices.enumerated() {
        let row = provided.row(practice.processArea)
        for (index, unit) in sample.enumerated() where provision[p * width + unit] != 0 {
          provided.add(provision[p * width + unit], row: row, unit: index)
        }
      }
    }
    return provided
  }

  /// The sample's subgroups with what does not depend on the area checked: under SCAMPI v1.3, which basic
  /// units provide both kinds, and either kind, for some rated area they examine (counts ii and iii).
  struct Sample {
    /// Members as indices into the appraisal's instantiations.
    var subgroups: [(name: String, members: [Int], noBoth: [String], none: [String])] = []

    init(_ appraisal: Appraisal, rule: CoveragePolicy.Rule, provided: Provided, ratedAreas: [String]) {
      guard rule == .scampi13 else { return }
      let units = appraisal.instantiations
      let areas = ratedAreas.map { ($0, provided.area($0)) }
      let basic = units.indices.filter { units[$0].kind != .supportFunction }
      for (name, members) in grouped(basic, of: units) {
        let noBoth = members.filter { unit in
          !areas.contains { area, given in units[unit].examines(area) && given.both(unit) }
        }.map { units[$0].id }
        let none = members.filter { unit in
          !areas.contains { area, given in units[unit].examines(area) && given.either(unit) }
        }.map { units[$0].id }
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
    let provided = Provided(appraisal, providers: providers ?? Self.providers(appraisal))
    return check(
      processArea: processArea, appraisal: appraisal, policy: policy, provided: provided,
      sample: Sample(appraisal, rule: policy.rule, provided: provided, ratedAreas: ratedAreas ?? ratedScope(appraisal)))
  }

  /// Checks one area with the area-independent counts of the sample worked out once (``Sample``).
  static func check(
    processArea: String, appraisal: Appraisal, policy: CoveragePolicy, provided: Provided, sample: Sample
  ) -> CoverageResult {
    let given = provided.area(processArea)
    let units = appraisal.instantiations
    let counts: [CoverageResult.Subgroup]
    switch policy.rule {
    case .perArea:
      counts = grouped(units.indices.filter { units[$0].examines(processArea) }, of: units).map { name, members in
        let missing = members.filter { !given.both($0) }.map { units[$0].id }
        return CoverageResult.Subgroup(
          name: name, units: members.count, providing: members.count - missing.count,
          required: max(1, policy.minimumShare.required(of: members.count)), rule: .share, missing: missing)
      }
    case .scampi13:
      var found: [CoverageResult.Subgroup] = []
      for (name, members, noBoth, none) in sample.subgroups {
        let examining = members.filter { units[$0].examines(processArea) }
        guard !examining.isEmpty else { continue }
        let lacking = examining.filter { !given.both($0) }.map { units[$0].id }
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
      for (index, owner) in units.enumerated()
      where owner.kind == .supportFunction && owner.examines(processArea) {
        let provides = given.both(index)
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

  /// The units at `indices` of `units` by subgroup, subgroups in order of first appearance.
  private static func grouped(_ indices: [Int], of units: [Instantiation]) -> [(String, [Int])] {
    var order: [String] = []
    var groups: [String: [Int]] = [:]
    for index in indices {
      let name = units[index].subgroup ?? defaultSubgroup
      if groups[name] == nil { order.append(name) }
      groups[name, default: []].append(index)
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
