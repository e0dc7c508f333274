import AppraisalModel

extension CompareReport {
  /// The before/after report: warnings first (loud), the executive summary, both appraisals'
  /// identification, the table of process areas × goals, what moved and why, level deltas; then the
  /// appendices: the evidence behind the practices that moved, the after appraisal's team judgments, rules
  /// and input hashes.
  func document() -> ReportDocument {
    let old = before.appraisal.header
    let new = after.appraisal.header
    var doc = ReportDocument(title: "Before/after comparison: \(old.organizationalUnit)")
    doc.paragraph(RatingRules.methodStatement, tone: .warning)
    if !comparison.warnings.isEmpty {
      doc.heading("⚠ Warning: the comparison may not be like-for-like")
      doc.list(comparison.warnings.map { .init("⚠ \($0)", .warning) })
    }
    executiveSummary(&doc)
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
          .init("Instantiations"), .init(Self.sample(before.appraisal.instantiations)),
          .init(Self.sample(after.appraisal.instantiations)),
        ],
      ])

    doc.heading("Goal satisfaction before and after")
    doc.paragraph(
      "✔ Satisfied  ✘ Unsatisfied  ? Not Rated  – Not Applicable  · Out of Scope;  (provisional) weaknesses not "
        + "yet judged for significance;  * changed")
    var rows: [[ReportDocument.Cell]] = []
    for area in comparison.areas {
      rows.append([
        .init("\(area.processArea) \(area.name)"), cell(area.before), cell(area.after),
        .init(area.before != area.after ? "*" : ""),
      ])
      for goal in area.goals {
        rows.append([
          .init("  \(goal.goal) \(goal.title)"), cell(goal.before, provisional: goal.beforeIsProvisional),
          cell(goal.after, provisional: goal.afterIsProvisional), .init(goal.changed ? "*" : ""),
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
          .init(
            "\(goal.processArea) \(goal.goal): \(goal.beforeLabel) → \(goal.afterLabel) — \(why(goal))",
            goal.after != .satisfied ? .bad : goal.afterIsProvisional ? .warning : .good)
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
    doc.paragraph(
      "Reworded (the same finding — same id, or the same text but for case, spacing and punctuation — "
        + "with new wording): \(comparison.rewordedWeaknesses.count)")
    doc.list(comparison.rewordedWeaknesses.map { .init(Self.rewording($0)) })

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

    let moved = Set(comparison.transitions.map(\.practice))
    after.evidenceTrailAppendix(
      &doc, heading: "Appendix A: Evidence behind the practices that moved (after)",
      trail: after.evidenceTrail?.restricted(to: moved))
    after.judgments(&doc, heading: "Appendix B: Team judgments (after)")
    after.closing(&doc, inputs: inputs)
    return doc
  }

  /// Why a goal moved: its reasons after, or for a Satisfied goal the practice transitions inside it
  /// (e.g. "SP 1.1 PI → FI, SP 1.2 NI → FI"), the team's significance decision, and whether it is provisional.
  private func why(_ goal: AppraisalComparison.GoalRow) -> String {
    guard goal.after == .satisfied, let rating = goal.afterRating else {
      return goal.afterRating?.reasons.joined(separator: "; ") ?? "not rated after"
    }
    let practices = Set(rating.practices.map(\.practice))
    let moved = comparison.transitions.filter { practices.contains($0.practice) }.map {
      "\($0.practice.practice) \($0.before?.code ?? "—") → \($0.after?.code ?? "—")"
    }
    var why = "now \(goal.afterLabel)" + (moved.isEmpty ? "" : ": " + moved.joined(separator: ", "))
    if let decision = rating.significance, !decision.significant {
      why += "; the team judged the weaknesses not significant: \(decision.justification)"
    }
    if goal.afterIsProvisional { why += "; " + rating.reasons.joined(separator: "; ") }
    return why
  }

  private func cell(_ value: AppraisalComparison.Cell, provisional: Bool = false) -> ReportDocument.Cell {
    .init(RatingSymbol.goal(value) + (provisional ? " (provisional)" : ""), .init(value.rawValue))
  }

  /// `IRP SP 3.3 [shop, payments]: "old" → now "new" (same id W-1)`.
  static func rewording(_ rewording: AppraisalComparison.Rewording) -> String {
    let after = rewording.after
    return "\(after.practice) [\(after.instantiations.joined(separator: ", "))]: \"\(rewording.before.text)\" → now \""
      + after.text + "\"" + (after.impact == .major ? " (major)" : "") + " — " + matchNote(rewording)
  }

  /// How a reworded finding kept its identity, in words.
  static func matchNote(_ rewording: AppraisalComparison.Rewording) -> String {
    switch rewording.match {
    case .id:
      "same id " + Set(rewording.before.ids).intersection(rewording.after.ids).sorted().joined(separator: ", ")
    case .text: "same text but for case, spacing and punctuation"
    }
  }

  private func weakness(_ change: AppraisalComparison.WeaknessChange) -> String {
    "\(change.practice) [\(change.instantiations.joined(separator: ", "))]: \(change.text)"
      + (change.impact == .major ? " (major)" : "")
  }

  /// The sample's ids, or beyond ten units the first three and how many there are (every id stays in the
  /// JSON report).
  static func sample(_ units: [Instantiation]) -> String {
    guard units.count > 10 else { return units.map(\.id).joined(separator: ", ") }
    return units.prefix(3).map(\.id).joined(separator: ", ") + ", … (\(units.count) instantiations)"
  }
}
