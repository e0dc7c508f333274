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
    let hasMajor = weaknesses.contains { $0.impact == .major }
    switch (evidence.artifacts > 0, evidence.affirmations > 0) {
    case (false, false):
      return weaknesses.isEmpty ? (nil, Message.nothingRecorded) : (.notImplemented, Message.noEvidence)
    case (true, true):
      if hasMajor { return (.partiallyImplemented, Message.majorWeakness) }
      if !weaknesses.isEmpty { return (.largelyImplemented, Message.minorWeaknesses) }
      return (.fullyImplemented, Message.corroborated)
    case (true, false):
      return (.partiallyImplemented, Message.artifactsOnly)
    case (false, true):
      return (.partiallyImplemented, Message.affirmationsOnly)
    }
  }

  /// Characterizes every (practice, instantiation) pair that has anything recorded — evidence, an
  /// observation or a team value — plus the pairs listed in `required`, which show up as not characterized
  /// when nothing was recorded.
  public static func characterize(
    _ appraisal: Appraisal, required: [(PracticeReference, String)]
  ) -> CharacterizationTable {
    var table = CharacterizationTable()
    // First every practice and unit is numbered (records of one pair come together in files, so the
    // previous pair's numbers are tried first); then the pairs are filled in dense arrays.
    var last: (practice: PracticeReference, p: Int, unit: String, u: Int)? = nil
    func numbers(_ practice: PracticeReference, _ unit: String) -> (Int, Int) {
      let p = last.flatMap { $0.practice == practice ? $0.p : nil } ?? table.number(practice)
      let u = last.flatMap { $0.unit == unit ? $0.u : nil } ?? table.number(unit)
      last = (practice, p, unit, u)
      return (p, u)
    }
    for unit in appraisal.instantiations { _ = table.number(unit.id) }
    let requiredPairs = required.map { numbers($0.0, $0.1) }
    let items = appraisal.evidence.map { numbers($0.practice, $0.instantiation) }
    var tallied: [(Int, Int, EvidenceCounts)] = []
    appraisal.evidenceTally?.forEachPair { practice, unit, value in
      let (p, u) = numbers(practice, unit)
      tallied.append((p, u, value))
    }
    let observed = appraisal.observations.map { numbers($0.practice, $0.instantiation) }
    let teamPairs = appraisal.characterizations.map { numbers($0.practice, $0.instantiation) }

    table.allocate()
    let width = table.units.count
    var counts = Array(repeating: EvidenceCounts(), count: table.cells.count)
    var recorded = Array(repeating: false, count: table.cells.count)
    for (index, item) in appraisal.evidence.enumerated() {
      let pair = items[index].0 * width + items[index].1
      counts[pair].add(item.indicator)
      recorded[pair] = true
    }
    for (p, u, value) in tallied {
      counts[p * width + u].merge(value)
      recorded[p * width + u] = true
    }
    var observations: [Int: [Observation]] = [:]
    for (index, observation) in appraisal.observations.enumerated() {
      let pair = observed[index].0 * width + observed[index].1
      observations[pair, default: []].append(observation)
      recorded[pair] = true
    }
    var team: [Int: Characterization] = [:]
    for (index, characterization) in appraisal.characterizations.enumerated() {
      let pair = teamPairs[index].0 * width + teamPairs[index].1
      team[pair] = characterization.value
      recorded[pair] = true
    }
    for (p, u) in requiredPairs { recorded[p * width + u] = true }

    for pair in recorded.indices where recorded[pair] {
      let evidence = counts[pair]
      let noted = observations[pair] ?? []
      let weaknesses = noted.filter { $0.kind == .weakness }
      let (derived, reason) = derive(evidence: evidence, weaknesses: weaknesses)
      table.cells[pair] = InstantiationCharacterization(
        practice: table.practices[pair / width], instantiation: table.units[pair % width], team: team[pair],
        derived: derived, derivation: reason, evidence: evidence, strengths: noted.filter { $0.kind == .strength },
        weaknesses: weaknesses)
    }
    return table
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
