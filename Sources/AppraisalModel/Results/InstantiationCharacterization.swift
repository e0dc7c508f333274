/// The characterization of one practice in one instantiation, with both the team's and the derived value
/// and everything that led to them.
public struct InstantiationCharacterization: Hashable, Sendable {
  public var practice: PracticeReference
  public var instantiation: String
  /// The value the team recorded, if any. It wins over ``derived``.
  public var team: Characterization?
  /// The value ``PracticeCharacterizationRule`` derives from the indicators; `nil` when nothing was recorded.
  public var derived: Characterization?
  /// Why the derived value is what it is, in words.
  public var derivation: String
  public var evidence: EvidenceCounts
  public var strengths: [Observation]
  public var weaknesses: [Observation]

  public init(
    practice: PracticeReference, instantiation: String, team: Characterization?, derived: Characterization?,
    derivation: String, evidence: EvidenceCounts, strengths: [Observation] = [], weaknesses: [Observation] = []
  ) {
    self.practice = practice
    self.instantiation = instantiation
    self.team = team
    self.derived = derived
    self.derivation = derivation
    self.evidence = evidence
    self.strengths = strengths
    self.weaknesses = weaknesses
  }

  /// The value used for aggregation: the team's when given, else the derived one; `nil` = not characterized.
  public var value: Characterization? { team ?? derived }

  /// Whether the team overrode a different derived value.
  public var isOverride: Bool { team != nil && derived != nil && team != derived }
}

/// How many indicators of each kind were recorded for one practice in one instantiation.
public struct EvidenceCounts: Hashable, Sendable {
  public var directArtifacts = 0
  public var indirectArtifacts = 0
  /// Artifacts recorded without the v1.2 direct/indirect distinction.
  public var untypedArtifacts = 0
  public var affirmations = 0

  public init(directArtifacts: Int = 0, indirectArtifacts: Int = 0, untypedArtifacts: Int = 0, affirmations: Int = 0) {
    self.directArtifacts = directArtifacts
    self.indirectArtifacts = indirectArtifacts
    self.untypedArtifacts = untypedArtifacts
    self.affirmations = affirmations
  }

  /// All artifacts, whatever their type.
  public var artifacts: Int { directArtifacts + indirectArtifacts + untypedArtifacts }
  public var isEmpty: Bool { artifacts == 0 && affirmations == 0 }

  mutating func merge(_ other: EvidenceCounts) {
    directArtifacts += other.directArtifacts
    indirectArtifacts += other.indirectArtifacts
    untypedArtifacts += other.untypedArtifacts
    affirmations += other.affirmations
  }

  mutating func add(_ indicator: EvidenceItem.Indicator) {
    switch indicator {
    case .directArtifact: directArtifacts += 1
    case .indirectArtifact: indirectArtifacts += 1
    case .artifact: untypedArtifacts += 1
    case .affirmation: affirmations += 1
    }
  }
}
