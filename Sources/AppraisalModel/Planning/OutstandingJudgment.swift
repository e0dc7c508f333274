/// A decision only the appraisal team can make that bears on the target. Not a practice improvement, but
/// part of the plan: the rules leave these to the team.
public struct OutstandingJudgment: Hashable, Sendable {
  public enum Kind: Hashable, Sendable {
    /// A planned practice's instantiation values are mixed with PI or NI: the rules use PI until the team
    /// records its aggregation judgment (one of `allowed`); judging LI would lift the practice without the
    /// plan's cells.
    case aggregation(practice: PracticeReference, allowed: [Characterization])
    /// A required goal is Satisfied (after the plan) with weaknesses whose significance the team has not
    /// judged: it stays Satisfied if the team judges them not significant, Unsatisfied if significant.
    case significance(weaknesses: Int)
  }

  public var processArea: String
  public var goal: String
  public var kind: Kind

  public init(processArea: String, goal: String, kind: Kind) {
    self.processArea = processArea
    self.goal = goal
    self.kind = kind
  }
}
