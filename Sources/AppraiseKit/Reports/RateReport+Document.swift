import AppraisalModel

extension RateReport {
  /// The report as format-neutral blocks: the executive summary, identification with the disclosure facts,
  /// scope and sample, ratings, levels, findings, characterizations and heat maps; then the appendices:
  /// the evidence trail, team judgments, rules applied, and the input hashes with the tool — in that order.
  func document() -> ReportDocument {
    var doc = ReportDocument(title: "Appraisal rating: \(appraisal.header.name)")
    doc.paragraph(RatingRules.methodStatement, tone: .warning)
    executiveSummary(&doc)
    identification(&doc)
    ratings(&doc)
    levels(&doc)
    findings(&doc)
    if let view { crossModelView(view, &doc) }
    characterizations(&doc)
    evidenceTrailAppendix(&doc, heading: "Appendix A: Evidence trail", trail: evidenceTrail)
    judgments(&doc, heading: "Appendix B: Team judgments")
    closing(&doc, inputs: inputs)
    return doc
  }

  func identification(_ doc: inout ReportDocument) {
    let header = appraisal.header
    doc.heading("Appraisal")
    doc.keyValues([
      ("Appraisal", "\(header.name) (\(header.id))"),
      ("Organizational unit", header.organizationalUnit),
      ("Date", header.date),
      ("Model", "\(catalog.model.title) (\(catalog.model.id) \(catalog.model.version))"),
      ("Method class", "\(header.methodClass) — SCAMPI-style gap analysis, not a benchmark rating"),
      ("Target", targetDescription),
    ])
    disclosureFacts(&doc)
    doc.heading("Scope and sample")
    let inScope = ratedAreas.map(\.processArea)
    let notApplicable = appraisal.scope.notApplicable.map { "\($0.processArea) (\($0.reason))" }
    let reasons = Dictionary(
      appraisal.scope.outOfScope.map { ($0.processArea, $0.reason) }, uniquingKeysWith: { first, _ in first })
    let outOfScope = result.processAreas.filter { $0.value == .outOfScope }.map { area in
      reasons[area.processArea].map { "\(area.processArea) (\($0))" } ?? area.processArea
    }
    doc.keyValues([
      ("In scope", inScope.isEmpty ? "none" : inScope.joined(separator: ", ")),
      ("Not applicable", notApplicable.isEmpty ? "none" : notApplicable.joined(separator: "; ")),
      ("Out of scope", outOfScope.isEmpty ? "none" : outOfScope.joined(separator: reasons.isEmpty ? ", " : "; ")),
      ("Additions (SSD)", appraisal.scope.includesAdditions ? "included" : "left out"),
      ("Data coverage", coveragePolicyDescription),
    ])
    if detail == .summary {
      sampleBySubgroup(&doc)
      return
    }
    doc.table(
      ["Instantiation", "Name", "Kind", "Subgroup", "Process areas"],
      appraisal.instantiations.map { unit in
        [
          .init(unit.id), .init(unit.name), .init(unit.kind.rawValue), .init(unit.subgroup ?? "—"),
          .init(unit.processAreas?.joined(separator: " ") ?? "all in scope"),
        ]
      })
  }

  /// The sample in a summary (more units than a page lists): one row per sampling subgroup with its count,
  /// kinds, the process areas its units examine, and the first few ids; every unit stays in the JSON report.
  func sampleBySubgroup(_ doc: inout ReportDocument) {
    let units = appraisal.instantiations
    var order: [String?] = []
    var members: [String?: [Instantiation]] = [:]
    for unit in units {
      if members[unit.subgroup] == nil { order.append(unit.subgroup) }
      members[unit.subgroup, default: []].append(unit)
    }
    doc.paragraph(
      "\(units.count) instantiations in \(order.count) subgroup\(order.count == 1 ? "" : "s") (each unit is listed in "
        + "the JSON report, and here with --detail full).")
    doc.table(
      ["Subgroup", "Units", "Kinds", "Process areas", "First units"],
      order.map { subgroup in
        let group = members[subgroup]!
        var kinds: [Instantiation.Kind: Int] = [:]
        for unit in group { kinds[unit.kind, default: 0] += 1 }
        let kindText = Instantiation.Kind.allCases.compactMap { kind in kinds[kind].map { "\(kind.rawValue) \($0)" } }
        let areas = Set(group.map { $0.processAreas?.joined(separator: " ") ?? "all in scope" })
        let areaText = areas.count == 1 ? areas.first! : "\(areas.count) different sets"
        let first = group.prefix(3).map(\.id).joined(separator: ", ") + (group.count > 3 ? ", …" : "")
        return [
          .init(subgroup ?? "—"), .init("\(group.count)"), .init(kindText.joined(separator: ", ")), .init(areaText),
          .init(first),
        ]
      })
  }

  func ratings(_ doc: inout ReportDocument) {
    doc.heading("Process area ratings")
    doc.table(
      ["Process area", "Rating", "Capability level", "Why"],
      ratedAreas.map { area in
        [
          .init("\(area.processArea) \(area.name)"), .init(area.value.rawValue, .init(area.value.rawValue)),
          .init(capabilityText(area.capability)), .init(area.reasons.joined(separator: "; ")),
        ]
      })
    doc.heading("Goal ratings")
    doc.table(
      ["Goal", "Title", "Rating", "Why"],
      ratedAreas.flatMap(\.goals).map { goal in
        let value = goal.value.rawValue + (goal.isProvisional ? " (provisional)" : "")
        return [
          .init("\(goal.processArea) \(goal.goal)"), .init(goal.title), .init(value, .init(goal.value.rawValue)),
          .init(goal.reasons.joined(separator: "; ")),
        ]
      })
  }

  func capabilityText(_ capability: CapabilityLevel?) -> String {
    guard let capability else { return "—" }
    return "CL \(capability.level)" + (capability.nextLevelNotRated ? " (next level not rated)" : "")
  }

  func levels(_ doc: inout ReportDocument) {
    if let maturity = result.maturityLevel {
      doc.heading("Maturity level")
      doc.paragraph(
        "Maturity level \(maturity.level) of target \(maturity.target).", tone: maturity.blockers.isEmpty ? .good : .bad
      )
      blockers(maturity, &doc)
    } else if case .maturityLevel = appraisal.target, appraisal.scope.specificGoalsOnly {
      doc.heading("Maturity level")
      doc.paragraph(Self.specificGoalsOnlyNote)
    }
    doc.heading("Capability profile")
    doc.table(
      ["Process area", "CL 0", "CL 1", "CL 2", "CL 3", "Limitation"],
      ratedAreas.map { area in
        let level = area.capability?.level ?? 0
        return [.init(area.processArea)] + (0...3).map { $0 <= level ? .init("■", .good) : .init("□", .muted) }
          + [.init(area.capability?.limitation ?? "")]
      })
    if case .capabilityLevel(let target) = result.appraisal.target { profileTarget(target, &doc) }
    let staging = result.equivalentStaging
    doc.paragraph("Equivalent staging: maturity level \(staging.level).")
  }

  /// A continuous target is a profile: which areas in scope reach the target capability level. Equivalent
  /// staging is information beside it, so its blockers (areas nobody scoped among them) are not listed.
  private func profileTarget(_ target: Int, _ doc: inout ReportDocument) {
    let (reached, below) = capabilityTarget(target)
    doc.paragraph(
      "\(targetLevelPhrase): reached by \(reached) of \(ratedAreas.count) process areas in scope"
        + (below.isEmpty ? "." : "; not reached: " + below.joined(separator: ", ") + "."),
      tone: below.isEmpty ? .good : .bad)
  }

  /// How many rated areas reach capability level `target`, and the others as `SCON (CL 0)`.
  /// With a target profile, each area is held to its own target (`SCON (CL 1 of 2)`).
  func capabilityTarget(_ target: Int) -> (reached: Int, below: [String]) {
    let profile = !appraisal.scope.areaTargets.isEmpty
    let below = ratedAreas.filter { ($0.capability?.level ?? 0) < ($0.targetCapabilityLevel ?? target) }
    return (
      ratedAreas.count - below.count,
      below.map { area in
        "\(area.processArea) (CL \(area.capability?.level ?? 0)"
          + (profile ? " of \(area.targetCapabilityLevel ?? target))" : ")")
      }
    )
  }

  private func blockers(_ maturity: MaturityLevelResult, _ doc: inout ReportDocument) {
    guard !maturity.blockers.isEmpty else { return }
    doc.paragraph("Blocking maturity level \(maturity.level + 1):")
    doc.list(maturity.blockers.map { .init("\($0.processArea): \($0.reason)", .bad) })
  }

  func findings(_ doc: inout ReportDocument) {
    doc.heading("Findings")
    for area in ratedAreas {
      let practices = area.goals.flatMap(\.practices)
      let (weaknesses, strengths) = Self.groupedByKind(practices)
      let open = area.goals.filter { $0.value != .satisfied || $0.isProvisional }
      let team = teamFindings(for: area.processArea)
      doc.heading("\(area.processArea) \(area.name) — \(area.value.rawValue)", level: 3)
      if open.isEmpty && weaknesses.isEmpty && strengths.isEmpty && team.isEmpty {
        doc.paragraph("No weakness recorded.")
        continue
      }
      doc.list(
        open.map { goal in
          .init(
            "\(goal.goal) \(goal.value.rawValue)\(goal.isProvisional ? " (provisional)" : ""): "
              + goal.reasons.joined(separator: "; "), .init(goal.value.rawValue))
        })
      if !team.isEmpty {
        doc.paragraph("Team findings:")
        doc.list(team.map { .init($0) })
      }
      if !weaknesses.isEmpty {
        doc.paragraph("Weaknesses:")
        doc.list(
          weaknesses.map {
            .init("\($0.practice) [\(unitList($0.units))]: \($0.text)\($0.major ? " (major)" : "")", .bad)
          })
      }
      if !strengths.isEmpty {
        doc.paragraph("Strengths:")
        doc.list(
          strengths.map {
            .init("\($0.practice) [\(unitList($0.units))]: \($0.text)", .good)
          })
      }
    }
    let global = appraisal.disclosure.globalFindings
    if !global.isEmpty {
      doc.heading("Findings outside the model", level: 3)
      doc.list(global.map { .init($0) })
    }
  }

  /// The units an observation was recorded in: all of them, or in a summary the first three and a count.
  func unitList(_ units: [String]) -> String {
    guard detail == .summary, units.count > 5 else { return units.joined(separator: ", ") }
    return units.prefix(3).joined(separator: ", ") + ", … (\(units.count) instantiations)"
  }

  /// Observations of one practice with the same text, the units they were recorded in, and whether any is
  /// a major weakness.
  typealias ObservationGroup = InstantiationValues.ObservationGroup

  /// The weaknesses and the strengths of `practices`, each with the same practice and text merged, listing
  /// the units they were recorded in: ``grouped(_:)`` of their observations, read per practice from the
  /// rating table, both kinds in one walk.
  static func groupedByKind(_ practices: [OUCharacterization]) -> (
    weaknesses: [ObservationGroup], strengths: [ObservationGroup]
  ) {
    // Per practice only when no practice comes twice (then groups of different practices never merge).
    guard Set(practices.map(\.practice)).count == practices.count else {
      return (
        grouped(practices.flatMap(\.weaknesses)), grouped(practices.flatMap { $0.instantiations.strengths })
      )
    }
    var weaknesses: [ObservationGroup] = []
    var strengths: [ObservationGroup] = []
    for practice in practices {
      let groups = practice.instantiations.observationGroups()
      weaknesses += groups.weaknesses
      strengths += groups.strengths
    }
    return (weaknesses, strengths)
  }

  /// Observations with the same practice and text merged, listing the units they were recorded in.
  static func grouped(_ observations: [Observation]) -> [ObservationGroup] {
    var order: [String] = []
    var groups: [String: ObservationGroup] = [:]
    // Membership by set: a large sample repeats one finding in hundreds of units.
    var seen: [String: Set<String>] = [:]
    for observation in observations {
      let key = "\(observation.practice)\u{0}\(observation.text)"
      if groups[key] == nil {
        order.append(key)
        groups[key] = ObservationGroup(practice: observation.practice, text: observation.text)
      }
      if seen[key, default: []].insert(observation.instantiation).inserted {
        groups[key]!.units.append(observation.instantiation)
      }
      if observation.impact == .major && observation.kind == .weakness { groups[key]!.major = true }
    }
    return order.map { groups[$0]! }
  }

  func characterizations(_ doc: inout ReportDocument) {
    doc.heading("Practice characterizations")
    if detail == .summary { return characterizationSummary(&doc) }
    let units = appraisal.instantiations.map(\.id)
    var rows: [[ReportDocument.Cell]] = []
    for practice in result.practiceCharacterizations {
      var row: [ReportDocument.Cell] = [.init(practice.practice.description)]
      let byUnit = Dictionary(
        practice.instantiations.map { ($0.instantiation, $0) }, uniquingKeysWith: { first, _ in first })
      for unit in units {
        guard let value = byUnit[unit] else {
          row.append(.init("", .muted))
          continue
        }
        var text = value.value?.code ?? "—"
        if value.isOverride { text += " (derived \(value.derived!.code))" }
        row.append(.init(text, Self.tone(value.value)))
      }
      var ou = practice.value?.code ?? "—"
      if practice.judgmentNeeded { ou += " (judgment needed)" }
      if case .teamDecision = practice.basis { ou += " (team decision)" }
      row.append(.init(ou, Self.tone(practice.value)))
      rows.append(row)
    }
    doc.paragraph("FI fully, LI largely, PI partially, NI not implemented, NY not yet; — not characterized.")
    doc.table(["Practice"] + units + ["OU"], rows)
    doc.heatmap(
      .init(
        title: "Practices × instantiations", columns: units + ["OU"],
        rows: result.practiceCharacterizations.map { practice in
          let byUnit = Dictionary(
            practice.instantiations.map { ($0.instantiation, $0) }, uniquingKeysWith: { first, _ in first })
          return (
            practice.practice.description,
            units.map { unit in
              guard let value = byUnit[unit] else { return "" }
              return value.value?.code
            } + [practice.value?.code]
          )
        }))
    areaHeatmap(&doc)
  }

  /// Per practice, how many instantiations have each value (``ReportDetail/summary``).
  func characterizationSummary(_ doc: inout ReportDocument) {
    doc.paragraph(
      "Summary of \(appraisal.instantiations.count) instantiations: per practice, how many have each value "
        + "(FI fully, LI largely, PI partially, NI not implemented, NY not yet; — not characterized). "
        + "--detail full lists every instantiation.")
    doc.table(
      ["Practice"] + ReportDetail.columns + ["OU"],
      result.practiceCharacterizations.map { practice in
        var ou = practice.value?.code ?? "—"
        if practice.judgmentNeeded { ou += " (judgment needed)" }
        if case .teamDecision = practice.basis { ou += " (team decision)" }
        return [.init(practice.practice.description)]
          + ReportDetail.distribution(practice).map { .init($0 == 0 ? "" : "\($0)", $0 == 0 ? .muted : .plain) }
          + [.init(ou, Self.tone(practice.value))]
      })
    areaHeatmap(&doc)
  }

  /// Process areas × their practices' OU values. Column N is a different practice in each area, so every
  /// cell names its practice (`SP 2.3`), on screen and on paper.
  func areaHeatmap(_ doc: inout ReportDocument) {
    let width = ratedAreas.map { $0.goals.flatMap(\.practices).count }.max() ?? 0
    doc.heatmap(
      .init(
        title: "Process areas × practices (OU)", columns: (1...max(width, 1)).map { "\($0)" },
        rows: ratedAreas.map { area in
          let values = area.goals.flatMap(\.practices).map { Optional($0.value?.code) }
          return (
            area.processArea, values.map { $0 ?? nil } + Array(repeating: "", count: max(width, 1) - values.count)
          )
        },
        cellLabels: ratedAreas.map { area in area.goals.flatMap(\.practices).map(\.practice.practice) }))
  }

  /// The values a team may choose from, in words: `LI or PI`, `NI, PI or LI`.
  static func choices(_ allowed: [Characterization]) -> String {
    let codes = allowed.map(\.code)
    guard codes.count > 1 else { return codes.first ?? "" }
    return codes.dropLast().joined(separator: ", ") + " or " + codes.last!
  }

  static func tone(_ value: Characterization?) -> ReportDocument.Tone {
    switch value {
    case .fullyImplemented, .largelyImplemented: .good
    case .partiallyImplemented, .notImplemented: .bad
    case .notYet: .muted
    case nil: .unknown
    }
  }

  func judgments(_ doc: inout ReportDocument, heading: String = "Team judgments") {
    doc.heading(heading)
    let decided = result.appliedAggregationDecisions.compactMap { practice -> ReportDocument.Cell? in
      guard case .teamDecision(let allowed, let justification) = practice.basis else { return nil }
      let options = allowed.map(\.code).joined(separator: "/")
      return .init("\(practice.practice): OU value \(practice.value!.code) (allowed \(options)) — \(justification)")
    }
    let significance = result.appliedSignificanceDecisions.map { goal -> ReportDocument.Cell in
      let decision = goal.significance!
      return .init(
        "\(goal.processArea) \(goal.goal): weaknesses \(decision.significant ? "significant" : "not significant") — "
          + decision.justification)
    }
    let overrides: [ReportDocument.Cell]
    if detail == .summary {
      overrides = result.practiceCharacterizations.compactMap { practice in
        let count = practice.instantiations.overrideCount
        return count == 0
          ? nil
          : .init("\(practice.practice): the team's value differs from the derived one in \(count) instantiations")
      }
    } else {
      overrides = result.practiceCharacterizations.flatMap(\.instantiations).filter(\.isOverride).map {
        ReportDocument.Cell(
          "\($0.practice) in \($0.instantiation): team \($0.team!.code) over derived \($0.derived!.code)")
      }
    }
    let needed = result.practiceCharacterizations.compactMap { practice -> ReportDocument.Cell? in
      guard case .judgmentNeeded(let allowed) = practice.basis else { return nil }
      return .init(
        "\(practice.practice): \(practice.value?.code ?? "PI") used until the team decides; allowed "
          + Self.choices(allowed),
        .warning)
    }
    if decided.isEmpty && significance.isEmpty && overrides.isEmpty && needed.isEmpty {
      doc.paragraph("None recorded or needed.")
      return
    }
    if !decided.isEmpty {
      doc.paragraph("Aggregation decisions:")
      doc.list(decided)
    }
    if !significance.isEmpty {
      doc.paragraph("Significance decisions:")
      doc.list(significance)
    }
    if !overrides.isEmpty {
      doc.paragraph("Team characterizations overriding the derived value:")
      doc.list(overrides)
    }
    if !needed.isEmpty {
      doc.paragraph("Judgment needed:")
      doc.list(needed)
    }
  }

  func closing(_ doc: inout ReportDocument, inputs: [InputDigest]) {
    doc.heading("Appendix C: Rules applied")
    doc.list(RatingRules.summary(coverage: appraisal.coverage).map { .init("\($0.rule): \($0.statement)") })
    let notes = result.notes + warnings
    if !notes.isEmpty {
      doc.heading("Notes")
      doc.list(notes.map { .init($0, .warning) })
    }
    doc.heading("Appendix D: Input files and tool")
    doc.table(["Role", "File", "SHA-256"], inputs.map { [.init($0.role), .init($0.path), .init($0.sha256)] })
    doc.paragraph("Written by \(ToolIdentity.description).")
  }
}
