/// What the team recorded for one practice in one project: the two workbook inputs and the weaknesses.
public struct CMMI3PracticeInput: Hashable, Sendable {
  /// A workbook input: `1`, `0` or `NY` (not yet).
  public enum Value: String, Hashable, Sendable, CaseIterable {
    case yes = "1"
    case no = "0"
    case notYet = "NY"
  }

  /// A weakness: any recorded weakness counts in the characterization.
  public struct Weakness: Hashable, Sendable {
    public var text: String
    /// An optional stable id, so a finding can be followed across appraisals.
    public var id: String?

    public init(_ text: String, id: String? = nil) {
      self.text = text
      self.id = id
    }
  }

  /// The practice id, e.g. `IRP 2.3`.
  public var practice: String
  /// The project id.
  public var project: String
  /// Whether a sufficient artifact was found.
  public var artifact: Value
  /// Whether an affirmation supports the practice.
  public var affirmation: Value
  public var weaknesses: [Weakness]

  public init(practice: String, project: String, artifact: Value, affirmation: Value, weaknesses: [Weakness] = []) {
    self.practice = practice
    self.project = project
    self.artifact = artifact
    self.affirmation = affirmation
    self.weaknesses = weaknesses
  }
}
