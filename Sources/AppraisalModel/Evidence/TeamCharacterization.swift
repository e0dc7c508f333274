/// The appraisal team's own characterization of a practice in an instantiation. It always wins over the
/// value derived from evidence; both are kept for the report.
public struct TeamCharacterization: Hashable, Sendable, Codable {
  public var practice: PracticeReference
  public var instantiation: String
  public var value: Characterization
  public var note: String?

  public init(practice: PracticeReference, instantiation: String, value: Characterization, note: String? = nil) {
    self.practice = practice
    self.instantiation = instantiation
    self.value = value
    self.note = note
  }
}
