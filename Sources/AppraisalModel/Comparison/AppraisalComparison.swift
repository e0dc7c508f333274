/// What changed between two ratings of the same organizational unit: the before/after table of process
/// areas and goals, practice characterization transitions, weaknesses closed and new, level deltas, and
/// warnings when the two appraisals are not comparable as they stand (unit, dates, scope, sample, catalog,
/// target, or the same appraisal twice).
public struct AppraisalComparison: Hashable, Sendable {
  /// A cell of the before/after table: a goal's or area's rating, or why it has none.
  public enum Cell: String, Hashable, Sendable, Codable {
    case satisfied = "Satisfied"
    case unsatisfied = "Unsatisfied"
    case notRated = "Not Rated"
    case notApplicable = "Not Applicable"
    case outOfScope = "Out of Scope"

    init(_ value: GoalRating.Value) {
      switch value {
      case .satisfied: self = .satisfied
      case .unsatisfied: self = .unsatisfied
      case .notRated: self = .notRated
      }
    }

    init(_ value: ProcessAreaRating.Value) { self = Cell(rawValue: value.rawValue)! }
  }

  public struct GoalRow: Hashable, Sendable {
    public var processArea: String
    public var goal: String
    public var title: String
    public var before: Cell
    public var after: Cell
    /// The goal's rating in each appraisal, when it was rated.
    public var beforeRating: GoalRating?
    public var afterRating: GoalRating?
    /// Satisfied with weaknesses the team has not judged for significance yet, before or after.
    public var beforeIsProvisional: Bool { beforeRating?.isProvisional ?? false }
    public var afterIsProvisional: Bool { afterRating?.isProvisional ?? false }
    /// The cell as every report writes it: `Satisfied (provisional)` when it is.
    public var beforeLabel: String { Self.label(before, provisional: beforeIsProvisional) }
    public var afterLabel: String { Self.label(after, provisional: afterIsProvisional) }
    /// A change of rating, or of a Satisfied goal between provisional and confirmed by the team.
    public var changed: Bool { before != after || beforeIsProvisional != afterIsProvisional }

    static func label(_ cell: Cell, provisional: Bool) -> String {
      cell.rawValue + (provisional ? " (provisional)" : "")
    }
  }

  public struct AreaRow: Hashable, Sendable {
    public var processArea: String
    public var name: String
    public var before: Cell
    public var after: Cell
    public var beforeCapability: CapabilityLevel?
    public var afterCapability: CapabilityLevel?
    public var goals: [GoalRow]
    public var changed: Bool { before != after || goals.contains(where: \.changed) }
  }

  /// A practice whose OU characterization changed (`nil` = not characterized or not rated).
  public struct Transition: Hashable, Sendable {
    public var practice: PracticeReference
    public var before: Characterization?
    public var after: Characterization?

    public init(practice: PracticeReference, before: Characterization?, after: Characterization?) {
      self.practice = practice
      self.before = before
      self.after = after
    }
  }

  /// A weakness that appears on one side only (``FindingIdentity``), or one side of a reworded one.
  public struct WeaknessChange: Hashable, Sendable {
    public var practice: PracticeReference
    public var text: String
    public var impact: Observation.Impact
    /// The instantiations it was recorded in.
    public var instantiations: [String]
    /// The observation ids the team gave it, if any.
    public var ids: [String]

    public init(_ finding: Finding) {
      practice = finding.practice
      text = finding.text
      impact = finding.impact
      instantiations = finding.instantiations
      ids = finding.ids
    }
  }

  /// A weakness recorded before and after with different wording: the same finding (same id, or the same
  /// text once normalized), not one closed and one new.
  public struct Rewording: Hashable, Sendable {
    public var before: WeaknessChange
    public var after: WeaknessChange
    /// Whether a shared id or the normalized text held the identity.
    public var match: FindingIdentity.Match
  }

  public var before: AppraisalResult
  public var after: AppraisalResult
  /// Process areas rated on either side, in catalog order.
  public var areas: [AreaRow]
  public var transitions: [Transition]
  public var closedWeaknesses: [WeaknessChange]
  public var newWeaknesses: [WeaknessChange]
  /// Weaknesses on both sides whose text changed.
  public var rewordedWeaknesses: [Rewording]
  /// Differences that make the comparison less than like-for-like; empty when organizational unit, scope,
  /// sample, catalog and target match, *before* is not dated after *after*, and the two are not the same
  /// appraisal.
  public var warnings: [String]

  /// The goals whose cell changed.
  public var changedGoals: [GoalRow] { areas.flatMap(\.goals).filter(\.changed) }
  /// The areas whose own rating changed.
  public var changedAreas: [AreaRow] { areas.filter { $0.before != $0.after } }
}
