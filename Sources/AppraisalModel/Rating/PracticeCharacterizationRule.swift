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
    // Pairs are numbered once; files list a pair's records together, so the previous pair is tried first.
    var last: (practice: PracticeReference, unit: String, key: Int)? = nil
    func key(_ practice: PracticeReference, _ unit: String) -> Int {
      if let last, last.unit == unit, last.practice == practice { return last.key }
      let key = table.key(practice, unit)
      last = (practice, unit, key)
      return key
    }
    var counts: [Int: EvidenceCounts] = [:]
    for item in appraisal.evidence {
      counts[key(item.practice, item.instantiation), default: EvidenceCounts()].add(item.indicator)
    }
    appraisal.evidenceTally?.forEachPair { practice, unit, value in
      counts[key(practice, unit), default: EvidenceCounts()].merge(value)
    }
    var observations: [Int: [Observation]] = [:]
    for observation in appraisal.observations {
      observations[key(observation.practice, observation.instantiation), default: []].append(observation)
    }
    var team: [Int: Characterization] = [:]
    for characterization in appraisal.characterizations {
      team[key(characterization.practice, characterization.instantiation)] = characterization.value
    }
    var keys = Set(counts.keys).union(observations.keys).union(team.keys)
    for (practice, instantiation) in required { keys.insert(key(practice, instantiation)) }

    for pair in keys {
      let evidence = counts[pair] ?? EvidenceCounts()
      let recorded = observations[pair] ?? []
      let weaknesses = recorded.filter { $0.kind == .weakness }
      let (derived, reason) = derive(evidence: evidence, weaknesses: weaknesses)
      let (practice, instantiation) = table.pair(pair)
      table.cells[pair] = InstantiationCharacterization(
        practice: practice, instantiation: instantiation, team: team[pair], derived: derived,
        derivation: reason, evidence: evidence, strengths: recorded.filter { $0.kind == .strength },
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
