/// Everything an appraisal team records for one organizational unit: header, scope, disclosure facts, sample,
/// evidence, observations, characterizations and judgments. Readers produce it; the rating engine consumes it.
public struct Appraisal: Hashable, Sendable {
  /// Identifies the appraisal and says what was appraised against what.
  public struct Header: Hashable, Sendable, Codable {
    public var id: String
    public var name: String
    public var organizationalUnit: String
    /// ISO 8601 date (`YYYY-MM-DD`).
    public var date: String
    /// The model and version of the catalog the appraisal refers to.
    public var model: String
    public var modelVersion: String
    /// The method class as the team states it; reports always add that this is a gap analysis.
    public var methodClass: String

    /// The method class assumed when a file names none.
    public static let defaultMethodClass = "SCAMPI C (gap analysis)"

    public init(
      id: String, name: String, organizationalUnit: String, date: String, model: String, modelVersion: String,
      methodClass: String = Header.defaultMethodClass
    ) {
      self.id = id
      self.name = name
      self.organizationalUnit = organizationalUnit
      self.date = date
      self.model = model
      self.modelVersion = modelVersion
      self.methodClass = methodClass
    }
  }

  public var header: Header
  public var scope: AppraisalScope
  public var target: RatingTarget
  public var coverage: CoveragePolicy
  /// The disclosure facts (team, sponsor, dates, population, sampling, team findings); empty when none given.
  public var disclosure: Disclosure
  public var instantiations: [Instantiation]
  public var evidence: [EvidenceItem]
  /// Evidence counted while streaming instead of kept (see ``EvidenceTally``); `nil` when every item is in
  /// ``evidence``.
  public var evidenceTally: EvidenceTally?
  public var observations: [Observation]
  public var characterizations: [TeamCharacterization]
  public var aggregationDecisions: [AggregationDecision]
  public var significanceDecisions: [SignificanceDecision]

  public init(
    header: Header, scope: AppraisalScope, target: RatingTarget, coverage: CoveragePolicy = .standard,
    disclosure: Disclosure = Disclosure(), instantiations: [Instantiation], evidence: [EvidenceItem] = [],
    observations: [Observation] = [],
    characterizations: [TeamCharacterization] = [], aggregationDecisions: [AggregationDecision] = [],
    significanceDecisions: [SignificanceDecision] = []
  ) {
    self.header = header
    self.scope = scope
    self.target = target
    self.coverage = coverage
    self.disclosure = disclosure
    self.instantiations = instantiations
    self.evidence = evidence
    self.observations = observations
    self.characterizations = characterizations
    self.aggregationDecisions = aggregationDecisions
    self.significanceDecisions = significanceDecisions
  }

  /// The number of evidence items, kept or counted.
  public var evidenceCount: Int { evidence.count + (evidenceTally?.itemCount ?? 0) }
}
