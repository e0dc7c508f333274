/// The organization's maturity level (0–5) in a maturity appraisal, with what blocks the next level and the
/// areas counted through their highest practice group.
public struct CMMI3MaturityLevel: Hashable, Sendable {
  /// An area that keeps the next level from being reached.
  public struct Blocker: Hashable, Sendable {
    public var practiceArea: String
    public var reason: String

    public init(practiceArea: String, reason: String) {
      self.practiceArea = practiceArea
      self.reason = reason
    }
  }

  /// An area counted as satisfied at ``maturityLevel`` through its highest group ``throughLevel``.
  public struct Inference: Hashable, Sendable {
    public var practiceArea: String
    public var maturityLevel: Int
    public var throughLevel: Int

    public init(practiceArea: String, maturityLevel: Int, throughLevel: Int) {
      self.practiceArea = practiceArea
      self.maturityLevel = maturityLevel
      self.throughLevel = throughLevel
    }
  }

  public var level: Int
  public var target: Int
  /// What blocks level + 1 (empty when the target is reached).
  public var blockers: [Blocker]
  /// One per area: the highest maturity level it was counted for through its highest group.
  public var inferences: [Inference]

  public init(level: Int, target: Int, blockers: [Blocker] = [], inferences: [Inference] = []) {
    self.level = level
    self.target = target
    self.blockers = blockers
    self.inferences = inferences
  }
}
