import AppraisalModel

extension CompareReport {
  /// The page an executive reads first: which two appraisals, how many goals are satisfied before and
  /// after, how many moved each way, the level or target, one line per process area with the gaps that
  /// remain after, and the judgments the after appraisal still owes. Every line comes from the comparison
  /// below it.
  func executiveSummary(_ doc: inout ReportDocument) {
    let old = before.appraisal.header
    let new = after.appraisal.header
    doc.heading("Executive summary")
    doc.paragraph(
      "Before: \(old.name) (\(old.date)). After: \(new.name) (\(new.date)). \(comparison.areas.count) process "
        + "area\(comparison.areas.count == 1 ? "" : "s") compared.")
    if let facts = after.disclosureLine { doc.paragraph("After: " + facts.prefix(1).lowercased() + facts.dropFirst()) }
    let goals = comparison.areas.flatMap(\.goals)
    let satisfiedBefore = goals.filter { $0.before == .satisfied }.count
    let satisfiedAfter = goals.filter { $0.after == .satisfied }.count
    let improved = comparison.changedGoals.filter { $0.after == .satisfied }.count
    let worsened = comparison.changedGoals.filter { $0.before == .satisfied && $0.after != .satisfied }.count
    doc.paragraph(
      "Goals satisfied: \(satisfiedBefore) of \(goals.count) before, \(satisfiedAfter) of \(goals.count) after; "
        + "\(improved) now satisfied, \(worsened) no longer satisfied, "
        + "\(comparison.changedGoals.count - improved - worsened) otherwise changed.",
      tone: worsened > 0 ? .bad : .plain)
    doc.paragraph(levelLine, tone: after.unsatisfiedGoals.isEmpty ? .good : .bad)
    let afterAreas = Dictionary(after.ratedAreas.map { ($0.processArea, $0) }, uniquingKeysWith: { first, _ in first })
    doc.table(
      ["Process area", "Before", "After", "Remaining gaps after"],
      comparison.areas.map { area in
        [
          .init("\(area.processArea) \(area.name)"), .init(RatingSymbol.goal(area.before), .init(area.before.rawValue)),
          .init(RatingSymbol.goal(area.after), .init(area.after.rawValue)),
          .init(afterAreas[area.processArea].map(after.gaps) ?? "not rated after"),
        ]
      })
    let outstanding = after.outstandingJudgments()
    if outstanding.isEmpty {
      doc.paragraph("Judgments outstanding (after): none.")
    } else {
      doc.paragraph("Judgments outstanding (after):")
      doc.list(outstanding.map { .init($0, .warning) })
    }
  }

  /// The level before and after: the maturity level of a staged target, or how many areas reach a
  /// continuous target capability level.
  private var levelLine: String {
    if let old = before.result.maturityLevel, let new = after.result.maturityLevel {
      return "Maturity level \(old.level) → \(new.level) (target \(new.target))."
    }
    if case .capabilityLevel(let target) = after.appraisal.target {
      let reachedAfter = after.capabilityTarget(target)
      var line = "Target capability level \(target): reached by "
      if case .capabilityLevel(target) = before.appraisal.target {
        line += "\(before.capabilityTarget(target).reached) of \(before.ratedAreas.count) process areas before, "
      }
      line += "\(reachedAfter.reached) of \(after.ratedAreas.count) after"
      return line
        + (reachedAfter.below.isEmpty ? "." : "; not reached: " + reachedAfter.below.joined(separator: ", ") + ".")
    }
    return
      "Equivalent staging: maturity level \(before.result.equivalentStaging.level) → "
      + "\(after.result.equivalentStaging.level)."
  }
}
