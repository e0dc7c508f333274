import AppraisalModel

extension RateReport {
  /// The page an executive reads first: what was rated, one line per process area with the gaps that
  /// remain, what stands between the result and the target, and the judgments the team still owes. Every
  /// line comes from the ratings below it; nothing here is computed differently.
  func executiveSummary(_ doc: inout ReportDocument) {
    doc.heading("Executive summary")
    let header = appraisal.header
    let units = appraisal.instantiations.count
    doc.paragraph(
      "\(header.organizationalUnit), \(header.date): \(ratedAreas.count) process area"
        + "\(ratedAreas.count == 1 ? "" : "s") of \(catalog.model.id) \(catalog.model.version) rated in \(units) "
        + "instantiation\(units == 1 ? "" : "s"); \(targetDescription).")
    if let facts = disclosureLine { doc.paragraph(facts) }
    switch appraisal.target {
    case .maturityLevel:
      if let maturity = result.maturityLevel {
        let blockers = maturity.blockers.map(\.processArea)
        doc.paragraph(
          "Maturity level \(maturity.level) of target \(maturity.target)"
            + (blockers.isEmpty
              ? "." : "; blocking level \(maturity.level + 1): " + blockers.joined(separator: ", ") + "."),
          tone: maturity.level >= maturity.target ? .good : .bad)
      } else if appraisal.scope.specificGoalsOnly {
        doc.paragraph(Self.specificGoalsOnlyNote)
      }
    case .capabilityLevel(let target):
      let (reached, below) = capabilityTarget(target)
      doc.paragraph(
        "\(targetLevelPhrase): reached by \(reached) of \(ratedAreas.count) process areas"
          + (below.isEmpty ? "." : "; not reached: " + below.joined(separator: ", ") + "."),
        tone: below.isEmpty ? .good : .bad)
    }
    doc.table(
      ["Process area", "Rating", "Capability level", "Remaining gaps"],
      ratedAreas.map { area in
        [
          .init("\(area.processArea) \(area.name)"), .init(area.value.rawValue, .init(area.value.rawValue)),
          .init(capabilityText(area.capability)), .init(gaps(area)),
        ]
      })
    let outstanding = outstandingJudgments()
    if outstanding.isEmpty {
      doc.paragraph("Judgments outstanding: none.")
    } else {
      doc.paragraph("Judgments outstanding:")
      doc.list(outstanding.map { .init($0, .warning) })
    }
  }

  /// `Final report; appraised 2011-09-19 to 2011-09-30; team leader …; sponsor ….` from the disclosure facts
  /// recorded; `nil` when none of these is.
  var disclosureLine: String? {
    let disclosure = appraisal.disclosure
    var parts: [String] = []
    if let status = disclosure.reportStatus { parts.append(status == .final ? "Final report" : "Draft report") }
    if let period = Self.period(disclosure) { parts.append("appraised \(period)") }
    if let leader = disclosure.teamLeader { parts.append("team leader \(Self.describe(leader))") }
    if let sponsor = disclosure.sponsor { parts.append("sponsor \(Self.describe(sponsor))") }
    guard let first = parts.first else { return nil }
    return ([first.prefix(1).uppercased() + first.dropFirst()] + parts.dropFirst()).joined(separator: "; ") + "."
  }

  /// An area's goals that are not (yet) satisfied, each with its first reason; `none` when all are.
  func gaps(_ area: ProcessAreaRating) -> String {
    let open = gapList(area)
    return open.isEmpty ? "none" : open.joined(separator: "; ")
  }

  /// An area's goals that are not (yet) satisfied, each with its first reason (`SG 2 Unsatisfied: …`).
  func gapList(_ area: ProcessAreaRating) -> [String] {
    area.goals.filter { $0.value != .satisfied || $0.isProvisional }.map { goal in
      let value = goal.value.rawValue + (goal.isProvisional ? " (provisional)" : "")
      return "\(goal.goal) \(value)" + (goal.reasons.first.map { ": \($0)" } ?? "")
    }
  }

  /// Aggregations waiting for the team's choice and provisional goals waiting for a significance decision.
  func outstandingJudgments() -> [String] {
    let aggregations = result.practiceCharacterizations.compactMap { practice -> String? in
      guard case .judgmentNeeded(let allowed) = practice.basis else { return nil }
      return "\(practice.practice): choose the OU value, \(Self.choices(allowed))"
    }
    let significance = ratedAreas.flatMap(\.goals).filter(\.isProvisional).map { goal in
      "\(goal.processArea) \(goal.goal): judge the significance of its weaknesses (provisional until then)"
    }
    return aggregations + significance
  }
}
