import AppraisalModel
import Testing

/// Rule 6 (SCAMPI V1.3 §6): a process area's capability level is an integer 0–3, cumulative: CL 1 when all
/// specific goals are Satisfied, CL 2 when GG 2 is Satisfied too, CL 3 when GG 3 is too. The level stops at
/// the first goal set that is not Satisfied; a Not Rated goal, or a generic goal the target does not rate,
/// leaves the next level undetermined rather than failed.
@Suite("Rule 6: capability level")
struct CapabilityLevelRuleTests {
  typealias Value = GoalRating.Value

  struct Case: Sendable, CustomTestStringConvertible {
    var specific: [Value]
    /// GG 2 and GG 3, nil when the target does not rate them.
    var gg2: Value?
    var gg3: Value?
    /// The catalog's highest capability level (3 for CMMI V1.3).
    var highest = 3
    var expected: CapabilityLevel

    var testDescription: String {
      "SG " + specific.map(\.rawValue).joined(separator: "/") + ", GG 2 \(gg2?.rawValue ?? "–"), "
        + "GG 3 \(gg3?.rawValue ?? "–"), highest \(highest) → CL \(expected.level)"
    }
  }

  static func goal(_ id: String, _ value: Value) -> GoalRating {
    GoalRating(processArea: "AA", goal: id, title: id, isGeneric: id.hasPrefix("GG"), value: value, practices: [])
  }

  static func cl(_ level: Int, notRated: Bool = false, _ limitation: String? = nil) -> CapabilityLevel {
    CapabilityLevel(level: level, nextLevelNotRated: notRated, limitation: limitation)
  }

  static let gg2NotInTarget = "CL 2 not rated: GG 2 is not in the appraisal's target"
  static let gg3NotInTarget = "CL 3 not rated: GG 3 is not in the appraisal's target"

  static let cases: [Case] = [
    // CL 0: a specific goal is not Satisfied, whatever the generic goals say.
    Case(
      specific: [.unsatisfied], gg2: .satisfied, gg3: .satisfied,
      expected: cl(0, "CL 1 not reached: SG 1 is Unsatisfied")),
    Case(specific: [.satisfied, .unsatisfied], expected: cl(0, "CL 1 not reached: SG 2 is Unsatisfied")),
    Case(specific: [.notRated, .unsatisfied], expected: cl(0, "CL 1 not reached: SG 2 is Unsatisfied")),
    Case(specific: [.satisfied, .notRated], expected: cl(0, notRated: true, "CL 1 undetermined: SG 2 is Not Rated")),
    // CL 1.
    Case(specific: [.satisfied], expected: cl(1, notRated: true, gg2NotInTarget)),
    Case(
      specific: [.satisfied, .satisfied], gg2: .unsatisfied, expected: cl(1, "CL 2 not reached: GG 2 is Unsatisfied")),
    Case(
      specific: [.satisfied], gg2: .notRated, gg3: .satisfied,
      expected: cl(1, notRated: true, "CL 2 undetermined: GG 2 is Not Rated")),
    // Levels are cumulative: GG 3 without GG 2 gives nothing above CL 1.
    Case(specific: [.satisfied], gg2: nil, gg3: .satisfied, expected: cl(1, notRated: true, gg2NotInTarget)),
    Case(
      specific: [.satisfied], gg2: .unsatisfied, gg3: .satisfied,
      expected: cl(1, "CL 2 not reached: GG 2 is Unsatisfied")),
    // CL 2.
    Case(specific: [.satisfied], gg2: .satisfied, expected: cl(2, notRated: true, gg3NotInTarget)),
    Case(
      specific: [.satisfied], gg2: .satisfied, gg3: .unsatisfied,
      expected: cl(2, "CL 3 not reached: GG 3 is Unsatisfied")),
    Case(
      specific: [.satisfied], gg2: .satisfied, gg3: .notRated,
      expected: cl(2, notRated: true, "CL 3 undetermined: GG 3 is Not Rated")),
    // CL 3, the top: nothing limits it.
    Case(specific: [.satisfied, .satisfied], gg2: .satisfied, gg3: .satisfied, expected: cl(3)),
    // A catalog whose generic goals stop earlier caps the level without a limitation.
    Case(specific: [.satisfied], gg2: .satisfied, highest: 2, expected: cl(2)),
    Case(specific: [.satisfied], highest: 1, expected: cl(1)),
  ]

  @Test("the level and what limits it", arguments: cases)
  func level(_ example: Case) {
    var generic: [Int: GoalRating] = [:]
    if let gg2 = example.gg2 { generic[2] = Self.goal("GG 2", gg2) }
    if let gg3 = example.gg3 { generic[3] = Self.goal("GG 3", gg3) }
    let specific = example.specific.enumerated().map { Self.goal("SG \($0.offset + 1)", $0.element) }
    let result = CapabilityLevelRule.level(
      specificGoals: specific, genericGoals: generic, highestLevel: example.highest)
    #expect(result == example.expected)
  }

  /// Every combination of one specific goal and GG 2 / GG 3 each Satisfied, Unsatisfied, Not Rated or absent.
  static let combinations: [(Value, Value?, Value?)] = Value.allCases.flatMap { specific in
    ([nil] + Value.allCases).flatMap { gg2 in ([nil] + Value.allCases).map { gg3 in (specific, gg2, gg3) } }
  }

  @Test("the level counts Satisfied goal sets from SG up, stopping at the first that is not", arguments: combinations)
  func everyCombination(specific: Value, gg2: Value?, gg3: Value?) {
    var generic: [Int: GoalRating] = [:]
    if let gg2 { generic[2] = Self.goal("GG 2", gg2) }
    if let gg3 { generic[3] = Self.goal("GG 3", gg3) }
    let result = CapabilityLevelRule.level(specificGoals: [Self.goal("SG 1", specific)], genericGoals: generic)
    let sets = [specific, gg2, gg3]
    let reached = sets.firstIndex { $0 != .satisfied } ?? sets.count
    #expect(result.level == reached)
    #expect((0...3).contains(result.level))
    // Undetermined exactly when the first set that is not Satisfied is Not Rated or was not rated at all.
    let stop = reached < sets.count ? sets[reached] : .satisfied
    #expect(result.nextLevelNotRated == (reached < sets.count && stop != .unsatisfied))
    #expect((result.limitation == nil) == (reached == sets.count))
  }
}
