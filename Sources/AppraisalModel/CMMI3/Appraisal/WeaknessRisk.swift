/// The weakness-risk value an Evaluation appraisal gives a practice in a project instead of a
/// characterization (see ``CMMI3EvaluationRule``).
public enum WeaknessRisk: String, Hashable, Sendable, CaseIterable {
  case low = "L"
  case medium = "M"
  case high = "H"
  /// Not yet examined.
  case notYet = "NY"

  /// The code used in files and reports.
  public var code: String { rawValue }
}
