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
  ) -> [Key: InstantiationCharacterization] {
    var counts: [Key: EvidenceCounts] = [:]
    for item in appraisal.evidence {
      counts[Key(item.practice, item.instantiation), default: EvidenceCounts()].add(item.indicator)
    }
    var observations: [Key: [Observation]] = [:]
    for observation in appraisal.observations {
      observations[Key(observation.practice, observation.instantiation), default: []].append(observation)
    }
    var team: [Key: Characterization] = [:]
    for characterization in appraisal.characterizations {
      team[Key(characterization.practice, characterization.instantiation)] = characterization.value
    }
    var keys = Set(counts.keys).union(observations.keys).union(team.keys)
    for (practice, instantiation) in required { keys.insert(Key(practice, instantiation)) }

    var result: [Key: InstantiationCharacterization] = [:]
    for key in keys {
      let evidence = counts[key] ?? EvidenceCounts()
      let recorded = observations[key] ?? []
      let weaknesses = recorded.filter { $0.kind == .weakness }
      let (derived, reason) = derive(evidence: evidence, weaknesses: weaknesses)
      result[key] = InstantiationCharacterization(
        practice: key.practice, instantiation: key.instantiation, team: team[key], derived: derived,
        derivation: reason, evidence: evidence, strengths: recorded.filter { $0.kind == .strength },
        weaknesses: weaknesses)
    }
    return result
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
