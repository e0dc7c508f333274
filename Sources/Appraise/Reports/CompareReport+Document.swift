import AppraisalModel

extension CompareReport {
  /// The before/after report: warnings first (loud), the table of process areas × goals, what moved and
  /// why, level deltas, both appraisals' identification, rules and input hashes.
  func document() -> ReportDocument {
    let old = before.appraisal.header
    let new = after.appraisal.header
    var doc = ReportDocument(title: "Before/after comparison: \(old.organizationalUnit)")
    doc.paragraph(RatingRules.methodStatement, tone: .warning)
    if !comparison.warnings.isEmpty {
      doc.heading("⚠ Warning: the two appraisals differ in setup")
      doc.list(comparison.warnings.map { .init("⚠ \($0)", .warning) })
    }
    doc.heading("Appraisals")
    doc.table(
      ["", "Before", "After"],
      [
        [.init("Appraisal"), .init("\(old.name) (\(old.id))"), .init("\(new.name) (\(new.id))")],
        [.init("Organizational unit"), .init(old.organizationalUnit), .init(new.organizationalUnit)],
        [.init("Date"), .init(old.date), .init(new.date)],
        [
          .init("Model"), .init("\(before.catalog.model.id) \(before.catalog.model.version)"),
          .init("\(after.catalog.model.id) \(after.catalog.model.version)"),
        ],
        [.init("Method class"), .init(old.methodClass), .init(new.methodClass)],
        [.init("Target"), .init(before.targetDescription), .init(after.targetDescription)],
        [
          .init("Instantiations"), .init(before.appraisal.instantiations.map(\.id).joined(separator: ", ")),
          .init(after.appraisal.instantiations.map(\.id).joined(separator: ", ")),
        ],
      ])

    doc.heading("Goal satisfaction before and after")
    doc.paragraph("✔ Satisfied  ✘ Unsatisfied  ? Not Rated  – Not Applicable  · Out of Scope;  * changed")
    var rows: [[ReportDocument.Cell]] = []
    for area in comparison.areas {
      rows.append([
        .init("\(area.processArea) \(area.name)"), cell(area.before), cell(area.after),
        .init(area.before != area.after ? "*" : ""),
      ])
      for goal in area.goals {
        rows.append([
          .init("  \(goal.goal) \(goal.title)"), cell(goal.before), cell(goal.after), .init(goal.changed ? "*" : ""),
        ])
      }
    }
    doc.table(["Process area / goal", "Before", "After", "Δ"], rows)

    doc.heading("Remaining gaps after the change")
    let gaps = after.unsatisfiedGoals
    if gaps.isEmpty {
      doc.paragraph("No goal is Unsatisfied after the change.", tone: .good)
    } else {
      doc.list(
        gaps.map { .init("\($0.processArea) \($0.goal) \($0.title): " + $0.reasons.joined(separator: "; "), .bad) })
    }

    doc.heading("What moved")
    let changed = comparison.changedGoals
    if changed.isEmpty {
      doc.paragraph("No goal rating changed.")
    } else {
      doc.list(
        changed.map { goal in
          let why =
            goal.after == .satisfied
            ? movedPractices(goal) : (goal.afterRating?.reasons.joined(separator: "; ") ?? "not rated after")
          return .init(
            "\(goal.processArea) \(goal.goal): \(goal.before.rawValue) → \(goal.after.rawValue) — \(why)",
            goal.after == .satisfied ? .good : .bad)
        })
    }
    doc.paragraph("Process areas whose rating changed:")
    doc.list(
      comparison.changedAreas.map {
        .init("\($0.processArea): \($0.before.rawValue) → \($0.after.rawValue)", $0.after == .satisfied ? .good : .bad)
      })
    if comparison.changedAreas.isEmpty { doc.paragraph("None.") }

    doc.heading("Practice characterization transitions")
    if comparison.transitions.isEmpty {
      doc.paragraph("No practice changed.")
    } else {
      doc.table(
        ["Practice", "Title", "Before", "After"],
        comparison.transitions.map { transition in
          [
            .init(transition.practice.description), .init(after.title(of: transition.practice)),
            .init(transition.before?.code ?? "—", RateReport.tone(transition.before)),
            .init(transition.after?.code ?? "—", RateReport.tone(transition.after)),
          ]
        })
    }

    doc.heading("Weaknesses")
    doc.paragraph("Closed (recorded before, not after): \(comparison.closedWeaknesses.count)")
    doc.list(comparison.closedWeaknesses.map { .init(weakness($0), .good) })
    doc.paragraph("New (recorded after, not before): \(comparison.newWeaknesses.count)")
    doc.list(comparison.newWeaknesses.map { .init(weakness($0), .bad) })

    doc.heading("Levels")
    doc.table(
      ["Process area", "CL before", "CL after"],
      comparison.areas.map { area in
        [
          .init(area.processArea), .init(before.capabilityText(area.beforeCapability)),
          .init(after.capabilityText(area.afterCapability)),
        ]
      })
    var levels: [(String, String)] = []
    if let old = before.result.maturityLevel, let new = after.result.maturityLevel {
      levels.append(("Maturity level", "ML \(old.level) → ML \(new.level)"))
    }
    levels.append(
      ("Equivalent staging", "ML \(before.result.equivalentStaging.level) → ML \(after.result.equivalentStaging.level)")
    )
    doc.keyValues(levels)

    after.judgments(&doc, heading: "Team judgments (after)")
    after.closing(&doc, inputs: inputs)
    return doc
  }

  /// The practice transitions inside a goal, e.g. "SP 1.1 PI → FI, SP 1.2 NI → FI".
  private func movedPractices(_ goal: AppraisalComparison.GoalRow) -> String {
    let practices = Set((goal.afterRating?.practices ?? []).map(\.practice))
    let moved = comparison.transitions.filter { practices.contains($0.practice) }.map {
      "\($0.practice.practice) \($0.before?.code ?? "—") → \($0.after?.code ?? "—")"
    }
    return moved.isEmpty ? "now Satisfied" : "now Satisfied: " + moved.joined(separator: ", ")
  }

  private func cell(_ value: AppraisalComparison.Cell) -> ReportDocument.Cell {
    .init(RatingSymbol.goal(value), .init(value.rawValue))
  }

  private func weakness(_ change: AppraisalComparison.WeaknessChange) -> String {
    "\(change.practice) [\(change.instantiations.joined(separator: ", "))]: \(change.text)"
      + (change.impact == .major ? " (major)" : "")
  }
}
