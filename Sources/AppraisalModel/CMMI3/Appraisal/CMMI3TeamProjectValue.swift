/// The team's adjustment of a GOV or II practice's value in one project, replacing the default (the lowest
/// value over the organizational processes the project uses). Other areas' project values come from the
/// workbook formula and are not adjusted.
public struct CMMI3TeamProjectValue: Hashable, Sendable {
  public var practice: String
  public var project: String
  public var value: ProjectCharacterization
  public var justification: String

  public init(practice: String, project: String, value: ProjectCharacterization, justification: String) {
    self.practice = practice
    self.project = project
    self.value = value
    self.justification = justification
  }
}
