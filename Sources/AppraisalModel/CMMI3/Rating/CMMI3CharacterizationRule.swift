/// V3 rule — characterize a practice in one project from the workbook inputs. **As published** (the
/// formula of ISACA's appraisal workbook, Benchmark and Sustainment appraisals).
///
/// Inputs: sufficient artifact (1 / 0 / NY), affirmation (1 / 0 / NY), and whether any weakness is recorded
/// (any recorded weakness counts; there is no minor/major split).
///
/// | inputs | value |
/// |---|---|
/// | artifact NY and affirmation NY | NY |
/// | only one of the two NY | DM |
/// | artifact 1 and affirmation 1, no weakness | FM |
/// | artifact 1 and affirmation 1, a weakness | LM |
/// | artifact 1 or affirmation 1 (not both), a weakness | PM |
/// | anything else (neither is 1; or one is 1 with no weakness) | DM |
///
/// A project for which the practice's area is out of scope is not characterized by this rule: its value is
/// out of scope (``CMMI3Rater``).
public enum CMMI3CharacterizationRule {
  /// The value and the row of the formula that gave it, in words.
  public static func characterize(
    artifact: CMMI3PracticeInput.Value, affirmation: CMMI3PracticeInput.Value, hasWeakness: Bool
  ) -> (value: ProjectCharacterization, reason: String) {
    switch (artifact, affirmation) {
    case (.notYet, .notYet):
      return (.notYet, Message.bothNotYet)
    case (.notYet, _), (_, .notYet):
      return (.doesNotMeet, Message.oneNotYet)
    case (.yes, .yes):
      return hasWeakness ? (.largelyMeets, Message.bothWithWeakness) : (.fullyMeets, Message.bothNoWeakness)
    case (.yes, .no), (.no, .yes):
      return hasWeakness ? (.partiallyMeets, Message.oneWithWeakness) : (.doesNotMeet, Message.oneNoWeakness)
    case (.no, .no):
      return (.doesNotMeet, Message.neither)
    }
  }

  /// The value of a recorded input.
  public static func characterize(_ input: CMMI3PracticeInput) -> (value: ProjectCharacterization, reason: String) {
    characterize(artifact: input.artifact, affirmation: input.affirmation, hasWeakness: !input.weaknesses.isEmpty)
  }

  enum Message {
    static let bothNotYet = "artifact NY and affirmation NY"
    static let oneNotYet = "only one of artifact and affirmation is NY"
    static let bothNoWeakness = "artifact 1 and affirmation 1, no weakness"
    static let bothWithWeakness = "artifact 1 and affirmation 1, a weakness recorded"
    static let oneWithWeakness = "only one of artifact and affirmation is 1, a weakness recorded"
    static let oneNoWeakness = "only one of artifact and affirmation is 1 and no weakness recorded"
    static let neither = "neither artifact nor affirmation is 1"
  }
}
