import AppraisalModel
import Testing

@Suite("Trend over a series of appraisals")
struct AppraisalTrendTests {
  static let practice = PracticeReference("AA", "SP 2.1")

  /// An appraisal of AA dated `date` whose AA SP 2.1 in u1 has the weaknesses `texts` (LI), or is FI.
  static func point(_ date: String, _ texts: [(String, String?)] = [], id: String = "T-1") -> AppraisalResult {
    var appraisal = TestModel.appraisal(
      areas: ["AA"], target: .capabilityLevel(1),
      overrides: texts.isEmpty ? [:] : ["AA SP 2.1@u1": .largelyImplemented])
    appraisal.header.date = date
    appraisal.header.id = id
    appraisal.observations = texts.map {
      Observation(id: $0.1, kind: .weakness, practice: practice, instantiation: "u1", text: $0.0)
    }
    return AppraisalRater.rate(appraisal, catalog: TestModel.catalog)
  }

  @Test("put in date order; equal dates keep the order given; reordering is recorded")
  func order() {
    let trend = AppraisalTrender.trend([
      Self.point("2027-01-01", id: "c"), Self.point("2025-01-01", id: "a"), Self.point("2026-01-01", id: "b1"),
      Self.point("2026-01-01", id: "b2"),
    ])
    #expect(trend.points.map(\.appraisal.header.id) == ["a", "b1", "b2", "c"])
    #expect(trend.inputOrder == [1, 2, 3, 0])
    #expect(trend.reordered)
    let inOrder = AppraisalTrender.trend([Self.point("2025-01-01"), Self.point("2026-01-01")])
    #expect(!inOrder.reordered)
  }

  @Test("opened, recurring, closed, regressed; a reworded finding with the same id is one finding")
  func statuses() {
    let trend = AppraisalTrender.trend([
      Self.point(
        "2025-01-01", [("always there", nil), ("gone later", nil), ("comes back", nil), ("Old words", "W-1")]),
      Self.point("2026-01-01", [("Always there.", nil), ("new here", nil), ("new words", "W-1")]),
      Self.point(
        "2027-01-01", [("always there", nil), ("new here", nil), ("comes back", nil), ("newer words", "W-1")]),
    ])
    let byText = Dictionary(uniqueKeysWithValues: trend.findings.map { ($0.texts[0], $0) })
    #expect(byText["always there"]?.status == .recurring)
    #expect(byText["always there"]?.reworded == true)  // "Always there." in 2026
    #expect(byText["always there"]?.matches == [nil, .text, .text])
    #expect(byText["gone later"]?.status == .closed)
    #expect(byText["comes back"]?.status == .regressed)
    #expect(byText["comes back"]?.appearances == [0, 2])
    #expect(byText["new here"]?.status == .opened)
    #expect(byText["Old words"]?.status == .recurring)
    #expect(byText["Old words"]?.texts == ["Old words", "new words", "newer words"])
    #expect(byText["Old words"]?.matches == [nil, .id, .id])
    #expect(trend.findings.count == 5)
  }

  @Test("goal and practice series, satisfied goals, and the practices that never changed")
  func series() {
    let trend = AppraisalTrender.trend([
      Self.point("2025-01-01"), Self.point("2026-01-01", [("gap", nil)]), Self.point("2027-01-01"),
    ])
    #expect(trend.changedPractices.map(\.practice) == [Self.practice])
    #expect(trend.changedPractices[0].values == [.fullyImplemented, .largelyImplemented, .fullyImplemented])
    #expect(trend.unchangedPractices == trend.points[0].practiceCharacterizations.count - 1)
    let goal = trend.goals.first { $0.goal == "SG 2" }!
    #expect(goal.ratings == [.satisfied, .satisfied, .satisfied])
    #expect(goal.provisional == [false, true, false])
    #expect(goal.changed)
    #expect(trend.satisfiedGoals == [2, 2, 2])
    #expect(trend.warnings.isEmpty)
  }

  @Test("neighbours that differ are warned about with the comparator's words")
  func warnings() {
    var other = TestModel.appraisal(areas: ["AA"], target: .capabilityLevel(1))
    other.header.organizationalUnit = "Elsewhere"
    other.header.date = "2026-01-01"
    let trend = AppraisalTrender.trend([
      Self.point("2025-01-01"), AppraisalRater.rate(other, catalog: TestModel.catalog), Self.point("2027-01-01"),
    ])
    #expect(trend.warnings.map { "\($0.from)→\($0.to)" } == ["0→1", "1→2"])
    #expect(trend.warnings.allSatisfy { $0.text.hasPrefix("the organizational units differ") })
  }
}
