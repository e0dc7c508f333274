/// The OU characterization of a practice entered by the appraisal team by consensus, with its justification.
///
/// It must be in the allowed set ``CMMI3OUAggregationRule`` gives for the project values; anything else is
/// an input error (``CMMI3Validator``).
public struct CMMI3TeamOUValue: Hashable, Sendable {
  public var practice: String
  public var value: ProjectCharacterization
  public var justification: String

  public init(practice: String, value: ProjectCharacterization, justification: String) {
    self.practice = practice
    self.value = value
    self.justification = justification
  }
}
