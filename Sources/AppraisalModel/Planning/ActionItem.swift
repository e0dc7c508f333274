/// One step of an action plan: a practice whose cells must reach FI, or evidence a unit must provide so the
/// area's data coverage is met. Each names what it unblocks: goal → area → level.
public struct ActionItem: Hashable, Sendable {
  public enum Kind: Hashable, Sendable {
    /// A practice that keeps a required goal from Satisfied: every cell that is not FI or LI (PI, NI, not
    /// characterized; NY when the whole unit is NY) must reach FI.
    case practice
    /// A practice whose weaknesses the team judged significant for its goal: the cells carrying them.
    case significantWeaknesses
    /// A data-coverage count falls short: the one cell's unit must provide artifacts and affirmations for
    /// the area (the count says which rule, and how many provide today and must).
    case coverage(CoverageResult.Subgroup)
  }

  public var kind: Kind
  public var practice: PracticeReference
  public var title: String
  /// The goals the item unblocks (one for a practice; every required goal of the area for coverage).
  public var goals: [String]
  /// `SCON CL 1` or `ML 2`.
  public var level: String
  /// The practice's organizational-unit value today (`nil`: not characterized).
  public var value: Characterization?
  /// Whether that value is the default standing in for a team aggregation judgment not made yet.
  public var judgmentNeeded: Bool
  /// The cells to lift, in sample order.
  public var cells: [PlanCell]

  public init(
    kind: Kind, practice: PracticeReference, title: String, goals: [String], level: String,
    value: Characterization?, judgmentNeeded: Bool, cells: [PlanCell]
  ) {
    self.kind = kind
    self.practice = practice
    self.title = title
    self.goals = goals
    self.level = level
    self.value = value
    self.judgmentNeeded = judgmentNeeded
    self.cells = cells
  }

  /// `SCON SP 2.3 (shop, payments, portal) → SCON SG 2 → SCON CL 1`. Above ``namedUnits`` cells the units are
  /// counted and the first few named (`(363 units: unit-00000, unit-00001, unit-00002, …)`): the cells list
  /// them all, and a line stays readable at any sample size.
  public var chain: String {
    let units =
      cells.count <= Self.namedUnits
      ? cells.map(\.instantiation).joined(separator: ", ")
      : "\(cells.count) units: " + cells.prefix(3).map(\.instantiation).joined(separator: ", ") + ", …"
    return "\(practice) (\(units)) → " + unblocks
  }

  /// How many units ``chain`` names before it counts them.
  public static let namedUnits = 10

  /// The chain without the units, for a row that is about one cell: `SCON SP 2.3 → SCON SG 2 → SCON CL 1`.
  public var route: String { "\(practice) → " + unblocks }

  /// `SCON SG 2 → SCON CL 1`.
  private var unblocks: String { "\(practice.processArea) " + goals.joined(separator: ", ") + " → \(level)" }
}
