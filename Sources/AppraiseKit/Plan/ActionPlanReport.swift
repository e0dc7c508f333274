import AppraisalModel

/// What `appraise plan` prints: the action plan (``ActionPlanner``) for one appraisal file, with the method
/// statement, the tool and the inputs like every report, in text, Markdown, CSV, JSON or XLSX. Every export
/// has empty owner and due-date columns for the team to fill in.
///
/// Pure: the same file and target give the same bytes. Items follow the plan's order (what each unblocks),
/// cells the file's sample order.
public struct ActionPlanReport: Sendable {
  /// The evidence file as named on the command line.
  public var file: String
  public var header: Appraisal.Header
  public var plan: ActionPlan
  /// The evidence file and the catalog, with the SHA-256 of the bytes read.
  public var inputs: [InputDigest]

  public init(file: String, header: Appraisal.Header, plan: ActionPlan, inputs: [InputDigest]) {
    self.file = file
    self.header = header
    self.plan = plan
    self.inputs = inputs
  }

  /// The report in `format`: text, or the bytes of a workbook. Only the workbook can fail.
  public func render(_ format: PlanFormat) throws(RenderFailure) -> RenderedReport {
    switch format {
    case .text: return .text(TextRenderer().render(document()))
    case .markdown: return .text(MarkdownRenderer().render(document()))
    case .csv: return .text(ActionPlanCSVRenderer().render(self))
    case .json: return .text(ActionPlanJSONRenderer().render(self))
    case .xlsx:
      do { return .binary(try ActionPlanXLSXRenderer().workbook(self)) } catch { throw .workbook(error) }
    }
  }

  // MARK: - Statements shared by every format

  /// `CL 1 in CAM, IRP, …` or `ML 2 (CAM, …: every area at ML 2 or below)`.
  var targetDescription: String {
    switch plan.target {
    case .capabilityLevel:
      "\(plan.target) in " + (plan.areas.isEmpty ? "no process area" : plan.areas.joined(separator: ", "))
    case .maturityLevel(let level):
      "\(plan.target): every process area at ML \(level) or below (" + plan.areas.joined(separator: ", ") + ")"
    }
  }

  /// Where the appraisal stands today.
  var todayStatement: String {
    if plan.reachedToday { return "\(plan.target) is reached today; nothing to improve" }
    var parts: [String] = []
    if !plan.scopeChanges.isEmpty {
      parts.append(
        "\(plan.scopeChanges.count) scope change\(plan.scopeChanges.count == 1 ? "" : "s") needed")
    }
    if !plan.blockedGoals.isEmpty {
      parts.append(
        "\(plan.blockedGoals.count) required goal\(plan.blockedGoals.count == 1 ? " is" : "s are") not Satisfied: "
          + plan.blockedGoals.joined(separator: ", "))
    }
    return "\(plan.target) is not reached: " + parts.joined(separator: "; ")
  }

  /// The size of the plan.
  var planStatement: String {
    let items = plan.items.count
    return "\(items) item\(items == 1 ? "" : "s"), \(plan.cellCount) practice × instantiation cell"
      + (plan.cellCount == 1 ? "" : "s") + " to bring to FI"
  }

  /// What rating again with the plan carried out gave.
  var checkStatement: String {
    let check = plan.check
    let levels = check.levels.joined(separator: ", ")
    guard check.reached else {
      return "not reached: carried out and rated again, the appraisal is at \(levels); still not Satisfied: "
        + check.remaining.joined(separator: ", ")
    }
    let provisional = plan.judgments.filter {
      if case .significance = $0.kind { return true }
      return false
    }.count
    return "reached: carried out and rated again, the appraisal is at \(levels)"
      + (check.pendingSignificance
        ? " — once the team judges the weaknesses of \(provisional) provisionally Satisfied goal"
          + (provisional == 1 ? "" : "s") + " not significant"
        : "")
  }

  /// A scope change in words.
  static func describe(_ change: ScopeChange) -> String {
    let area = "\(change.processArea) \(change.name)"
    let action: String
    switch change.reason {
    case .notInScope: action = "\(area) is not in the appraisal's scope: add it and rate it"
    case .notApplicable(let reason):
      action = "\(area) is declared not applicable (\(reason)): declare it applicable and rate it"
    case .additionNotSelected:
      action = "\(area) is an addition the organization did not select: select the additions and rate it"
    case .notExamined: action = "no sampled unit examines \(area): sample units that do"
    }
    return action + " (needed for \(change.level))"
  }

  /// The kind of a scope change, as CSV and JSON name it.
  static func kind(_ reason: ScopeChange.Reason) -> String {
    switch reason {
    case .notInScope: "not-in-scope"
    case .notApplicable: "not-applicable"
    case .additionNotSelected: "addition-not-selected"
    case .notExamined: "not-examined"
    }
  }

  /// A coverage shortfall in words.
  static func describe(_ shortfall: CoverageShortfall) -> String {
    let count =
      shortfall.rule == .share
      ? "subgroup \(shortfall.subgroup): \(shortfall.providing) of \(shortfall.units) units provide both artifacts "
        + "and affirmations, at least \(shortfall.required) required; not providing both: "
        + shortfall.missing.joined(separator: ", ")
      : shortfall.count.shortfall
    return "\(shortfall.processArea), " + count
      + (shortfall.coveredByPlan.isEmpty
        ? "" : "; the plan's cells cover " + shortfall.coveredByPlan.joined(separator: ", "))
  }

  /// An outstanding judgment in words.
  static func describe(_ judgment: OutstandingJudgment) -> String {
    switch judgment.kind {
    case .aggregation(let practice, let allowed):
      "\(practice) (\(judgment.processArea) \(judgment.goal)): its instantiation values are mixed with PI or NI, so "
        + "the rules use PI until the team records its aggregation judgment (allowed: "
        + allowed.map(\.code).joined(separator: ", ")
        + "); a judgment of LI would lift the practice without its cells"
    case .significance(let weaknesses):
      "\(judgment.processArea) \(judgment.goal): Satisfied provisionally with \(weaknesses) weakness"
        + (weaknesses == 1 ? "" : "es")
        + " not yet judged for significance; it stays Satisfied once the team judges "
        + (weaknesses == 1 ? "it" : "them") + " not significant (Unsatisfied if significant)"
    }
  }

  /// The kind of an item or judgment, as CSV and JSON name it.
  static func kind(_ item: ActionItem.Kind) -> String {
    switch item {
    case .practice: "practice"
    case .significantWeaknesses: "significant-weaknesses"
    case .coverage: "coverage"
    }
  }

  static func kind(_ judgment: OutstandingJudgment.Kind) -> String {
    switch judgment {
    case .aggregation: "aggregation"
    case .significance: "significance"
    }
  }

  /// A cell's value today: `PI (team)`, `NI (derived: …)`, `not characterized`.
  static func today(_ cell: PlanCell) -> String {
    guard let value = cell.value else { return "not characterized (nothing recorded)" }
    if cell.team != nil { return "\(value.code) (team)" }
    return "\(value.code) (\(cell.derivation))"
  }

  /// The evidence a cell lacks: `artifact`, `affirmation`, both or none.
  static func evidenceMissing(_ cell: PlanCell) -> [String] {
    (cell.needsArtifact ? ["artifact"] : []) + (cell.needsAffirmation ? ["affirmation"] : [])
  }

  /// What bringing a cell to FI takes, one phrase per action.
  static func actions(_ cell: PlanCell, of item: ActionItem) -> [String] {
    actions(cell, units: [cell.instantiation], of: item)
  }

  /// What bringing `units`, whose cells are all like `cell`, to FI takes: one phrase per action, the units
  /// named when there are at most ``ActionItem/namedUnits`` of them.
  static func actions(_ cell: PlanCell, units: [String], of item: ActionItem) -> [String] {
    let named =
      units.count <= ActionItem.namedUnits ? units.joined(separator: ", ") : "each of these \(units.count) units"
    var actions: [String] = []
    if case .coverage(let count) = item.kind {
      actions.append(
        "data coverage\(count.rule == .share ? "" : " (\(count.rule.label))") in "
          + "\(count.rule == .supportFunction ? "support function" : "subgroup") \(count.name) "
          + "(\(count.providing) of \(count.units) units provide\(count.rule == .everyUnit ? " any" : " both"), "
          + "\(count.required) required): \(named) provides artifacts and affirmations for \(item.practice.processArea)"
      )
    } else {
      for weakness in cell.weaknesses {
        actions.append("close weakness" + (weakness.impact == .major ? " (major)" : "") + ": \(weakness.text)")
      }
    }
    for kind in evidenceMissing(cell) { actions.append("\(kind) missing in \(named)") }
    // A team value wins over the indicators: the team must characterize the cell again.
    if let team = cell.team, !item.isCoverage {
      actions.append("the team characterizes it again (recorded \(team.code)); FI once the rest is done")
    }
    return actions
  }

  /// An item's cells that are in the same state and need the same things, together: the units in sample
  /// order, the groups in the order of their first unit. A to-do list names every unit, and at a large
  /// sample most cells of a practice share their state.
  struct CellGroup {
    var instantiations: [String]
    /// The first cell of the group; the others differ only in their unit.
    var cell: PlanCell
  }

  static func groups(_ item: ActionItem) -> [CellGroup] {
    struct Key: Hashable {
      var value, team: Characterization?
      var derivation: String
      var weaknesses: [String]
      var artifact, affirmation: Bool
    }
    var groups: [CellGroup] = []
    var index: [Key: Int] = [:]
    for cell in item.cells {
      let key = Key(
        value: cell.value, team: cell.team, derivation: cell.derivation,
        weaknesses: cell.weaknesses.map { "\($0.impact.rawValue) \($0.text)" }, artifact: cell.needsArtifact,
        affirmation: cell.needsAffirmation)
      if let found = index[key] {
        groups[found].instantiations.append(cell.instantiation)
      } else {
        index[key] = groups.count
        groups.append(CellGroup(instantiations: [cell.instantiation], cell: cell))
      }
    }
    return groups
  }
}

extension ActionItem {
  /// Whether the item only adds evidence for data coverage.
  var isCoverage: Bool {
    if case .coverage = kind { return true }
    return false
  }
}
