/// The maturity level reached (staged representation, or derived by equivalent staging) and what blocks
/// the next one.
public struct MaturityLevelResult: Hashable, Sendable {
  /// A process area that keeps the next level from being reached, and why.
  public struct Blocker: Hashable, Sendable {
    public var processArea: String
    public var reason: String
    public init(processArea: String, reason: String) {
      self.processArea = processArea
      self.reason = reason
    }
  }

  /// 1–5; ML 1 when ML 2 is not reached.
  public var level: Int
  /// The highest level the appraisal looked for.
  public var target: Int
  /// The areas that block `level + 1`; empty when the target was reached.
  public var blockers: [Blocker]

  public init(level: Int, target: Int, blockers: [Blocker]) {
    self.level = level
    self.target = target
    self.blockers = blockers
  }
}
