/// V3 rule — an Evaluation appraisal's weakness-risk value for a practice in a project. **As published**
/// (ISACA's appraisal workbook): the characterization formula's value maps to a risk, and Evaluation
/// appraisals produce no ratings.
///
/// | characterization | risk |
/// |---|---|
/// | FM | L |
/// | LM | M |
/// | PM | H |
/// | DM | H |
/// | NY | NY |
///
/// Out of scope and not characterized have no risk value.
public enum CMMI3EvaluationRule {
  /// The risk for a characterization; `nil` for out of scope.
  public static func risk(for value: ProjectCharacterization) -> WeaknessRisk? {
    switch value {
    case .fullyMeets: .low
    case .largelyMeets: .medium
    case .partiallyMeets, .doesNotMeet: .high
    case .notYet: .notYet
    case .outOfScope: nil
    }
  }

  /// The risk of a recorded input (through ``CMMI3CharacterizationRule``).
  public static func risk(_ input: CMMI3PracticeInput) -> WeaknessRisk {
    risk(for: CMMI3CharacterizationRule.characterize(input).value)!
  }
}
