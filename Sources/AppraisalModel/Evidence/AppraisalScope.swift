/// Which process areas an appraisal covers and how it is to be rated.
public struct AppraisalScope: Hashable, Sendable, Codable {
  /// A process area declared not applicable, with the reason (e.g. SAM when there are no suppliers).
  public struct Exclusion: Hashable, Sendable, Codable {
    public var processArea: String
    public var reason: String
    public init(processArea: String, reason: String) {
      self.processArea = processArea
      self.reason = reason
    }
  }

  /// A process area's own target capability level in a continuous scope (a target profile).
  public struct AreaTarget: Hashable, Sendable, Codable {
    public var processArea: String
    public var level: Int
    public init(processArea: String, level: Int) {
      self.processArea = processArea
      self.level = level
    }
  }

  /// The process areas rated. Areas of the catalog not listed here and not declared not applicable are
  /// out of scope.
  public var processAreas: [String]
  public var notApplicable: [Exclusion]
  /// Why areas are out of scope, for those the team gives a reason for (the others are out of scope without
  /// one).
  public var outOfScope: [Exclusion]
  /// Whether the model's additions (CMMI-SVC: SSD) are selected. When `false`, addition areas are left
  /// out as a whole and block no maturity level.
  public var includesAdditions: Bool
  /// Continuous scope: areas whose target capability level differs from the appraisal's.
  public var areaTargets: [AreaTarget]
  /// Staged scope: rate the specific goals only (a gap analysis); no generic goal is rated and no maturity
  /// level is determined.
  public var specificGoalsOnly: Bool

  public init(
    processAreas: [String], notApplicable: [Exclusion] = [], includesAdditions: Bool = true,
    outOfScope: [Exclusion] = [], areaTargets: [AreaTarget] = [], specificGoalsOnly: Bool = false
  ) {
    self.processAreas = processAreas
    self.notApplicable = notApplicable
    self.includesAdditions = includesAdditions
    self.outOfScope = outOfScope
    self.areaTargets = areaTargets
    self.specificGoalsOnly = specificGoalsOnly
  }
}

/// The representation an appraisal is rated in and how far it looks.
public enum RatingTarget: Hashable, Sendable, Codable {
  /// Staged: a maturity level from 2 to 5. GG 2 is rated for ML 2, GG 2 and GG 3 for ML 3–5.
  case maturityLevel(Int)
  /// Continuous: a capability level from 1 to 3 for every area in scope; generic goals up to it are rated.
  case capabilityLevel(Int)

  /// The generic-goal capability levels whose goals are rated (GG 1 is never rated on its own: CL 1 is
  /// "specific goals satisfied").
  public var ratedGenericLevels: [Int] {
    switch self {
    case .maturityLevel(let level): level >= 3 ? [2, 3] : [2]
    case .capabilityLevel(let level): level >= 2 ? Array(2...level) : []
    }
  }

  /// The representation's name as evidence files and reports write it (`staged`, `continuous`) and the
  /// target level.
  public var representation: (name: String, level: Int) {
    switch self {
    case .maturityLevel(let level): ("staged", level)
    case .capabilityLevel(let level): ("continuous", level)
    }
  }
}

/// The data-coverage check and its policy. A failure makes the area's goals Not Rated, never a silent pass.
///
/// - ``Rule/scampi13`` (the default): SCAMPI v1.3's rules per sampling subgroup — (i) at least one unit
///   provides artifacts and affirmations for each area, (ii) at least `minimumShare` (one half) of the units
///   provide both for some area in scope, (iii) every unit provides one or the other for some area in scope —
///   and every support function provides both for each area it owns.
/// - ``Rule/perArea``: in each subgroup, at least `minimumShare` of the units that examine a process area
///   provide both artifacts and affirmations for it (stricter than v1.3 with four units and more, more
///   lenient with two).
public struct CoveragePolicy: Hashable, Sendable, Codable {
  /// Which rules the check applies.
  public enum Rule: String, Hashable, Sendable, Codable, CaseIterable {
    case scampi13 = "scampi-1.3"
    case perArea = "per-area"
  }

  public var isEnabled: Bool
  public var rule: Rule
  /// Required share of units, as a fraction (numerator, denominator) to avoid rounding: default 1/2.
  public var minimumShare: Fraction

  public struct Fraction: Hashable, Sendable, Codable, CustomStringConvertible {
    public var numerator: Int
    public var denominator: Int
    public init(_ numerator: Int, _ denominator: Int) {
      self.numerator = numerator
      self.denominator = denominator
    }

    /// The largest denominator an appraisal may use (`999/1000` is finer than any sample needs);
    /// ``AppraisalValidator`` refuses larger ones.
    public static let maximumDenominator = 1000
    /// The allowed values, as messages state them.
    public static let allowedRange =
      "whole numbers n/d with 0 ≤ n ≤ d and 1 ≤ d ≤ \(maximumDenominator), e.g. 1/2"

    /// Whether the fraction is one an appraisal may use: 0 ≤ numerator ≤ denominator ≤ 1000, denominator ≥ 1.
    public var isAllowed: Bool {
      (1...Self.maximumDenominator).contains(denominator) && (0...denominator).contains(numerator)
    }

    /// The smallest count of `total` that meets the share (`total × n / d`, rounded up).
    ///
    /// Never traps, whatever the fields hold: the product is formed in double width, and a fraction the
    /// validator would refuse counts as its nearest allowed value (below 0 as 0, above 1 as 1, a
    /// denominator below 1 as "every unit").
    public func required(of total: Int) -> Int {
      guard total > 0 else { return 0 }
      guard denominator > 0 else { return total }
      let share = min(max(numerator, 0), denominator)
      // share ≤ denominator, so the quotient is at most `total` and both steps fit in an Int.
      let (quotient, remainder) = denominator.dividingFullWidth(total.multipliedFullWidth(by: share))
      return remainder > 0 ? quotient + 1 : quotient
    }
    public var description: String { "\(numerator)/\(denominator)" }
  }

  public init(isEnabled: Bool = true, rule: Rule = .scampi13, minimumShare: Fraction = Fraction(1, 2)) {
    self.isEnabled = isEnabled
    self.rule = rule
    self.minimumShare = minimumShare
  }

  /// The default: SCAMPI v1.3's rules with half of the units for rule (ii).
  public static let standard = CoveragePolicy()
  /// No coverage check (for appraisals that carry team characterizations only).
  public static let disabled = CoveragePolicy(isEnabled: false)
}
