/// The characterization of a GOV or II practice for one organizational process (these two areas are
/// characterized per organizational process, not per project). NY is not allowed.
public struct OrganizationalProcessValue: Hashable, Sendable {
  /// A GOV or II practice id.
  public var practice: String
  /// An organizational process id of the appraisal.
  public var process: String
  public var value: ProjectCharacterization
  public var weaknesses: [CMMI3PracticeInput.Weakness]

  public init(
    practice: String, process: String, value: ProjectCharacterization, weaknesses: [CMMI3PracticeInput.Weakness] = []
  ) {
    self.practice = practice
    self.process = process
    self.value = value
    self.weaknesses = weaknesses
  }
}
