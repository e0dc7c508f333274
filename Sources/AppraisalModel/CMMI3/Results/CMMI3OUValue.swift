/// A practice's organizational-unit characterization: the proposed default, the values the team may choose
/// from, and the team's value when one was entered.
public struct CMMI3OUValue: Hashable, Sendable {
  public var practice: String
  /// The value used for rating: the team's, else the proposal; `nil` = undetermined.
  public var value: ProjectCharacterization?
  /// The tool's proposal (by analogy with SCAMPI).
  public var proposed: ProjectCharacterization?
  /// The values a team may enter for these project values.
  public var allowed: [ProjectCharacterization]
  /// The project values leave the OU value to team judgment (more than one allowed value).
  public var judgmentNeeded: Bool
  /// The team's justification when ``value`` is the team's.
  public var teamJustification: String?
  /// Why the proposal is what it is.
  public var reason: String
  /// A team value that could not apply, and why.
  public var rejectedTeamValue: String?
  /// The project values aggregated (out-of-scope projects left out).
  public var projects: [CMMI3ProjectValue]

  public init(
    practice: String, value: ProjectCharacterization?, proposed: ProjectCharacterization?,
    allowed: [ProjectCharacterization], judgmentNeeded: Bool, teamJustification: String? = nil, reason: String,
    rejectedTeamValue: String? = nil, projects: [CMMI3ProjectValue]
  ) {
    self.practice = practice
    self.value = value
    self.proposed = proposed
    self.allowed = allowed
    self.judgmentNeeded = judgmentNeeded
    self.teamJustification = teamJustification
    self.reason = reason
    self.rejectedTeamValue = rejectedTeamValue
    self.projects = projects
  }

  /// Whether the value is the tool's default rather than the team's.
  public var isDefault: Bool { teamJustification == nil }

  /// Every weakness recorded in the projects.
  public var weaknesses: [CMMI3PracticeInput.Weakness] { projects.flatMap(\.weaknesses) }
}
