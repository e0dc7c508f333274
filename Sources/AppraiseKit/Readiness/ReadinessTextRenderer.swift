import AppraisalModel

/// The readiness to-do list as text: the counts, the goals that would be Not Rated with every reason, then
/// each cell that lacks an artifact, an affirmation or both. Input text is shown escaped (``TerminalText``).
struct ReadinessTextRenderer {
  func render(_ report: ReadinessReport) -> String {
    let readiness = report.readiness
    var out = "Readiness of \(report.file) (\(report.header.id)): \(report.header.name)".reportLine + "\n"
    out += ReadinessReport.countsLine(readiness.counts) + "\n"
    out += "\(readiness.notRatedGoals.count) of \(readiness.ratedGoalCount) goals would be Not Rated.\n"

    out += "\nGoals that would be Not Rated (\(readiness.notRatedGoals.count) of \(readiness.ratedGoalCount))\n"
    if readiness.notRatedGoals.isEmpty { out += "  none\n" }
    for goal in readiness.notRatedGoals {
      out += "  \(goal.processArea) \(goal.goal) — \(goal.title)".reportLine + "\n"
      for reason in goal.reasons { out += "    • " + ReadinessReport.describe(reason).reportLine + "\n" }
    }

    let missing = readiness.missingEvidence
    out += "\nCells missing evidence (\(missing.count) of \(readiness.counts.total))\n"
    if missing.isEmpty { out += "  none\n" }
    for cell in missing {
      out += "  \(cell.practice) in \(cell.instantiation): ".reportLine + ReadinessReport.describe(cell) + "\n"
    }
    return out
  }
}
