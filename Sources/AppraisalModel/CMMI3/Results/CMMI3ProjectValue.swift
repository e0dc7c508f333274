/// A practice's value in one project, and where it came from.
public struct CMMI3ProjectValue: Hashable, Sendable {
  public enum Basis: Hashable, Sendable {
    /// The workbook formula on the recorded inputs (as published).
    case formula
    /// GOV/II: the lowest value over the listed organizational processes (flagged default).
    case organizationalProcesses([String])
    /// GOV/II: the team's adjustment.
    case team(justification: String)
    /// The area is out of scope for the project.
    case outOfScope
    /// Nothing recorded: not characterized.
    case nothingRecorded
  }

  public var practice: String
  public var project: String
  /// `nil` = not characterized.
  public var value: ProjectCharacterization?
  /// Evaluation appraisals only: the weakness-risk value.
  public var risk: WeaknessRisk?
  public var basis: Basis
  /// The derivation in words.
  public var reason: String
  public var weaknesses: [CMMI3PracticeInput.Weakness]

  public init(
    practice: String, project: String, value: ProjectCharacterization?, risk: WeaknessRisk? = nil, basis: Basis,
    reason: String, weaknesses: [CMMI3PracticeInput.Weakness] = []
  ) {
    self.practice = practice
    self.project = project
    self.value = value
    self.risk = risk
    self.basis = basis
    self.reason = reason
    self.weaknesses = weaknesses
  }
}
