/// What a cross-version comparison concludes for one V3.0 practice area — never a number, only which side
/// is satisfied at which level. The rule (docs/cmmi-3.md, "Cross-version comparison"):
///
/// 1. Not comparable when the area is not rated in the V3.0 appraisal (or the V3.0 appraisal is an
///    Evaluation), or when none of its V1.3 counterparts is rated.
/// 2. Otherwise both sides are compared up to `M`, the lower of the two sides' rated levels (at most 3): `a`
///    is the V1.3 side's level and `b` the V3.0 side's, each capped at `M`.
/// 3. `a == b > 0`: both satisfied at level `a`. `a == b == 0`: neither satisfied at level 1 — or undetermined
///    at level 1 when either side's level 1 is Not Rated.
/// 4. `a > b`: V1.3 satisfied at level `a`, V3.0 not — or undetermined at level `b + 1` when the V3.0 side's
///    next level is Not Rated rather than failed; `a < b` the other way round.
public struct CrossVersionVerdict: Hashable, Sendable {
  public enum Kind: String, Hashable, Sendable, CaseIterable {
    case bothSatisfied = "both satisfied"
    case onlyV13Satisfied = "V1.3 satisfied, V3 not"
    case onlyV3Satisfied = "V3 satisfied, V1.3 not"
    case neitherSatisfied = "neither satisfied"
    case undetermined
    case notComparable = "not comparable"
  }

  public var kind: Kind
  /// The level the verdict speaks of (0 when not comparable).
  public var level: Int
  /// `M` of the rule; `nil` when not comparable.
  public var comparedUpTo: Int?
  /// One line for reports: `both satisfied at level 1 (compared up to level 1)`.
  public var text: String

  public init(kind: Kind, level: Int, comparedUpTo: Int?, text: String) {
    self.kind = kind
    self.level = level
    self.comparedUpTo = comparedUpTo
    self.text = text
  }

  /// The verdict for one V3.0 area from the two sides' levels; `reason` says why one side is missing.
  public static func judge(v13: CrossVersionLevel?, v3: CrossVersionLevel?, missing reason: String? = nil)
    -> CrossVersionVerdict
  {
    guard let v13, let v3 else {
      let why = reason ?? (v3 == nil ? "not rated in the V3 appraisal" : "no V1.3 counterpart rated")
      return .init(kind: .notComparable, level: 0, comparedUpTo: nil, text: "not comparable: \(why)")
    }
    let upTo = min(v13.ratedUpTo, v3.ratedUpTo, 3)
    let a = min(v13.level, upTo)
    let b = min(v3.level, upTo)
    let aUnknown = v13.nextLevelNotRated && v13.level < upTo
    let bUnknown = v3.nextLevelNotRated && v3.level < upTo
    let suffix = " (compared up to level \(upTo))"
    func verdict(_ kind: Kind, _ level: Int, _ text: String) -> CrossVersionVerdict {
      .init(kind: kind, level: level, comparedUpTo: upTo, text: text + suffix)
    }
    if a == b {
      if a > 0 { return verdict(.bothSatisfied, a, "both satisfied at level \(a)") }
      if aUnknown || bUnknown {
        return verdict(.undetermined, 1, "undetermined at level 1: \(aUnknown ? "V1.3" : "V3") not rated there")
      }
      return verdict(.neitherSatisfied, 1, "neither satisfied at level 1")
    }
    if a > b {
      if bUnknown {
        return verdict(
          .undetermined, b + 1, "undetermined at level \(b + 1): V1.3 satisfied at level \(a), V3 not rated there")
      }
      return verdict(
        .onlyV13Satisfied, a, "V1.3 satisfied at level \(a), V3 not" + (b > 0 ? " (V3 at level \(b))" : ""))
    }
    if aUnknown {
      return verdict(
        .undetermined, a + 1, "undetermined at level \(a + 1): V3 satisfied at level \(b), V1.3 not rated there")
    }
    return verdict(.onlyV3Satisfied, b, "V3 satisfied at level \(b), V1.3 not" + (a > 0 ? " (V1.3 at level \(a))" : ""))
  }
}
