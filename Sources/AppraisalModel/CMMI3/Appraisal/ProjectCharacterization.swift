/// The V3 characterization of a practice in one project (or, aggregated, for the organizational unit).
///
/// "Not characterized" is the absence of a value (`ProjectCharacterization?` = `nil`), different from NY.
public enum ProjectCharacterization: String, Hashable, Sendable, CaseIterable {
  /// Fully meets.
  case fullyMeets = "FM"
  /// Largely meets.
  case largelyMeets = "LM"
  /// Partially meets.
  case partiallyMeets = "PM"
  /// Does not meet.
  case doesNotMeet = "DM"
  /// Not yet: both inputs not yet examined.
  case notYet = "NY"
  /// The practice area is out of scope for the project.
  case outOfScope = "OOS"

  /// The code used in files and reports (`FM`, …, `NY`, `OOS`).
  public var code: String { rawValue }

  /// Whether the value supports a Satisfied practice group by default (FM or LM).
  public var supportsSatisfaction: Bool { self == .fullyMeets || self == .largelyMeets }

  /// 0 for FM up to 3 for DM; `nil` for NY and out of scope, which are no degree of meeting.
  public var strength: Int? {
    switch self {
    case .fullyMeets: 0
    case .largelyMeets: 1
    case .partiallyMeets: 2
    case .doesNotMeet: 3
    case .notYet, .outOfScope: nil
    }
  }

  /// The lowest (weakest) of `values` among FM, LM, PM and DM; `nil` when none of them is present.
  public static func lowest(_ values: some Sequence<ProjectCharacterization>) -> ProjectCharacterization? {
    values.filter { $0.strength != nil }.max { $0.strength! < $1.strength! }
  }
}
