/// A practice area's capability level (0–3) in a capability appraisal.
public struct CMMI3CapabilityLevel: Hashable, Sendable {
  public var practiceArea: String
  public var level: Int
  /// The area's rated target (its own or the appraisal's, at most 3).
  public var target: Int
  /// The next level is unknown (a group Not Rated) rather than failed.
  public var nextLevelNotRated: Bool
  /// Why the level is below the target, when it is.
  public var limitation: String?

  public init(practiceArea: String, level: Int, target: Int, nextLevelNotRated: Bool = false, limitation: String? = nil)
  {
    self.practiceArea = practiceArea
    self.level = level
    self.target = target
    self.nextLevelNotRated = nextLevelNotRated
    self.limitation = limitation
  }
}
