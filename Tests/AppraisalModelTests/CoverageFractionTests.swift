import AppraisalModel
import Testing

/// The coverage share is the one integer pair from an evidence file that the rating does arithmetic on:
/// `required(of:)` must never trap, and the validator must refuse what the rule cannot mean.
@Suite("Coverage share: range and arithmetic")
struct CoverageFractionTests {
  typealias Fraction = CoveragePolicy.Fraction

  @Test(
    "the required count is total × share rounded up, and never traps, whatever the fields hold",
    arguments: [
      (Fraction(1, 2), 3, 2), (Fraction(1, 2), 4, 2), (Fraction(2, 3), 3, 2), (Fraction(0, 1), 5, 0),
      (Fraction(1, 1), 7, 7), (Fraction(999, 1000), 1000, 999), (Fraction(1, 1000), 1, 1), (Fraction(1, 2), 0, 0),
      // Fields no validator would pass: still a count (out-of-range fields clamped), never a trap.
      (Fraction(1, Int.max), Int.max, 1), (Fraction(Int.max, Int.max), Int.max, Int.max),
      (Fraction(Int.max - 1, Int.max), Int.max, Int.max - 1), (Fraction(Int.max, 1), 10, 10),
      (Fraction(Int.min, 2), 10, 0), (Fraction(1, 0), 10, 10), (Fraction(1, Int.min), 10, 10),
      (Fraction(1, 9_223_372_036_854_775_807), 3, 1),
    ] as [(Fraction, Int, Int)])
  func requiredCount(share: Fraction, total: Int, expected: Int) {
    #expect(share.required(of: total) == expected)
  }

  static func appraisal(_ share: Fraction) -> Appraisal {
    Appraisal(
      header: TestModel.header, scope: .init(processAreas: ["BB"]), target: .capabilityLevel(1),
      coverage: CoveragePolicy(minimumShare: share),
      instantiations: [Instantiation(id: "a", name: "A", kind: .service, subgroup: "web")])
  }

  static func shareProblems(_ share: Fraction) -> [ModelProblem] {
    AppraisalValidator.problems(in: appraisal(share), catalog: TestModel.catalog)
      .filter { $0.path.description == "scope.coverage.minimumShare" }
  }

  @Test(
    "shares outside 0 ≤ n ≤ d ≤ 1000 are refused, naming the value and the allowed range",
    arguments: [
      Fraction(1, 9_223_372_036_854_775_807), Fraction(1, 1001), Fraction(0, 0), Fraction(-1, 2), Fraction(3, 2),
      Fraction(Int.max, Int.max), Fraction(1, -2),
    ])
  func outOfRange(share: Fraction) {
    let problems = Self.shareProblems(share)
    #expect(problems.count == 1)
    #expect(problems.first?.severity == .error)
    #expect(
      problems.first?.message
        == "minimum share \(share.numerator)/\(share.denominator) is out of range; expected whole numbers n/d "
        + "with 0 ≤ n ≤ d and 1 ≤ d ≤ 1000, e.g. 1/2")
  }

  @Test(
    "shares within the range pass",
    arguments: [Fraction(1, 2), Fraction(0, 1), Fraction(1000, 1000), Fraction(1, 1000)])
  func inRange(share: Fraction) {
    #expect(Self.shareProblems(share).isEmpty)
    #expect(share.isAllowed)
  }
}
