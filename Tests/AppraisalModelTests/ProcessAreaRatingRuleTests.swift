import AppraisalModel
import Testing

/// Rule 5 (SCAMPI V1.3 §4): a process area in scope is Satisfied only when all its goals in scope are,
/// Unsatisfied when any is Unsatisfied, Not Rated when any is Not Rated and none Unsatisfied; the reason
/// names the goals that decided. Not Applicable and Out of Scope come from the scope (``AppraisalRaterTests``).
@Suite("Rule 5: process area rating")
struct ProcessAreaRatingRuleTests {
  typealias Value = GoalRating.Value

  struct Case: Sendable, CustomTestStringConvertible {
    /// Goal id and value, specific goals first, generic goals (`GG n`) after, as the rater passes them.
    var goals: [(String, Value)]
    var value: ProcessAreaRating.Value
    var reasons: [String]

    var testDescription: String {
      (goals.isEmpty ? "no goals" : goals.map { "\($0.0) \($0.1.rawValue)" }.joined(separator: ", "))
        + " → \(value.rawValue)"
    }
  }

  static func goal(_ id: String, _ value: Value) -> GoalRating {
    GoalRating(processArea: "AA", goal: id, title: id, isGeneric: id.hasPrefix("GG"), value: value, practices: [])
  }

  static let cases: [Case] = [
    Case(goals: [("SG 1", .satisfied)], value: .satisfied, reasons: []),
    Case(goals: [("SG 1", .satisfied), ("SG 2", .satisfied), ("GG 2", .satisfied)], value: .satisfied, reasons: []),
    Case(goals: [("SG 1", .unsatisfied)], value: .unsatisfied, reasons: ["Unsatisfied: SG 1"]),
    Case(goals: [("SG 1", .satisfied), ("SG 2", .unsatisfied)], value: .unsatisfied, reasons: ["Unsatisfied: SG 2"]),
    // One Unsatisfied goal outweighs any number of Not Rated ones.
    Case(goals: [("SG 1", .notRated), ("SG 2", .unsatisfied)], value: .unsatisfied, reasons: ["Unsatisfied: SG 2"]),
    Case(
      goals: [("SG 1", .unsatisfied), ("SG 2", .notRated), ("SG 3", .unsatisfied)], value: .unsatisfied,
      reasons: ["Unsatisfied: SG 1, SG 3"]),
    // Generic goals in scope count like specific ones.
    Case(
      goals: [("SG 1", .satisfied), ("GG 2", .satisfied), ("GG 3", .unsatisfied)], value: .unsatisfied,
      reasons: ["Unsatisfied: GG 3"]),
    Case(goals: [("SG 1", .satisfied), ("SG 2", .notRated)], value: .notRated, reasons: ["Not Rated: SG 2"]),
    Case(
      goals: [("SG 1", .notRated), ("SG 2", .satisfied), ("GG 2", .notRated)], value: .notRated,
      reasons: ["Not Rated: SG 1, GG 2"]),
    Case(goals: [("SG 1", .satisfied), ("GG 2", .notRated)], value: .notRated, reasons: ["Not Rated: GG 2"]),
    Case(goals: [], value: .notRated, reasons: ["no goal in scope to rate"]),
  ]

  @Test("the value and reason from the goals", arguments: cases)
  func fromGoals(_ example: Case) {
    let (value, reasons) = ProcessAreaRatingRule.rate(example.goals.map { Self.goal($0.0, $0.1) })
    #expect(value == example.value)
    #expect(reasons == example.reasons)
  }

  /// Every list of one to three goal values.
  static let combinations: [[Value]] = (1...3).flatMap { count in
    (0..<Int(pow3(count))).map { code in
      (0..<count).map { position in Value.allCases[(code / pow3(position)) % 3] }
    }
  }

  static func pow3(_ n: Int) -> Int { (0..<n).reduce(1) { product, _ in product * 3 } }

  @Test("Satisfied only when every goal is; any Unsatisfied wins over Not Rated", arguments: combinations)
  func everyCombination(values: [Value]) {
    let goals = values.enumerated().map { Self.goal("SG \($0.offset + 1)", $0.element) }
    let value = ProcessAreaRatingRule.rate(goals).value
    #expect((value == .satisfied) == values.allSatisfy { $0 == .satisfied })
    #expect((value == .unsatisfied) == values.contains(.unsatisfied))
    #expect((value == .notRated) == (values.contains(.notRated) && !values.contains(.unsatisfied)))
  }
}
