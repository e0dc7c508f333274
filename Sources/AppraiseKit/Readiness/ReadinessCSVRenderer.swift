import AppraisalModel

/// The readiness to-do list as a tidy CSV table, one row per thing to fix, in the rate report's CSV dialect
/// (``CSVRenderer/csv(_:)``: UTF-8 with a BOM, CRLF, formula-like cells defused):
///
/// - `item` `goal`: one row per reason a goal would be Not Rated and, where the reason names units, per
///   unit (`issue`: `coverage` — a unit of the failing subgroup that does not provide both kinds of
///   evidence, with the subgroup's counts in `detail` —, `not-characterized`, `not-examined`, `not-yet`,
///   `other`);
/// - `item` `cell`: one row per practice × instantiation cell that lacks evidence (`issue`: `no-evidence`,
///   `artifacts-only`, `affirmations-only`; `needs`: what to add; `derived`: what the rules make of it today,
///   empty when not characterized).
struct ReadinessCSVRenderer {
  static let columns = [
    "item", "processArea", "goal", "practice", "instantiation", "subgroup", "issue", "derived", "needs", "detail",
  ]

  func render(_ report: ReadinessReport) -> String {
    var rows = [Self.columns]
    for goal in report.readiness.notRatedGoals {
      for reason in goal.reasons {
        let kind = ReadinessReport.kind(reason)
        func row(practice: String = "", unit: String = "", subgroup: String = "", detail: String) -> [String] {
          ["goal", goal.processArea, goal.goal, practice, unit, subgroup, kind, "", "", detail]
        }
        switch reason {
        case .coverage(let count):
          rows += count.missing.map { row(unit: $0, subgroup: count.name, detail: count.shortfall) }
          if count.missing.isEmpty { rows.append(row(subgroup: count.name, detail: count.shortfall)) }
        case .notCharacterized(let practice, let units):
          rows += units.map {
            row(practice: practice.description, unit: $0, detail: "nothing recorded: not characterized")
          }
          if units.isEmpty {
            rows.append(row(practice: practice.description, detail: "nothing recorded: not characterized"))
          }
        case .notExamined(let practice), .notYet(let practice):
          rows.append(row(practice: practice.description, detail: ReadinessReport.describe(reason)))
        case .other(let text):
          rows.append(row(detail: text))
        }
      }
    }
    for cell in report.readiness.missingEvidence {
      rows.append([
        "cell", cell.practice.processArea, cell.goal, cell.practice.description, cell.instantiation, "",
        ReadinessReport.stateName(cell.state), cell.derived?.code ?? "",
        ReadinessReport.needs(cell.state).joined(separator: " "), ReadinessReport.describe(cell),
      ])
    }
    return CSVRenderer.csv(rows)
  }
}
