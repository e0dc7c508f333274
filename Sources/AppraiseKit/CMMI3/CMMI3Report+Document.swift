import AppraisalModel

extension CMMI3Report {
  /// The report as format-neutral blocks, for the text, Markdown and HTML renderers: the executive summary
  /// (with the type's validity statement and the method statement), the appraisal, levels, practice-group ratings, OU characterizations, per-project
  /// characterizations and weaknesses; then the appendices: the defaults the tool proposed, the rules
  /// applied, and the input files with the tool.
  func document() -> ReportDocument {
    var doc = ReportDocument(title: "CMMI V3.0 appraisal: \(appraisal.header.name)")
    executiveSummary(&doc)
    identification(&doc)
    levels(&doc)
    practiceGroups(&doc)
    ouCharacterizations(&doc)
    projectCharacterizations(&doc)
    weaknessSection(&doc)
    defaultsAppendix(&doc)
    closing(&doc)
    return doc
  }

  func executiveSummary(_ doc: inout ReportDocument) {
    doc.heading("Executive summary")
    let header = appraisal.header
    doc.paragraph(
      "\(header.organizationalUnit), \(header.date): \(result.type.title) appraisal against \(catalog.model.id) "
        + "\(catalog.model.version), \(areas.count) practice area\(areas.count == 1 ? "" : "s") in "
        + "\(appraisal.projects.count) project\(appraisal.projects.count == 1 ? "" : "s").")
    doc.paragraph(result.type.summary)
    guard result.producesRatings else {
      doc.paragraph(Self.evaluationStatement, tone: .warning)
      doc.paragraph(Self.methodStatement, tone: .warning)
      let high = result.risks.filter { $0.risk == .high }.map { "\($0.practice) in \($0.project)" }
      doc.paragraph(
        high.isEmpty ? "High weakness risk: none." : "High weakness risk: " + high.joined(separator: ", ") + ".",
        tone: high.isEmpty ? .good : .bad)
      return
    }
    doc.paragraph(Self.methodStatement, tone: .warning)
    doc.paragraph(levelSummary, tone: levelReached ? .good : .bad)
    let needed = judgmentsNeeded
    doc.paragraph(
      "\(result.flags.count) default\(result.flags.count == 1 ? "" : "s") proposed by the tool for the team to "
        + "confirm or replace (Appendix A)"
        + (needed.isEmpty
          ? "; no OU value needs a judgment."
          : "; OU values needing the team's judgment: " + needed.map(\.practice).joined(separator: ", ") + "."),
      tone: needed.isEmpty ? .plain : .warning)
  }

  /// The result against the target in one sentence.
  var levelSummary: String {
    if let maturity = result.maturityLevel {
      let blockers = maturity.blockers.map(\.practiceArea)
      return "Maturity level \(maturity.level) of target \(maturity.target)"
        + (blockers.isEmpty ? "." : "; blocking level \(maturity.level + 1): " + blockers.joined(separator: ", ") + ".")
    }
    let below = result.capabilityLevels.filter { $0.level < $0.target }
    return "Capability target reached by \(result.capabilityLevels.count - below.count) of "
      + "\(result.capabilityLevels.count) practice areas"
      + (below.isEmpty
        ? "."
        : "; not reached: "
          + below.map { "\($0.practiceArea) (CL \($0.level) of \($0.target))" }
          .joined(separator: ", ") + ".")
  }

  /// Whether the target is reached (every area's, or the maturity level).
  var levelReached: Bool {
    if let maturity = result.maturityLevel { return maturity.level >= maturity.target }
    return result.capabilityLevels.allSatisfy { $0.level >= $0.target }
  }

  func identification(_ doc: inout ReportDocument) {
    let header = appraisal.header
    doc.heading("Appraisal")
    doc.keyValues([
      ("Appraisal", "\(header.name) (\(header.id))"),
      ("Organizational unit", header.organizationalUnit),
      ("Date", header.date),
      ("Model", "\(catalog.model.id) \(catalog.model.version)" + (catalog.model.title.map { " (\($0))" } ?? "")),
      ("Appraisal type", result.type.title),
      ("Representation", appraisal.representation.rawValue),
      ("View", viewDescription),
      ("Selected areas", selectionDescription),
      ("Target", result.producesRatings ? targetDescription : "none (an Evaluation rates nothing)"),
    ])
    doc.table(
      ["Practice area", "Domain", "Rated up to level"],
      areas.map { area in
        [.init(name(ofArea: area.id)), .init(area.domain), .init("\(appraisal.ratedLevel(for: area.id))")]
      })
    doc.heading("Projects", level: 3)
    doc.table(
      ["Project", "Name", "Out of scope", "Organizational processes"],
      appraisal.projects.map { project in
        [
          .init(project.id), .init(project.name),
          .init(project.outOfScope.isEmpty ? "none" : project.outOfScope.joined(separator: ", ")),
          .init(
            project.organizationalProcesses.isEmpty ? "none" : project.organizationalProcesses.joined(separator: ", ")),
        ]
      })
    doc.heading("Organizational processes", level: 3)
    if appraisal.organizationalProcesses.isEmpty {
      doc.paragraph("None recorded.")
    } else {
      doc.table(
        ["Process", "Name"], appraisal.organizationalProcesses.map { [.init($0.id), .init($0.name)] })
    }
  }

  func levels(_ doc: inout ReportDocument) {
    doc.heading("Levels")
    guard result.producesRatings else {
      doc.paragraph("No levels: an Evaluation gives no capability or maturity level.")
      return
    }
    if let maturity = result.maturityLevel {
      doc.paragraph(
        "Maturity level \(maturity.level) of target \(maturity.target).",
        tone: maturity.level >= maturity.target ? .good : .bad)
      if !maturity.blockers.isEmpty {
        doc.paragraph("Blocking maturity level \(maturity.level + 1):")
        doc.list(maturity.blockers.map { .init("\($0.practiceArea): \($0.reason)", .bad) })
      }
      let inferred = maturity.inferences.filter { $0.throughLevel < $0.maturityLevel }
      if !inferred.isEmpty {
        doc.paragraph("Counted through their highest practice group (flagged inference):")
        doc.list(
          inferred.map {
            .init(
              "\($0.practiceArea): ML \($0.maturityLevel) through level \($0.throughLevel) — \(Self.defaultLabel)",
              .warning)
          })
      }
    }
    if !result.capabilityLevels.isEmpty {
      doc.paragraph(levelSummary, tone: levelReached ? .good : .bad)
      doc.table(
        ["Practice area", "Capability level", "Target", "Limitation"],
        result.capabilityLevels.map { level in
          [
            .init(name(ofArea: level.practiceArea)),
            .init(
              "CL \(level.level)" + (level.nextLevelNotRated ? " (next level not rated)" : ""),
              level.level >= level.target ? .good : .bad),
            .init("CL \(level.target)"), .init(level.limitation ?? ""),
          ]
        })
    }
  }

  func practiceGroups(_ doc: inout ReportDocument) {
    doc.heading("Practice group ratings")
    guard result.producesRatings else {
      doc.paragraph("None: an Evaluation rates no practice group.")
      return
    }
    doc.table(
      ["Practice area", "Level", "Rating", "Source", "Allowed", "Why"],
      result.practiceGroups.map { group in
        var why = group.reasons.joined(separator: "; ")
        if let justification = group.teamJustification {
          why = "team: \(justification) (default \(group.defaultValue.rawValue): \(why))"
        }
        if let rejected = group.rejectedDecision { why += "; decision not applied: \(rejected)" }
        return [
          .init(name(ofArea: group.practiceArea)), .init("\(group.level)"),
          .init(group.value.rawValue, .init(group.value.rawValue)),
          .init(Self.label(isDefault: group.isDefault), group.isDefault ? .warning : .plain),
          .init(group.allowed.map(\.rawValue).joined(separator: ", ")), .init(why),
        ]
      })
  }

  func ouCharacterizations(_ doc: inout ReportDocument) {
    doc.heading("OU characterizations")
    guard result.producesRatings else {
      doc.paragraph("None: an Evaluation gives no OU characterization.")
      return
    }
    doc.paragraph(
      "Proposed by analogy with SCAMPI's aggregation table; the allowed sets are an analogy, not a published rule. "
        + "The team enters each OU value by consensus.")
    doc.table(
      ["Practice", "OU value", "Proposed", "Allowed", "Judgment needed", "Source", "Why"],
      result.ouValues.map { value in
        var why = value.reason
        if let justification = value.teamJustification { why = "team: \(justification) (\(why))" }
        if let rejected = value.rejectedTeamValue { why += "; team value not applied: \(rejected)" }
        return [
          .init(value.practice), .init(value.value?.code ?? "—", Self.tone(value.value)),
          .init(value.proposed?.code ?? "—"), .init(value.allowed.map(\.code).joined(separator: ", ")),
          .init(value.judgmentNeeded ? "yes" : "no", value.judgmentNeeded ? .warning : .plain),
          .init(Self.label(value), value.isProposedDefault ? .warning : .plain), .init(why),
        ]
      })
  }

  func projectCharacterizations(_ doc: inout ReportDocument) {
    let evaluation = result.type.producesRiskValues
    doc.heading(evaluation ? "Weakness risk per project" : "Project characterizations")
    doc.paragraph(
      evaluation
        ? "Weakness risk L low, M medium, H high, NY not yet (the characterization in brackets); OOS out of scope; "
          + "— not characterized."
        : "FM fully meets, LM largely meets, PM partially meets, DM does not meet, NY not yet; OOS out of scope; "
          + "— not characterized; (default) a GOV or II value defaulted from the organizational processes.")
    let projects = appraisal.projects.map(\.id)
    let grid = practices.map { practice in
      (practice, projects.map { result.projectValue(practice, $0) })
    }
    doc.table(
      ["Practice"] + projects,
      grid.map { practice, values in
        [.init(practice)]
          + values.map { value in
            guard let value else { return .init("", .muted) }
            return .init(cellText(value), Self.tone(value.value))
          }
      })
    doc.heatmap(
      .init(
        title: evaluation ? "Practices × projects (weakness risk)" : "Practices × projects",
        columns: projects, rows: grid.map { practice, values in (practice, values.map(heatCode)) },
        scale: evaluation ? .risk : .cmmi3))
  }

  func weaknessSection(_ doc: inout ReportDocument) {
    doc.heading("Weaknesses")
    let all = weaknesses
    if all.isEmpty {
      doc.paragraph("No weakness recorded.")
      return
    }
    for practiceArea in areas {
      let mine = all.filter { area(ofPractice: $0.practice) == practiceArea.id }
      guard !mine.isEmpty else { continue }
      doc.heading(name(ofArea: practiceArea.id), level: 3)
      doc.list(
        mine.map {
          .init(
            "\($0.practice) [\($0.projects.joined(separator: ", "))]: \($0.text)" + ($0.id.map { " (\($0))" } ?? ""),
            .bad)
        })
    }
  }

  func defaultsAppendix(_ doc: inout ReportDocument) {
    doc.heading("Appendix A: Defaults the tool proposed")
    doc.paragraph(
      "Every value the tool proposed where the method leaves the decision to the team; the team confirms or "
        + "replaces each.")
    if result.flags.isEmpty {
      doc.paragraph("None.")
    } else {
      doc.table(
        ["Kind", "Subject", "Reason"],
        result.flags.map { [.init($0.kind.rawValue, .warning), .init($0.subject), .init($0.reason)] })
    }
    doc.heading("Appendix B: Rules applied")
    doc.table(
      ["Rule", "Status", "Statement"],
      rules.map { rule in
        [
          .init(rule.rule), .init(rule.status.title, rule.status == .flaggedDefault ? .warning : .plain),
          .init(rule.statement),
        ]
      })
  }

  func closing(_ doc: inout ReportDocument) {
    if !warnings.isEmpty {
      doc.heading("Notes")
      doc.list(warnings.map { .init($0, .warning) })
    }
    doc.heading("Appendix C: Input files and tool")
    doc.table(["Role", "File", "SHA-256"], inputs.map { [.init($0.role), .init($0.path), .init($0.sha256)] })
    doc.paragraph("Written by \(ToolIdentity.description).")
  }

  static func tone(_ value: ProjectCharacterization?) -> ReportDocument.Tone {
    switch value {
    case .fullyMeets, .largelyMeets: .good
    case .partiallyMeets, .doesNotMeet: .bad
    case .notYet, .outOfScope: .muted
    case nil: .unknown
    }
  }
}
