/// Rule 1 — characterize a practice in one instantiation from its evidence.
///
/// The team's value always wins; this rule supplies the *derived* value, kept beside it for the report.
/// It is deterministic and uses counts of indicators only, never a score:
///
/// | evidence recorded | weaknesses | derived |
/// |---|---|---|
/// | none | none | not characterized |
/// | none | any | NI — evidence absent; the weaknesses say why |
/// | artifacts **and** affirmations | none | FI |
/// | artifacts **and** affirmations | only minor | LI |
/// | artifacts **and** affirmations | at least one major | PI — an aspect of the practice is missing |
/// | only artifacts, or only affirmations | any | PI — evidence not corroborated |
///
/// "Artifacts" are direct, indirect or untyped artifacts alike (v1.3 dropped the split). NY is never
/// derived: only the team can say a unit has not reached the practice yet.
public enum PracticeCharacterizationRule {
  /// The derived value (`nil` = not characterized) and the reason in words.
  public static func derive(evidence: EvidenceCounts, weaknesses: [Observation]) -> (
    value: Characterization?, reason: String
  ) {
    let (value, reason) = derive(
      artifacts: evidence.artifacts > 0, affirmations: evidence.affirmations > 0, weaknesses: !weaknesses.isEmpty,
      major: weaknesses.contains { $0.impact == .major })
    return (CharacterizationTable.Storage.value(value), derivations[Int(reason)])
  }

  /// The rule on what a pair has: the derived value as a ``CharacterizationTable`` code and the reason as an
  /// index into ``derivations``.
  static func derive(artifacts: Bool, affirmations: Bool, weaknesses: Bool, major: Bool) -> (
    value: UInt8, reason: UInt8
  ) {
    typealias Code = CharacterizationTable.Storage
    switch (artifacts, affirmations) {
    case (false, false):
      return weaknesses ? (Code.code(.notImplemented), 1) : (0, 0)
    case (true, true):
      if major { return (Code.code(.partiallyImplemented), 2) }
      if weaknesses { return (Code.code(.largelyImplemented), 3) }
      return (Code.code(.fullyImplemented), 4)
    case (true, false):
      return (Code.code(.partiallyImplemented), 5)
    case (false, true):
      return (Code.code(.partiallyImplemented), 6)
    }
  }

  /// The reasons ``derive(artifacts:affirmations:weaknesses:major:)`` gives, by index.
  static let derivations = [
    Message.nothingRecorded, Message.noEvidence, Message.majorWeakness, Message.minorWeaknesses,
    Message.corroborated, Message.artifactsOnly, Message.affirmationsOnly,
  ]

  /// Characterizes every (practice, instantiation) pair that has anything recorded — evidence, an
  /// observation or a team value — plus the pairs listed in `required`, which show up as not characterized
  /// when nothing was recorded.
  public static func characterize(
    _ appraisal: Appraisal, required: [(PracticeReference, String)]
  ) -> CharacterizationTable {
    characterize(appraisal) { number in
      var pairs: [(Int, Int)] = []
      for (practice, unit) in required { pairs.append((number.practice(practice), number.unit(unit))) }
      return pairs
    }
  }

  /// Characterizes every recorded pair plus, for each block, every practice of `practices` in each sampled
  /// unit numbered `units` (indices into ``Appraisal/instantiations``): the rater's form, one block per area.
  static func characterize(
    _ appraisal: Appraisal, required blocks: [(practices: [PracticeReference], units: [Int32])]
  ) -> CharacterizationTable {
    characterize(appraisal) { number in
      var pairs: [(Int, Int)] = []
      pairs.reserveCapacity(blocks.reduce(0) { $0 + $1.practices.count * $1.units.count })
      for block in blocks {
        var units: [Int] = []
        for unit in block.units { units.append(number.instantiation(Int(unit))) }
        for practice in block.practices {
          let p = number.practice(practice)
          for u in units { pairs.append((p, u)) }
        }
      }
      return pairs
    }
  }

  /// Numbers practices and units as they come: the sampled units first, in order.
  struct Numbering {
    var practices: [PracticeReference] = []
    var units: [String] = []
    var practiceNumbers: [PracticeReference: Int] = [:]
    var unitNumbers: [String: Int] = [:]
    /// The unit number of each sampled unit, by its index in the appraisal.
    var instantiationNumbers: [Int] = []
    // Records of one pair come together in files, so the previous names are tried first.
    private var lastPractice: (PracticeReference, Int)? = nil
    private var lastUnit: (String, Int)? = nil

    mutating func practice(_ practice: PracticeReference) -> Int {
      Self.number(practice, last: &lastPractice, numbers: &practiceNumbers, in: &practices)
    }

    mutating func unit(_ unit: String) -> Int {
      Self.number(unit, last: &lastUnit, numbers: &unitNumbers, in: &units)
    }

    /// The number of `key`: the previous one's again, one of the few numbered after it, a known one, or
    /// the next one (`key` is appended to `keys`).
    @inline(__always)
    private static func number<Key: Hashable>(
      _ key: Key, last: inout (Key, Int)?, numbers: inout [Key: Int], in keys: inout [Key]
    ) -> Int {
      if let previous = last {
        if previous.0 == key { return previous.1 }
        // Files list a unit's records in catalog order, skipping a few practices: comparing the next
        // names costs less than hashing the key.
        for number in (previous.1 + 1)..<min(keys.count, previous.1 + 1 + lookahead) where keys[number] == key {
          last = (key, number)
          return number
        }
      }
      let number = numbers.number(of: key, appendingTo: &keys).number
      last = (key, number)
      return number
    }

    /// How many names after the previous one are compared before a key is hashed.
    private static let lookahead = 8

    func instantiation(_ index: Int) -> Int { instantiationNumbers[index] }
  }

  private static func characterize(
    _ appraisal: Appraisal, required: (inout Numbering) -> [(Int, Int)]
  ) -> CharacterizationTable {
    // First every practice and unit is numbered; then the pairs are filled in flat arrays.
    // Plain loops, not closures: a closure that changes a captured variable checks exclusive access per call.
    var number = Numbering()
    for unit in appraisal.instantiations { number.instantiationNumbers.append(number.unit(unit.id)) }
    let requiredPairs = required(&number)
    var items: [(Int, Int)] = []
    items.reserveCapacity(appraisal.evidence.count)
    for item in appraisal.evidence { items.append((number.practice(item.practice), number.unit(item.instantiation))) }
    var tallyNumbers: (practices: [Int], units: [Int]) = ([], [])
    if let tally = appraisal.evidenceTally {
      for practice in tally.practices { tallyNumbers.practices.append(number.practice(practice)) }
      for unit in tally.units { tallyNumbers.units.append(number.unit(unit)) }
    }
    var observed: [(Int, Int)] = []
    observed.reserveCapacity(appraisal.observations.count)
    for observation in appraisal.observations {
      observed.append((number.practice(observation.practice), number.unit(observation.instantiation)))
    }
    var teamPairs: [(Int, Int)] = []
    teamPairs.reserveCapacity(appraisal.characterizations.count)
    for value in appraisal.characterizations {
      teamPairs.append((number.practice(value.practice), number.unit(value.instantiation)))
    }

    let width = number.units.count
    let pairs = number.practices.count * width
    // Per pair: the derivation as an index into `derivations`, notRecorded until the pair is recorded (0),
    // then the reason worked out below.
    var derivation = Array(repeating: CharacterizationTable.Storage.notRecorded, count: pairs)
    // Per pair: bit 1 artifacts, bit 2 affirmations, all the rule and the coverage check ask.
    var provision = Array(repeating: UInt8(0), count: pairs)
    // The evidence items' counts, four per pair; none when the evidence was tallied while reading.
    var itemCounts: [UInt32] = appraisal.evidence.isEmpty ? [] : Array(repeating: 0, count: 4 * pairs)
    for (index, item) in appraisal.evidence.enumerated() {
      let pair = items[index].0 * width + items[index].1
      let slot = slot(item.indicator)
      if itemCounts[4 * pair + slot] < .max { itemCounts[4 * pair + slot] += 1 }
      provision[pair] |= slot == 3 ? 2 : 1
      derivation[pair] = 0
    }
    // The tally's counts stay in the tally, read through each practice's and unit's tally number: copied
    // into a table of four counts per pair, they were most of the pages a rating touched.
    var tallied = CharacterizationTable.Tallied(practices: number.practices.count, units: width)
    if let tally = appraisal.evidenceTally, !tally.units.isEmpty {
      let counts = tally.pairCounts
      let tallyWidth = tally.units.count
      if !tallied.adopt(counts, width: tallyWidth, practices: tallyNumbers.practices, units: tallyNumbers.units) {
        // A practice or unit listed twice in the tally: its counts are summed into the items' instead.
        if itemCounts.isEmpty { itemCounts = Array(repeating: 0, count: 4 * pairs) }
      }
      // Nested loops: a division per pair cost more than the rest of the loop.
      for tallyPractice in 0..<min(tallyNumbers.practices.count, counts.count / (4 * tallyWidth)) {
        let row = tallyNumbers.practices[tallyPractice] * width
        for tallyUnit in 0..<tallyWidth {
          let source = 4 * (tallyPractice * tallyWidth + tallyUnit)
          let artifacts = counts[source] | counts[source + 1] | counts[source + 2]
          let affirmations = counts[source + 3]
          guard artifacts | affirmations != 0 else { continue }
          let pair = row + tallyNumbers.units[tallyUnit]
          provision[pair] |= (artifacts != 0 ? 1 : 0) | (affirmations != 0 ? 2 : 0)
          derivation[pair] = 0
          if !tallied.isAdopted {
            for slot in 0..<4 {
              let sum = UInt64(itemCounts[4 * pair + slot]) + UInt64(counts[source + slot])
              itemCounts[4 * pair + slot] = UInt32(clamping: sum)
            }
          }
        }
      }
    }
    // Each pair's observations as a range of positions in pair order, in file order within a pair.
    let observations = appraisal.observations
    // Counted at each pair, summed so each holds its end, then filled backwards so each ends at its start.
    var observationStart = Array(repeating: Int32(0), count: pairs + 1)
    for (p, u) in observed { observationStart[p * width + u] += 1 }
    for pair in 0..<pairs { observationStart[pair + 1] += observationStart[pair] }
    var observationIndex = Array(repeating: Int32(0), count: observed.count)
    // By position: 1 for a weakness, 3 for a major one, 0 for a strength; and the text.
    var observationKinds = Array(repeating: UInt8(0), count: observed.count)
    var observationTexts = Array(repeating: "", count: observed.count)
    // Per pair: 1 with a weakness, 3 with a major one.
    var weakness = Array(repeating: UInt8(0), count: pairs)
    for (index, (p, u)) in observed.enumerated().reversed() {
      let pair = p * width + u
      observationStart[pair] -= 1
      let position = Int(observationStart[pair])
      observationIndex[position] = Int32(index)
      observationTexts[position] = observations[index].text
      derivation[pair] = 0
      if observations[index].kind == .weakness {
        let kind: UInt8 = observations[index].impact == .major ? 3 : 1
        observationKinds[position] = kind
        weakness[pair] |= kind
      }
    }
    var team = Array(repeating: UInt8(0), count: pairs)
    for (index, characterization) in appraisal.characterizations.enumerated() {
      let pair = teamPairs[index].0 * width + teamPairs[index].1
      team[pair] = CharacterizationTable.Storage.code(characterization.value)
      derivation[pair] = 0
    }
    for (p, u) in requiredPairs { derivation[p * width + u] = 0 }

    // The rule on each of the 16 combinations of what a pair can have (artifacts, affirmations, a weakness,
    // a major one), looked up per pair instead of worked out.
    let rule = (0..<16).map { (bits: Int) in
      derive(artifacts: bits & 1 != 0, affirmations: bits & 2 != 0, weaknesses: bits & 4 != 0, major: bits & 8 != 0)
    }
    var derived = Array(repeating: UInt8(0), count: pairs)
    var practiceRecorded = Array(repeating: false, count: number.practices.count)
    for practice in 0..<number.practices.count {
      for pair in (practice * width)..<((practice + 1) * width)
      where derivation[pair] != CharacterizationTable.Storage.notRecorded {
        // A weakness code (1, or 3 for a major one) shifted in gives bits 4 and 8.
        (derived[pair], derivation[pair]) = rule[Int(provision[pair] | weakness[pair] << 2)]
        practiceRecorded[practice] = true
      }
    }
    return CharacterizationTable(
      storage: .init(
        practices: number.practices, units: number.units, practiceNumbers: number.practiceNumbers,
        unitNumbers: number.unitNumbers, team: team, derived: derived, derivation: derivation,
        provision: provision, itemCounts: itemCounts, tallied: tallied,
        observations: observations, observationStart: observationStart, observationIndex: observationIndex,
        observationKinds: observationKinds, observationTexts: observationTexts, practiceRecorded: practiceRecorded),
      instantiationNumbers: number.instantiationNumbers)
  }

  private static func slot(_ indicator: EvidenceItem.Indicator) -> Int {
    switch indicator {
    case .directArtifact: 0
    case .indirectArtifact: 1
    case .artifact: 2
    case .affirmation: 3
    }
  }

  /// A (practice, instantiation) pair.
  public struct Key: Hashable, Sendable {
    public var practice: PracticeReference
    public var instantiation: String
    public init(_ practice: PracticeReference, _ instantiation: String) {
      self.practice = practice
      self.instantiation = instantiation
    }
  }

  enum Message {
    static let nothingRecorded = "no evidence, observation or team value recorded"
    static let noEvidence = "no artifact or affirmation; weaknesses recorded"
    static let majorWeakness = "artifacts and affirmations, but a major weakness: an aspect is not implemented"
    static let minorWeaknesses = "artifacts and affirmations corroborate; minor weaknesses recorded"
    static let corroborated = "artifacts and affirmations corroborate; no weakness"
    static let artifactsOnly = "artifacts not corroborated by any affirmation"
    static let affirmationsOnly = "affirmations not supported by any artifact"
  }
}
