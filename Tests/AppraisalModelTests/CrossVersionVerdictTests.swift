import AppraisalModel
import Testing

@Suite("Cross-version verdict: which side is satisfied at which level, never a number")
struct CrossVersionVerdictTests {
  static func level(_ level: Int, upTo: Int = 3, notRated: Bool = false) -> CrossVersionLevel {
    CrossVersionLevel(level: level, nextLevelNotRated: notRated, ratedUpTo: upTo)
  }

  @Test(
    "the rule's table",
    arguments: [
      (level(1), level(1), "both satisfied at level 1 (compared up to level 3)"),
      (level(3), level(2, upTo: 2), "both satisfied at level 2 (compared up to level 2)"),
      (level(0), level(0), "neither satisfied at level 1 (compared up to level 3)"),
      (level(0), level(0, notRated: true), "undetermined at level 1: V3 not rated there (compared up to level 3)"),
      (level(2), level(1), "V1.3 satisfied at level 2, V3 not (V3 at level 1) (compared up to level 3)"),
      (level(1), level(0), "V1.3 satisfied at level 1, V3 not (compared up to level 3)"),
      (level(0), level(2), "V3 satisfied at level 2, V1.3 not (compared up to level 3)"),
      (
        level(2), level(1, notRated: true),
        "undetermined at level 2: V1.3 satisfied at level 2, V3 not rated there (compared up to level 3)"
      ),
      (
        level(0, notRated: true), level(1),
        "undetermined at level 1: V3 satisfied at level 1, V1.3 not rated there (compared up to level 3)"
      ),
      // A level above the lower target is not compared: V1.3 rated to CL 1 only.
      (level(1, upTo: 1), level(3), "both satisfied at level 1 (compared up to level 1)"),
      // A Not Rated level above the compared range does not matter.
      (level(1, upTo: 1), level(1, upTo: 1, notRated: true), "both satisfied at level 1 (compared up to level 1)"),
    ])
  func table(v13: CrossVersionLevel, v3: CrossVersionLevel, expected: String) {
    #expect(CrossVersionVerdict.judge(v13: v13, v3: v3).text == expected)
  }

  @Test("a missing side is not comparable, with its reason")
  func missing() {
    #expect(
      CrossVersionVerdict.judge(v13: Self.level(1), v3: nil).text == "not comparable: not rated in the V3 appraisal")
    #expect(CrossVersionVerdict.judge(v13: nil, v3: Self.level(1)).text == "not comparable: no V1.3 counterpart rated")
    #expect(CrossVersionVerdict.judge(v13: nil, v3: Self.level(1)).kind == .notComparable)
  }
}
