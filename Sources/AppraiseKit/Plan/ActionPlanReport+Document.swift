import AppraisalModel

extension ActionPlanReport {
  /// The plan as a format-neutral document, for the text and Markdown renderers.
  func document() -> ReportDocument {
    var document = ReportDocument(title: "Action plan: \(header.name)")
    document.paragraph(RatingRules.methodStatement, tone: .warning)
    document.keyValues([
      ("Appraisal", "\(header.name) (\(header.id)), \(header.date)"),
      ("File", file),
      ("Target", targetDescription),
      ("Today", todayStatement),
      ("Plan", planStatement),
      ("Check", checkStatement),
      ("Tool", ToolIdentity.description),
    ])

    document.heading("Scope changes needed (\(plan.scopeChanges.count))")
    if plan.scopeChanges.isEmpty { document.paragraph("none", tone: .muted) }
    document.list(plan.scopeChanges.map { .init(Self.describe($0), .warning) })

    document.heading("Action items (\(plan.items.count)), ordered by what each unblocks: goal → area → level")
    if plan.items.isEmpty { document.paragraph("none", tone: .muted) }
    for (index, item) in plan.items.enumerated() {
      document.heading("\(index + 1). \(item.chain)", level: 3)
      let value = item.value?.code ?? "not characterized"
      document.paragraph(
        "\(item.practice) \(item.title) — organizational-unit value today: \(value)"
          + (item.judgmentNeeded ? " (judgment needed)" : "")
          + (item.kind == .significantWeaknesses ? "; the team judged the goal's weaknesses significant" : ""))
      document.list(
        Self.groups(item).map { group in
          .init(
            group.instantiations.joined(separator: ", ") + ": \(Self.today(group.cell)) — "
              + Self.actions(group.cell, units: group.instantiations, of: item).joined(separator: "; "))
        })
    }

    document.heading("Data coverage shortfalls (\(plan.coverageShortfalls.count))")
    if plan.coverageShortfalls.isEmpty { document.paragraph("none", tone: .muted) }
    document.list(plan.coverageShortfalls.map { .init(Self.describe($0)) })

    document.heading("Judgments outstanding (\(plan.judgments.count))")
    if plan.judgments.isEmpty { document.paragraph("none", tone: .muted) }
    document.list(plan.judgments.map { .init(Self.describe($0), .warning) })

    document.heading("Owner and due date")
    document.paragraph(
      "Not assigned: the CSV, JSON and XLSX exports carry empty owner and due-date fields for every item.")

    document.heading("Inputs")
    document.table(["Role", "File", "SHA-256"], inputs.map { [.init($0.role), .init($0.path), .init($0.sha256)] })
    return document
  }
}
