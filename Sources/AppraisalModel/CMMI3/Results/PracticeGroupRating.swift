/// The rating of one practice group (practice area × level).
public struct PracticeGroupRating: Hashable, Sendable {
  public enum Value: String, Hashable, Sendable, CaseIterable {
    case satisfied = "Satisfied"
    case unsatisfied = "Unsatisfied"
    case notRated = "Not Rated"
  }

  public var practiceArea: String
  public var level: Int
  /// The team's decision when it applies, else ``defaultValue``.
  public var value: Value
  /// The tool's default (by analogy with SCAMPI goal rating).
  public var defaultValue: Value
  /// The decisions a team may record for this group.
  public var allowed: [Value]
  /// The team's justification when ``value`` is the team's.
  public var teamJustification: String?
  /// Why the default is what it is; never empty.
  public var reasons: [String]
  /// The OU values of the group's practices.
  public var practices: [CMMI3OUValue]
  /// Every weakness recorded against the group's practices.
  public var weaknesses: [CMMI3PracticeInput.Weakness]
  /// A decision that could not apply, and why.
  public var rejectedDecision: String?

  public init(
    practiceArea: String, level: Int, value: Value, defaultValue: Value, allowed: [Value],
    teamJustification: String? = nil, reasons: [String], practices: [CMMI3OUValue],
    weaknesses: [CMMI3PracticeInput.Weakness] = [], rejectedDecision: String? = nil
  ) {
    self.practiceArea = practiceArea
    self.level = level
    self.value = value
    self.defaultValue = defaultValue
    self.allowed = allowed
    self.teamJustification = teamJustification
    self.reasons = reasons
    self.practices = practices
    self.weaknesses = weaknesses
    self.rejectedDecision = rejectedDecision
  }

  /// Whether the value is the tool's default rather than the team's.
  public var isDefault: Bool { teamJustification == nil }
}
