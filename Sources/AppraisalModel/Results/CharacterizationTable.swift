/// The characterizations of every (practice, instantiation) pair, looked up by practice and unit.
///
/// Practices and units are numbered; each pair's values are kept in flat arrays at practice number × units
/// + unit number (a code per value, four counts, a range of observation numbers), so the engine walks
/// hundreds of thousands of pairs without hashing a name or building a struct per pair. A pair becomes an
/// ``InstantiationCharacterization`` only when a report asks for it.
public struct CharacterizationTable: Sendable {
  let storage: Storage
  /// The unit number of each sampled unit, by its index in ``Appraisal/instantiations``.
  let instantiationNumbers: [Int]

  /// The characterization of `practice` in `unit`, if the pair was recorded or required.
  public subscript(practice: PracticeReference, unit: String) -> InstantiationCharacterization? {
    guard let p = storage.practiceNumbers[practice], let u = storage.unitNumbers[unit] else { return nil }
    let pair = p * storage.units.count + u
    return storage.isRecorded(pair) ? storage.characterization(pair) : nil
  }

  /// The practices that have at least one characterized pair.
  public var practicesRecorded: Set<PracticeReference> {
    Set(storage.practices.indices.lazy.filter { self.storage.practiceRecorded[$0] }.map { self.storage.practices[$0] })
  }

  /// The number of `practice`, if it was recorded or required.
  func number(_ practice: PracticeReference) -> Int? { storage.practiceNumbers[practice] }

  /// The number of unit `id`, if any of its pairs was recorded or required or it is a sampled unit.
  func number(unit id: String) -> Int? { storage.unitNumbers[id] }

  /// The pairs of practice number `practice` in the units numbered `units` (those recorded, in that order).
  func values(practice: Int, units: [Int32]) -> InstantiationValues {
    let base = practice * storage.units.count
    if units.allSatisfy({ storage.isRecorded(base + Int($0)) }) {
      return InstantiationValues(storage: storage, practice: practice, units: units)
    }
    return InstantiationValues(
      storage: storage, practice: practice, units: units.filter { storage.isRecorded(base + Int($0)) })
  }

  /// The flat arrays behind a table; immutable once built, shared by every ``InstantiationValues`` view.
  final class Storage: Sendable {
    let practices: [PracticeReference]
    let units: [String]
    let practiceNumbers: [PracticeReference: Int]
    let unitNumbers: [String: Int]
    /// Per pair: the team's value and the derived one as ``Storage/code(_:)`` (0 = none), the derivation
    /// as an index into ``PracticeCharacterizationRule/derivations`` (0xFF = pair not recorded).
    let team: [UInt8]
    let derived: [UInt8]
    let derivation: [UInt8]
    /// Per pair: bit 1 with artifacts, bit 2 with affirmations.
    let provision: [UInt8]
    /// The evidence items' counts, four per pair (direct, indirect, untyped artifacts, affirmations); empty
    /// when the appraisal holds none. A pair's counts are these plus the tally's (``tallied``).
    let itemCounts: [UInt32]
    let tallied: Tallied
    /// The appraisal's observations; pair `i`'s are `observations[observationIndex[observationStart[i]..<observationStart[i + 1]]]`.
    let observations: [Observation]
    let observationStart: [Int32]
    let observationIndex: [Int32]
    /// In the order of ``observationIndex`` (pairs in turn): each observation's kind, 1 for a weakness, 3 for
    /// a major one, 0 for a strength, and its text. Reports walk pairs in this order; read through the
    /// observation numbers instead, every text was a cache miss in an array kept in file order.
    let observationKinds: [UInt8]
    let observationTexts: [String]
    /// Per practice number, whether any of its pairs is recorded.
    let practiceRecorded: [Bool]

    init(
      practices: [PracticeReference], units: [String], practiceNumbers: [PracticeReference: Int],
      unitNumbers: [String: Int], team: [UInt8], derived: [UInt8], derivation: [UInt8], provision: [UInt8],
      itemCounts: [UInt32], tallied: Tallied,
      observations: [Observation], observationStart: [Int32], observationIndex: [Int32], observationKinds: [UInt8],
      observationTexts: [String], practiceRecorded: [Bool]
    ) {
      self.practices = practices
      self.units = units
      self.practiceNumbers = practiceNumbers
      self.unitNumbers = unitNumbers
      self.team = team
      self.derived = derived
      self.derivation = derivation
      self.provision = provision
      self.itemCounts = itemCounts
      self.tallied = tallied
      self.observations = observations
      self.observationStart = observationStart
      self.observationIndex = observationIndex
      self.observationKinds = observationKinds
      self.observationTexts = observationTexts
      self.practiceRecorded = practiceRecorded
    }

    static let notRecorded: UInt8 = 0xFF

    /// A value's code: its position among ``Characterization/allCases`` plus one; 0 for none.
    static func code(_ value: Characterization?) -> UInt8 {
      switch value {
      case nil: 0
      case .fullyImplemented: 1
      case .largelyImplemented: 2
      case .partiallyImplemented: 3
      case .notImplemented: 4
      case .notYet: 5
      }
    }

    static func value(_ code: UInt8) -> Characterization? {
      switch code {
      case 1: .fullyImplemented
      case 2: .largelyImplemented
      case 3: .partiallyImplemented
      case 4: .notImplemented
      case 5: .notYet
      default: nil
      }
    }

    func isRecorded(_ pair: Int) -> Bool { derivation[pair] != Self.notRecorded }

    /// The value used for aggregation (the team's, else the derived one) as a code.
    func valueCode(_ pair: Int) -> UInt8 { team[pair] != 0 ? team[pair] : derived[pair] }

    func counts(_ pair: Int) -> EvidenceCounts {
      let (practice, unit) = pair.quotientAndRemainder(dividingBy: units.count)
      func count(_ slot: Int) -> Int {
        let items = itemCounts.isEmpty ? 0 : UInt64(itemCounts[4 * pair + slot])
        return Int(UInt32(clamping: items + UInt64(tallied.count(practice: practice, unit: unit, slot: slot))))
      }
      return EvidenceCounts(
        directArtifacts: count(0), indirectArtifacts: count(1), untypedArtifacts: count(2), affirmations: count(3))
    }

    /// The positions of pair `pair`'s observations in ``observationIndex``, in file order.
    func observationPositions(_ pair: Int) -> Range<Int> {
      Int(observationStart[pair])..<Int(observationStart[pair + 1])
    }

    /// The numbers of pair `pair`'s observations, in file order.
    func observationNumbers(_ pair: Int) -> ArraySlice<Int32> { observationIndex[observationPositions(pair)] }

    /// Whether pair `pair` has a weakness.
    func hasWeakness(_ pair: Int) -> Bool { weaknessCount(pair) > 0 }

    /// How many weaknesses pair `pair` has.
    func weaknessCount(_ pair: Int) -> Int {
      var count = 0
      for position in observationPositions(pair) where observationKinds[position] != 0 { count += 1 }
      return count
    }

    /// Appends pair `pair`'s observations of `kind` to `list`.
    func appendObservations(_ pair: Int, kind: Observation.Kind, to list: inout [Observation]) {
      let wanted: Bool = kind == .weakness
      for position in observationPositions(pair) where (observationKinds[position] != 0) == wanted {
        list.append(observations[Int(observationIndex[position])])
      }
    }

    /// Pair `pair` as a struct with everything that led to its values.
    func characterization(_ pair: Int) -> InstantiationCharacterization {
      var strengths: [Observation] = []
      var weaknesses: [Observation] = []
      for number in observationNumbers(pair) {
        let observation = observations[Int(number)]
        if observation.kind == .weakness { weaknesses.append(observation) } else { strengths.append(observation) }
      }
      return InstantiationCharacterization(
        practice: practices[pair / units.count], instantiation: units[pair % units.count],
        team: Self.value(team[pair]), derived: Self.value(derived[pair]),
        derivation: PracticeCharacterizationRule.derivations[Int(derivation[pair])], evidence: counts(pair),
        strengths: strengths, weaknesses: weaknesses)
    }
  }
}
