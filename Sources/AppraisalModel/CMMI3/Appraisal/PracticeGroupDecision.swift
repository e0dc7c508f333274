/// The team's rating of one practice group (practice area × level) by consensus, with its justification.
/// ``PracticeGroupRatingRule`` says which decisions can apply.
public struct PracticeGroupDecision: Hashable, Sendable {
  public var practiceArea: String
  public var level: Int
  public var value: PracticeGroupRating.Value
  public var justification: String

  public init(practiceArea: String, level: Int, value: PracticeGroupRating.Value, justification: String) {
    self.practiceArea = practiceArea
    self.level = level
    self.value = value
    self.justification = justification
  }
}
