/// Everything ``CMMI3Rater`` derives from a ``CMMI3Appraisal``.
///
/// An Evaluation has project values with weakness-risk values and nothing else: no OU values, practice
/// group ratings or levels.
public struct CMMI3Result: Hashable, Sendable {
  public var type: AppraisalType
  public var representation: CMMI3Appraisal.Representation
  /// The areas rated, in catalog order.
  public var practiceAreas: [String]
  /// Per practice × project, practice by practice.
  public var projectValues: [CMMI3ProjectValue]
  /// Per practice (not for an Evaluation).
  public var ouValues: [CMMI3OUValue]
  /// Per area and level up to the area's rated target (not for an Evaluation).
  public var practiceGroups: [PracticeGroupRating]
  /// Capability appraisals: per area.
  public var capabilityLevels: [CMMI3CapabilityLevel]
  /// Maturity appraisals.
  public var maturityLevel: CMMI3MaturityLevel?
  /// Every value the tool proposed where the team decides, with its reason.
  public var flags: [FlaggedDefault]

  public init(
    type: AppraisalType, representation: CMMI3Appraisal.Representation, practiceAreas: [String],
    projectValues: [CMMI3ProjectValue], ouValues: [CMMI3OUValue] = [], practiceGroups: [PracticeGroupRating] = [],
    capabilityLevels: [CMMI3CapabilityLevel] = [], maturityLevel: CMMI3MaturityLevel? = nil,
    flags: [FlaggedDefault] = []
  ) {
    self.type = type
    self.representation = representation
    self.practiceAreas = practiceAreas
    self.projectValues = projectValues
    self.ouValues = ouValues
    self.practiceGroups = practiceGroups
    self.capabilityLevels = capabilityLevels
    self.maturityLevel = maturityLevel
    self.flags = flags
  }

  /// Whether the result carries ratings (every type but Evaluation).
  public var producesRatings: Bool { type.producesRatings }

  /// The weakness-risk values of an Evaluation (practice, project, risk); empty otherwise.
  public var risks: [(practice: String, project: String, risk: WeaknessRisk)] {
    projectValues.compactMap { value in value.risk.map { (value.practice, value.project, $0) } }
  }

  /// The value of `practice` in `project`.
  public func projectValue(_ practice: String, _ project: String) -> CMMI3ProjectValue? {
    projectValues.first { $0.practice == practice && $0.project == project }
  }

  /// The OU value of `practice`.
  public func ouValue(_ practice: String) -> CMMI3OUValue? { ouValues.first { $0.practice == practice } }

  /// The rating of `practiceArea`'s group at `level`.
  public func practiceGroup(_ practiceArea: String, level: Int) -> PracticeGroupRating? {
    practiceGroups.first { $0.practiceArea == practiceArea && $0.level == level }
  }

  /// The capability level of `practiceArea`.
  public func capabilityLevel(_ practiceArea: String) -> CMMI3CapabilityLevel? {
    capabilityLevels.first { $0.practiceArea == practiceArea }
  }
}
